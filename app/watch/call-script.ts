// What to say when calling a customer to confirm their order, in the shop's language: a few
// short lines with the customer's first name, the order, what is in it, the total and where it
// goes. Pure.
//
// Ukrainian, Greek and Polish address a person by name in the vocative (Олено, Γιώργο, Anno),
// which cannot be made from a first name by filling a gap; their greeting leaves the name out
// (the merchant has it on screen). The others greet by name when Shopify has one.
import { isShopperLocale, type ShopperLocale } from "~/messages/locales";

export type CallScriptFacts = {
  shopName: string;
  firstName: string | null;
  orderName: string;
  /** "2 × Linen shirt, 1 × Candle" */
  items: string;
  /** The total, formatted. */
  total: string;
  /** One line; null when nothing is shipped to an address. */
  address: string | null;
};

type ScriptTexts = {
  greetingByName: string;
  greeting: string;
  order: string;
  confirm: string;
  address: string;
  close: string;
};

export const CALL_SCRIPTS: Record<ShopperLocale, ScriptTexts> = {
  en: {
    greetingByName: "Hello {firstName}, this is {shopName}.",
    greeting: "Hello, this is {shopName}.",
    order: "I’m calling about your order {orderName}: {items}, {total} in total.",
    confirm: "Could you confirm that we can go ahead and send it?",
    address: "We’ll deliver it to {address}. Is that address right?",
    close: "Thank you! We’ll let you know as soon as it’s on its way.",
  },
  fr: {
    greetingByName: "Bonjour {firstName}, ici {shopName}.",
    greeting: "Bonjour, ici {shopName}.",
    order: "Je vous appelle au sujet de votre commande {orderName} : {items}, pour un total de {total}.",
    confirm: "Pouvez-vous me confirmer que nous pouvons l’expédier ?",
    address: "Nous la livrerons à l’adresse suivante : {address}. Est-ce bien la bonne ?",
    close: "Merci beaucoup ! Nous vous prévenons dès qu’elle est en route.",
  },
  uk: {
    greetingByName: "Добрий день! Вас турбує магазин {shopName}.",
    greeting: "Добрий день! Вас турбує магазин {shopName}.",
    order: "Телефоную щодо вашого замовлення {orderName}: {items}, на суму {total}.",
    confirm: "Чи можете ви підтвердити, що ми можемо його відправити?",
    address: "Доставимо за адресою: {address}. Адреса правильна?",
    close: "Дякуємо! Повідомимо вас, щойно посилка буде в дорозі.",
  },
  el: {
    greetingByName: "Γεια σας, σας καλώ από το κατάστημα {shopName}.",
    greeting: "Γεια σας, σας καλώ από το κατάστημα {shopName}.",
    order: "Σας καλώ για την παραγγελία σας {orderName}: {items}, συνολικά {total}.",
    confirm: "Μπορείτε να μου επιβεβαιώσετε ότι μπορούμε να την αποστείλουμε;",
    address: "Θα την παραδώσουμε στη διεύθυνση: {address}. Είναι σωστή;",
    close: "Σας ευχαριστούμε! Θα σας ενημερώσουμε μόλις αποσταλεί.",
  },
  pl: {
    greetingByName: "Dzień dobry, dzwonię ze sklepu {shopName}.",
    greeting: "Dzień dobry, dzwonię ze sklepu {shopName}.",
    order: "Dzwonię w sprawie zamówienia {orderName}: {items}, łącznie {total}.",
    confirm: "Czy możemy potwierdzić zamówienie i przygotować je do wysyłki?",
    address: "Wyślemy je na adres: {address}. Czy adres się zgadza?",
    close: "Dziękujemy! Damy znać, gdy tylko paczka będzie w drodze.",
  },
  de: {
    greetingByName: "Hallo {firstName}, hier spricht {shopName}.",
    greeting: "Guten Tag, hier spricht {shopName}.",
    order: "Ich rufe wegen Ihrer Bestellung {orderName} an: {items}, insgesamt {total}.",
    confirm: "Können Sie mir bestätigen, dass wir sie versenden dürfen?",
    address: "Wir liefern an folgende Adresse: {address}. Stimmt das so?",
    close: "Vielen Dank! Wir sagen Ihnen Bescheid, sobald Ihr Paket unterwegs ist.",
  },
  es: {
    greetingByName: "Hola, {firstName}, le llamo de {shopName}.",
    greeting: "Hola, le llamo de {shopName}.",
    order: "Es sobre su pedido {orderName}: {items}, por un total de {total}.",
    confirm: "¿Me confirma que podemos enviárselo?",
    address: "Lo entregaremos en esta dirección: {address}. ¿Es correcta?",
    close: "¡Muchas gracias! Le avisaremos en cuanto esté en camino.",
  },
};

/** The script's lines, in the language (English for one without a script). */
export function callScript(language: string, facts: CallScriptFacts): { locale: ShopperLocale; lines: string[] } {
  const locale: ShopperLocale = isShopperLocale(language) ? language : "en";
  const texts = CALL_SCRIPTS[locale];
  const values: Record<string, string> = {
    shopName: facts.shopName,
    firstName: facts.firstName?.trim() ?? "",
    orderName: facts.orderName,
    items: facts.items,
    total: facts.total,
    address: facts.address ?? "",
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
  const lines = [
    fill(values.firstName ? texts.greetingByName : texts.greeting),
    fill(texts.order),
    fill(texts.confirm),
    ...(facts.address ? [fill(texts.address)] : []),
    fill(texts.close),
  ];
  return { locale, lines };
}

/** "2 × Linen shirt, 1 × Candle"; past `max` lines, how many more: "… (+3)". */
export function describeItems(lines: readonly { name: string; quantity: number }[], max = 5): string {
  const shown = lines.slice(0, max).map((line) => `${line.quantity} × ${line.name}`);
  const more = lines.length - shown.length;
  return more > 0 ? `${shown.join(", ")} (+${more})` : shown.join(", ");
}
