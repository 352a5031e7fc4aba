// Made-up but realistic values for a message's placeholders, in the shopper's language: what
// the template editor's live preview fills the merchant's text with. Fixed dates, no clock, so
// the server and the browser show the same preview. Pure: no I/O.
import { allowedPlaceholders, type MessageType } from "./catalog";
import { formatAddress, formatDate, formatMoney, formatPercent, type PostalAddress } from "./format";
import type { ShopperLocale } from "./locales";

type LocaleSample = {
  customerName: string;
  items: [string, string];
  currency: string;
  address: PostalAddress;
  returnAddress: PostalAddress;
  carrier: string;
  delayReason: string;
  giftDescription: string;
  thankYouNote: string;
  tierName: string;
};

const SAMPLES: Record<ShopperLocale, LocaleSample> = {
  en: {
    customerName: "Emma",
    items: ["Linen shirt", "Beeswax candle"],
    currency: "GBP",
    address: { name: "Emma Clarke", address1: "14 Rosebery Avenue", city: "London", zip: "EC1R 4SX", countryCode: "GB" },
    returnAddress: { company: "Returns desk", address1: "2 Dock Road", city: "Bristol", zip: "BS1 6AA", countryCode: "GB" },
    carrier: "Royal Mail",
    delayReason: "our supplier sent the fabric a week late.",
    giftDescription: "a small bar of lavender soap",
    thankYouNote: "Thank you for being one of our first customers!",
    tierName: "Gold",
  },
  fr: {
    customerName: "Marie",
    items: ["Chemise en lin", "Bougie à la cire d’abeille"],
    currency: "EUR",
    address: { name: "Marie Dubois", address1: "12 rue des Lilas", city: "Lyon", zip: "69003", countryCode: "FR" },
    returnAddress: { company: "Service retours", address1: "8 quai de la Loire", city: "Nantes", zip: "44000", countryCode: "FR" },
    carrier: "Colissimo",
    delayReason: "notre fournisseur a livré le tissu avec une semaine de retard.",
    giftDescription: "un petit savon à la lavande",
    thankYouNote: "Merci d’être l’une de nos premières clientes !",
    tierName: "Or",
  },
  uk: {
    customerName: "Олена",
    items: ["Лляна сорочка", "Свічка з бджолиного воску"],
    currency: "UAH",
    address: { name: "Олена Коваленко", address1: "вул. Хрещатик, 22", city: "Київ", zip: "01001", countryCode: "UA" },
    returnAddress: { company: "Відділ повернень", address1: "вул. Сумська, 10", city: "Харків", zip: "61000", countryCode: "UA" },
    carrier: "Нова Пошта",
    delayReason: "постачальник привіз тканину на тиждень пізніше.",
    giftDescription: "невелике лавандове мило",
    thankYouNote: "Дякуємо, що ви з нами від самого початку!",
    tierName: "Золото",
  },
  el: {
    customerName: "Ελένη",
    items: ["Λινό πουκάμισο", "Κερί από κερί μέλισσας"],
    currency: "EUR",
    address: { name: "Ελένη Παπαδοπούλου", address1: "Ερμού 25", city: "Αθήνα", zip: "105 63", countryCode: "GR" },
    returnAddress: { company: "Τμήμα επιστροφών", address1: "Τσιμισκή 40", city: "Θεσσαλονίκη", zip: "546 23", countryCode: "GR" },
    carrier: "ELTA Courier",
    delayReason: "ο προμηθευτής μας έστειλε το ύφασμα με μία εβδομάδα καθυστέρηση.",
    giftDescription: "ένα μικρό σαπούνι λεβάντας",
    thankYouNote: "Σας ευχαριστούμε που είστε από τους πρώτους μας πελάτες!",
    tierName: "Χρυσό",
  },
  pl: {
    customerName: "Anna",
    items: ["Lniana koszula", "Świeca z wosku pszczelego"],
    currency: "PLN",
    address: { name: "Anna Kowalska", address1: "ul. Floriańska 15", city: "Kraków", zip: "31-019", countryCode: "PL" },
    returnAddress: { company: "Dział zwrotów", address1: "ul. Piotrkowska 100", city: "Łódź", zip: "90-004", countryCode: "PL" },
    carrier: "InPost",
    delayReason: "nasz dostawca dostarczył tkaninę z tygodniowym opóźnieniem.",
    giftDescription: "małe mydełko lawendowe",
    thankYouNote: "Dziękujemy, że jesteś z nami od samego początku!",
    tierName: "Złoty",
  },
  de: {
    customerName: "Lena",
    items: ["Leinenhemd", "Bienenwachskerze"],
    currency: "EUR",
    address: { name: "Lena Schneider", address1: "Lindenstraße 8", city: "Berlin", zip: "10969", countryCode: "DE" },
    returnAddress: { company: "Retourenabteilung", address1: "Hafenstraße 3", city: "Hamburg", zip: "20359", countryCode: "DE" },
    carrier: "DHL",
    delayReason: "unser Lieferant hat den Stoff eine Woche zu spät geliefert.",
    giftDescription: "ein kleines Stück Lavendelseife",
    thankYouNote: "Danke, dass Sie zu unseren ersten Kundinnen gehören!",
    tierName: "Gold",
  },
  es: {
    customerName: "Lucía",
    items: ["Camisa de lino", "Vela de cera de abeja"],
    currency: "EUR",
    address: { name: "Lucía García", address1: "Calle Mayor 21", city: "Madrid", zip: "28013", countryCode: "ES" },
    returnAddress: { company: "Departamento de devoluciones", address1: "Carrer de Balmes 50", city: "Barcelona", zip: "08007", countryCode: "ES" },
    carrier: "Correos Express",
    delayReason: "nuestro proveedor nos entregó la tela con una semana de retraso.",
    giftDescription: "una pequeña pastilla de jabón de lavanda",
    thankYouNote: "¡Gracias por ser una de nuestras primeras clientas!",
    tierName: "Oro",
  },
};

/** The sample order's dates (UTC): placed, expected, return deadline, discount end. */
const ORDER_DATE = new Date("2026-11-18T10:04:00Z");
const EXPECTED_DELIVERY = new Date("2026-11-24T12:00:00Z");
const RETURN_DEADLINE = new Date("2026-12-18T12:00:00Z");
const DISCOUNT_EXPIRES = new Date("2027-01-31T12:00:00Z");
const PREVIEW_ZONE = "UTC";

/** Where the preview's buttons point: never a real shopper link. */
const SAMPLE_LINK_BASE = "https://example.com/aftercare-preview";

export const SAMPLE_SHOP_NAME = "Maison Lumen";

/** The addresses a preview's buttons and unsubscribe link use. */
export function sampleLinks(type: MessageType): { action?: string; secondaryAction?: string; unsubscribe: string } {
  const unsubscribe = `${SAMPLE_LINK_BASE}/unsubscribe`;
  switch (type) {
    case "order_confirmation":
      return { action: `${SAMPLE_LINK_BASE}/confirm`, unsubscribe };
    case "dispatch_note":
      return { action: "https://example.com/track/6A12345678901", unsubscribe };
    case "delivery_check_in":
      return { action: `${SAMPLE_LINK_BASE}/check-in?answer=arrived_well`, secondaryAction: `${SAMPLE_LINK_BASE}/check-in?answer=problem`, unsubscribe };
    case "review_request":
      return { action: "https://example.com/reviews", unsubscribe };
    default:
      return { unsubscribe };
  }
}

/**
 * A value for every placeholder the type may use, formatted for the locale as a real message
 * would be. `shopName` is the sample shop's; the caller puts in the merchant's own.
 */
export function sampleValues(type: MessageType, locale: ShopperLocale): Record<string, string> {
  const sample = SAMPLES[locale];
  const links = sampleLinks(type);
  const date = (value: Date) => formatDate(value, locale, PREVIEW_ZONE);
  const all: Record<string, string> = {
    shopName: SAMPLE_SHOP_NAME,
    customerName: sample.customerName,
    orderName: "#1042",
    orderDate: date(ORDER_DATE),
    orderTotal: formatMoney("86.40", sample.currency, locale),
    confirmUrl: links.action ?? `${SAMPLE_LINK_BASE}/confirm`,
    shippingAddress: formatAddress(sample.address, locale).join(", "),
    itemsSummary: `1 × ${sample.items[0]}, 2 × ${sample.items[1]}`,
    trackingNumber: "6A12345678901",
    trackingUrl: "https://example.com/track/6A12345678901",
    carrier: sample.carrier,
    expectedDelivery: date(EXPECTED_DELIVERY),
    delayReason: sample.delayReason,
    giftDescription: sample.giftDescription,
    discountCode: "THANKYOU10",
    arrivedWellUrl: `${SAMPLE_LINK_BASE}/check-in?answer=arrived_well`,
    problemUrl: `${SAMPLE_LINK_BASE}/check-in?answer=problem`,
    reviewUrl: "https://example.com/reviews",
    returnNumber: "R-1042-1",
    returnAddress: formatAddress(sample.returnAddress, locale).join(", "),
    returnDeadline: date(RETURN_DEADLINE),
    tierName: sample.tierName,
    discountPercent: formatPercent(10, locale),
    discountExpires: date(DISCOUNT_EXPIRES),
    thankYouNote: sample.thankYouNote,
  };
  return Object.fromEntries(allowedPlaceholders(type).map((name) => [name, all[name] ?? ""]));
}
