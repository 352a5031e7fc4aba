// What shoppers read while starting a return on the storefront (the lookup, the items, the
// summary of what the policy will do, the confirmation), and the texts printed on the return
// label PDF, in the seven shopper languages. The policy's decision is told from its code
// (return-policy.ts ReturnDecisionCode), its apology per shop-fault reason and its goodwill,
// never by translating the English explanation. Pure: no I/O.
//
// Texts use `{{placeholder}}` (filled by fillCopy); French keeps its non-breaking space before
// « ? ! : ».
import type { ShopperLocale } from "~/messages/locales";
import type { ExclusionCode, Goodwill, ReturnDecision, ReturnDecisionCode, ReturnReason } from "./return-policy";

export type ReturnCopy = {
  lookup: {
    title: string;
    intro: string;
    orderNumber: string;
    email: string;
    submit: string;
    /** The same words whether the order does not exist or the email is not the order's. */
    notFound: string;
    missing: string;
    /** {{minutes}} */
    tooMany: string;
  };
  items: {
    title: string;
    /** {{orderName}} */
    intro: string;
    /** {{max}} */
    quantity: string;
    none: string;
    excludedHeading: string;
    reason: string;
    chooseReason: string;
    comment: string;
    photo: string;
    photoHint: string;
    review: string;
    chooseSomething: string;
    /** {{max}} {{title}} */
    tooMany: string;
    lineProblem: string;
  };
  /** Why a line cannot be returned. window_closed has {{date}}. */
  exclusions: Record<ExclusionCode, string>;
  reasons: Record<ReturnReason, string>;
  summary: {
    title: string;
    intro: string;
    reasonLabel: string;
    commentLabel: string;
    submit: string;
    change: string;
  };
  decisions: Record<ReturnDecisionCode, string>;
  apologies: Partial<Record<ReturnReason, string>>;
  /** {{percent}} for the discount. "Now" when the return is approved at once, "later" once it is. */
  goodwill: { discountNow: string; discountLater: string; freeShippingNow: string; freeShippingLater: string; replacement: string };
  done: {
    title: string;
    /** {{returnNumber}} */
    number: string;
    approved: string;
    waiting: string;
    alreadySent: string;
    downloadLabel: string;
  };
  errors: { generic: string; photoTooBig: string; photoType: string; expired: string };
  /** Printed on the label and packing slip (return-label-pdf.server.ts ReturnLabelTexts, and the packing steps). */
  label: { heading: string; from: string; to: string; items: string; instructions: string; returnNumber: string; packing: string[] };
};

const en: ReturnCopy = {
  lookup: {
    title: "Start a return",
    intro: "Enter your order number and the email address you used when ordering.",
    orderNumber: "Order number",
    email: "Email address",
    submit: "Find my order",
    notFound: "We couldn't find an order with that number and email address. Please check both and try again.",
    missing: "Please enter both your order number and your email address.",
    tooMany: "Too many attempts. Please wait {{minutes}} minutes and try again.",
  },
  items: {
    title: "What would you like to return?",
    intro: "Order {{orderName}}: choose the items and how many of each.",
    quantity: "How many (up to {{max}})",
    none: "Nothing in this order can be returned at the moment.",
    excludedHeading: "These items can't be returned",
    reason: "Reason for the return",
    chooseReason: "Choose a reason",
    comment: "Anything you'd like to add? (optional)",
    photo: "Photo (optional)",
    photoHint: "A photo helps if the item is damaged or faulty: JPEG, PNG, WebP or HEIC, up to 5 MB.",
    review: "Continue",
    chooseSomething: "Choose at least one item and a reason.",
    tooMany: "You can return at most {{max}} of “{{title}}”.",
    lineProblem: "This item can't be returned in that quantity.",
  },
  exclusions: {
    final_sale: "Final sale: this item can't be returned.",
    already_returned: "Already returned.",
    window_closed: "The return period ended on {{date}}.",
    not_shipped: "Not shipped yet, so there is nothing to return.",
  },
  reasons: {
    wrong_item: "I received the wrong item",
    damaged_in_transit: "It arrived damaged",
    defective: "It's faulty or doesn't work",
    not_as_described: "It's not as described",
    size_or_fit: "Wrong size or fit",
    changed_mind: "I changed my mind",
    other: "Another reason",
  },
  summary: {
    title: "Check your return",
    intro: "Here is what you're returning and what happens next.",
    reasonLabel: "Reason",
    commentLabel: "Your note",
    submit: "Send my return request",
    change: "Change something",
  },
  decisions: {
    approved_prepaid_label: "Your return will be approved straight away and we'll email you a prepaid return label, so sending it back costs you nothing.",
    approved_shopper_postage: "Your return will be approved straight away and we'll email you instructions for sending it back. The return postage is yours to pay.",
    review_prepaid_label: "Our team will look at your request first. Once it's approved, we'll email you a prepaid return label, so the postage costs you nothing.",
    review_shopper_postage: "Our team will look at your request first. Once it's approved, we'll email you instructions for sending your items back. The return postage is yours to pay.",
  },
  apologies: {
    wrong_item: "We're sorry we sent you the wrong item.",
    damaged_in_transit: "We're sorry your order arrived damaged.",
    defective: "We're sorry the item is faulty.",
    not_as_described: "We're sorry the item wasn't as described.",
  },
  goodwill: {
    discountNow: "As an apology, you'll also receive a {{percent}}% discount code for your next order.",
    discountLater: "As an apology, you'll also receive a {{percent}}% discount code for your next order once your return is approved.",
    freeShippingNow: "As an apology, you'll also receive a code for free shipping on your next order.",
    freeShippingLater: "As an apology, you'll also receive a code for free shipping on your next order once your return is approved.",
    replacement: "If you'd like, we'll send you a replacement instead of a refund.",
  },
  done: {
    title: "Return requested",
    number: "Your return number is {{returnNumber}}.",
    approved: "Your return is approved. We've emailed you the return label and instructions: please check your inbox.",
    waiting: "We'll look at your request and email you as soon as it's approved.",
    alreadySent: "We already have this return request. There's no need to send it again.",
    downloadLabel: "Download the return label (PDF)",
  },
  errors: {
    generic: "Something went wrong. Please try again in a moment.",
    photoTooBig: "The photo is larger than 5 MB. Please choose a smaller one.",
    photoType: "The photo must be a JPEG, PNG, WebP or HEIC image.",
    expired: "This page has expired. Please look up your order again.",
  },
  label: {
    heading: "Return label",
    from: "From",
    to: "To",
    items: "Items in this parcel",
    instructions: "How to pack your return",
    returnNumber: "Return number",
    packing: ["Pack the items securely, in their original packaging if you still have it.", "Put this packing slip inside the parcel.", "Stick the label on the outside of the parcel, over any old labels."],
  },
};

const fr: ReturnCopy = {
  lookup: {
    title: "Retourner un article",
    intro: "Saisissez votre numéro de commande et l’adresse e-mail utilisée lors de votre achat.",
    orderNumber: "Numéro de commande",
    email: "Adresse e-mail",
    submit: "Retrouver ma commande",
    notFound: "Nous n’avons trouvé aucune commande avec ce numéro et cette adresse e-mail. Vérifiez-les et réessayez.",
    missing: "Indiquez votre numéro de commande et votre adresse e-mail.",
    tooMany: "Trop de tentatives. Patientez {{minutes}}\u00a0minutes avant de réessayer.",
  },
  items: {
    title: "Que souhaitez-vous retourner\u00a0?",
    intro: "Commande {{orderName}}\u00a0: choisissez les articles et leur quantité.",
    quantity: "Quantité (jusqu’à {{max}})",
    none: "Aucun article de cette commande ne peut être retourné pour le moment.",
    excludedHeading: "Ces articles ne peuvent pas être retournés",
    reason: "Motif du retour",
    chooseReason: "Choisissez un motif",
    comment: "Souhaitez-vous ajouter quelque chose\u00a0? (facultatif)",
    photo: "Photo (facultatif)",
    photoHint: "Une photo nous aide si l’article est abîmé ou défectueux\u00a0: JPEG, PNG, WebP ou HEIC, 5\u00a0Mo au maximum.",
    review: "Continuer",
    chooseSomething: "Choisissez au moins un article et un motif.",
    tooMany: "Vous pouvez retourner au maximum {{max}} «\u00a0{{title}}\u00a0».",
    lineProblem: "Cet article ne peut pas être retourné dans cette quantité.",
  },
  exclusions: {
    final_sale: "Vente finale\u00a0: cet article n’est ni repris ni échangé.",
    already_returned: "Déjà retourné.",
    window_closed: "Le délai de retour a pris fin le {{date}}.",
    not_shipped: "Pas encore expédié\u00a0: il n’y a rien à retourner.",
  },
  reasons: {
    wrong_item: "J’ai reçu le mauvais article",
    damaged_in_transit: "Il est arrivé abîmé",
    defective: "Il est défectueux ou ne fonctionne pas",
    not_as_described: "Il ne correspond pas à la description",
    size_or_fit: "Taille ou coupe inadaptée",
    changed_mind: "J’ai changé d’avis",
    other: "Autre motif",
  },
  summary: {
    title: "Vérifiez votre retour",
    intro: "Voici ce que vous retournez et ce qui va se passer ensuite.",
    reasonLabel: "Motif",
    commentLabel: "Votre message",
    submit: "Envoyer ma demande de retour",
    change: "Modifier",
  },
  decisions: {
    approved_prepaid_label: "Votre retour sera accepté immédiatement et nous vous enverrons par e-mail une étiquette de retour prépayée\u00a0: le renvoi ne vous coûtera rien.",
    approved_shopper_postage: "Votre retour sera accepté immédiatement et nous vous enverrons par e-mail les instructions pour le renvoi. Les frais de retour sont à votre charge.",
    review_prepaid_label: "Notre équipe va d’abord examiner votre demande. Une fois celle-ci acceptée, nous vous enverrons par e-mail une étiquette de retour prépayée\u00a0: l’envoi ne vous coûtera rien.",
    review_shopper_postage: "Notre équipe va d’abord examiner votre demande. Une fois celle-ci acceptée, nous vous enverrons par e-mail les instructions pour nous renvoyer vos articles. Les frais de retour sont à votre charge.",
  },
  apologies: {
    wrong_item: "Nous sommes désolés de vous avoir envoyé le mauvais article.",
    damaged_in_transit: "Nous sommes désolés que votre commande soit arrivée abîmée.",
    defective: "Nous sommes désolés que l’article soit défectueux.",
    not_as_described: "Nous sommes désolés que l’article ne corresponde pas à sa description.",
  },
  goodwill: {
    discountNow: "Pour nous faire pardonner, vous recevrez aussi un code de réduction de {{percent}}\u00a0% pour votre prochaine commande.",
    discountLater: "Pour nous faire pardonner, vous recevrez aussi un code de réduction de {{percent}}\u00a0% pour votre prochaine commande dès que votre retour sera accepté.",
    freeShippingNow: "Pour nous faire pardonner, vous recevrez aussi un code de livraison gratuite pour votre prochaine commande.",
    freeShippingLater: "Pour nous faire pardonner, vous recevrez aussi un code de livraison gratuite pour votre prochaine commande dès que votre retour sera accepté.",
    replacement: "Si vous le souhaitez, nous vous enverrons un article de remplacement plutôt qu’un remboursement.",
  },
  done: {
    title: "Demande de retour envoyée",
    number: "Votre numéro de retour est le {{returnNumber}}.",
    approved: "Votre retour est accepté. Nous vous avons envoyé l’étiquette et les instructions par e-mail\u00a0: pensez à consulter votre boîte de réception.",
    waiting: "Nous allons examiner votre demande et vous écrirons dès qu’elle sera acceptée.",
    alreadySent: "Nous avons déjà reçu cette demande de retour. Inutile de l’envoyer à nouveau.",
    downloadLabel: "Télécharger l’étiquette de retour (PDF)",
  },
  errors: {
    generic: "Une erreur s’est produite. Merci de réessayer dans un instant.",
    photoTooBig: "La photo dépasse 5\u00a0Mo. Choisissez-en une plus légère.",
    photoType: "La photo doit être au format JPEG, PNG, WebP ou HEIC.",
    expired: "Cette page a expiré. Merci de rechercher à nouveau votre commande.",
  },
  label: {
    heading: "Étiquette de retour",
    from: "Expéditeur",
    to: "Destinataire",
    items: "Contenu du colis",
    instructions: "Comment emballer votre retour",
    returnNumber: "Numéro de retour",
    packing: ["Emballez soigneusement les articles, si possible dans leur emballage d’origine.", "Glissez ce bordereau dans le colis.", "Collez l’étiquette sur le colis, par-dessus les anciennes étiquettes."],
  },
};

const de: ReturnCopy = {
  lookup: {
    title: "Rücksendung starten",
    intro: "Gib deine Bestellnummer und die E-Mail-Adresse ein, mit der du bestellt hast.",
    orderNumber: "Bestellnummer",
    email: "E-Mail-Adresse",
    submit: "Bestellung finden",
    notFound: "Wir haben keine Bestellung mit dieser Nummer und E-Mail-Adresse gefunden. Bitte prüfe beides und versuche es noch einmal.",
    missing: "Bitte gib deine Bestellnummer und deine E-Mail-Adresse ein.",
    tooMany: "Zu viele Versuche. Bitte warte {{minutes}} Minuten und versuche es dann noch einmal.",
  },
  items: {
    title: "Was möchtest du zurücksenden?",
    intro: "Bestellung {{orderName}}: Wähle die Artikel und die Anzahl.",
    quantity: "Anzahl (bis zu {{max}})",
    none: "Aus dieser Bestellung kann derzeit nichts zurückgesendet werden.",
    excludedHeading: "Diese Artikel können nicht zurückgesendet werden",
    reason: "Grund der Rücksendung",
    chooseReason: "Grund auswählen",
    comment: "Möchtest du noch etwas ergänzen? (optional)",
    photo: "Foto (optional)",
    photoHint: "Ein Foto hilft uns, wenn der Artikel beschädigt oder defekt ist: JPEG, PNG, WebP oder HEIC, höchstens 5 MB.",
    review: "Weiter",
    chooseSomething: "Wähle mindestens einen Artikel und einen Grund.",
    tooMany: "Von „{{title}}“ kannst du höchstens {{max}} zurücksenden.",
    lineProblem: "Dieser Artikel kann in dieser Anzahl nicht zurückgesendet werden.",
  },
  exclusions: {
    final_sale: "Vom Umtausch ausgeschlossen.",
    already_returned: "Bereits zurückgesendet.",
    window_closed: "Die Rückgabefrist ist am {{date}} abgelaufen.",
    not_shipped: "Noch nicht versendet, daher gibt es nichts zurückzusenden.",
  },
  reasons: {
    wrong_item: "Ich habe den falschen Artikel erhalten",
    damaged_in_transit: "Er kam beschädigt an",
    defective: "Er ist defekt oder funktioniert nicht",
    not_as_described: "Er entspricht nicht der Beschreibung",
    size_or_fit: "Größe oder Passform stimmt nicht",
    changed_mind: "Ich habe es mir anders überlegt",
    other: "Anderer Grund",
  },
  summary: {
    title: "Rücksendung prüfen",
    intro: "Das sendest du zurück, und so geht es weiter.",
    reasonLabel: "Grund",
    commentLabel: "Deine Nachricht",
    submit: "Rücksendung beantragen",
    change: "Ändern",
  },
  decisions: {
    approved_prepaid_label: "Deine Rücksendung wird sofort genehmigt und wir schicken dir ein frankiertes Rücksendeetikett per E-Mail – die Rücksendung kostet dich also nichts.",
    approved_shopper_postage: "Deine Rücksendung wird sofort genehmigt und wir schicken dir per E-Mail eine Anleitung für die Rücksendung. Das Rückporto übernimmst du.",
    review_prepaid_label: "Unser Team sieht sich deine Anfrage zuerst an. Sobald sie genehmigt ist, schicken wir dir ein frankiertes Rücksendeetikett per E-Mail – das Porto kostet dich also nichts.",
    review_shopper_postage: "Unser Team sieht sich deine Anfrage zuerst an. Sobald sie genehmigt ist, schicken wir dir per E-Mail eine Anleitung, wie du die Artikel zurücksendest. Das Rückporto übernimmst du.",
  },
  apologies: {
    wrong_item: "Es tut uns leid, dass wir dir den falschen Artikel geschickt haben.",
    damaged_in_transit: "Es tut uns leid, dass deine Bestellung beschädigt angekommen ist.",
    defective: "Es tut uns leid, dass der Artikel defekt ist.",
    not_as_described: "Es tut uns leid, dass der Artikel nicht der Beschreibung entspricht.",
  },
  goodwill: {
    discountNow: "Als kleine Entschuldigung bekommst du außerdem einen Rabattcode über {{percent}} % für deine nächste Bestellung.",
    discountLater: "Als kleine Entschuldigung bekommst du außerdem einen Rabattcode über {{percent}} % für deine nächste Bestellung, sobald deine Rücksendung genehmigt ist.",
    freeShippingNow: "Als kleine Entschuldigung bekommst du außerdem einen Code für kostenlosen Versand bei deiner nächsten Bestellung.",
    freeShippingLater: "Als kleine Entschuldigung bekommst du außerdem einen Code für kostenlosen Versand bei deiner nächsten Bestellung, sobald deine Rücksendung genehmigt ist.",
    replacement: "Wenn du möchtest, schicken wir dir statt einer Erstattung einen Ersatzartikel.",
  },
  done: {
    title: "Rücksendung beantragt",
    number: "Deine Rücksendenummer lautet {{returnNumber}}.",
    approved: "Deine Rücksendung ist genehmigt. Wir haben dir das Etikett und die Anleitung per E-Mail geschickt – sieh bitte in deinem Posteingang nach.",
    waiting: "Wir sehen uns deine Anfrage an und schreiben dir, sobald sie genehmigt ist.",
    alreadySent: "Diese Rücksendung liegt uns bereits vor. Du musst sie nicht noch einmal senden.",
    downloadLabel: "Rücksendeetikett herunterladen (PDF)",
  },
  errors: {
    generic: "Etwas ist schiefgelaufen. Bitte versuche es gleich noch einmal.",
    photoTooBig: "Das Foto ist größer als 5 MB. Bitte wähle ein kleineres.",
    photoType: "Das Foto muss ein JPEG-, PNG-, WebP- oder HEIC-Bild sein.",
    expired: "Diese Seite ist abgelaufen. Bitte suche deine Bestellung noch einmal.",
  },
  label: {
    heading: "Rücksendeetikett",
    from: "Absender",
    to: "Empfänger",
    items: "Inhalt des Pakets",
    instructions: "So verpackst du deine Rücksendung",
    returnNumber: "Rücksendenummer",
    packing: ["Verpacke die Artikel sicher, am besten in der Originalverpackung.", "Lege diesen Lieferschein in das Paket.", "Klebe das Etikett außen auf das Paket, über alte Etiketten."],
  },
};

const es: ReturnCopy = {
  lookup: {
    title: "Iniciar una devolución",
    intro: "Introduce tu número de pedido y el correo electrónico que usaste al comprar.",
    orderNumber: "Número de pedido",
    email: "Correo electrónico",
    submit: "Buscar mi pedido",
    notFound: "No hemos encontrado ningún pedido con ese número y ese correo electrónico. Revisa ambos datos e inténtalo de nuevo.",
    missing: "Introduce tu número de pedido y tu correo electrónico.",
    tooMany: "Demasiados intentos. Espera {{minutes}} minutos y vuelve a intentarlo.",
  },
  items: {
    title: "¿Qué quieres devolver?",
    intro: "Pedido {{orderName}}: elige los artículos y cuántas unidades de cada uno.",
    quantity: "Cantidad (hasta {{max}})",
    none: "Ahora mismo no se puede devolver nada de este pedido.",
    excludedHeading: "Estos artículos no se pueden devolver",
    reason: "Motivo de la devolución",
    chooseReason: "Elige un motivo",
    comment: "¿Quieres añadir algo? (opcional)",
    photo: "Foto (opcional)",
    photoHint: "Una foto nos ayuda si el artículo está dañado o defectuoso: JPEG, PNG, WebP o HEIC, hasta 5 MB.",
    review: "Continuar",
    chooseSomething: "Elige al menos un artículo y un motivo.",
    tooMany: "Puedes devolver como máximo {{max}} de «{{title}}».",
    lineProblem: "Este artículo no se puede devolver en esa cantidad.",
  },
  exclusions: {
    final_sale: "Venta final: este artículo no admite devolución.",
    already_returned: "Ya devuelto.",
    window_closed: "El plazo de devolución terminó el {{date}}.",
    not_shipped: "Aún no se ha enviado, así que no hay nada que devolver.",
  },
  reasons: {
    wrong_item: "He recibido un artículo equivocado",
    damaged_in_transit: "Llegó dañado",
    defective: "Está defectuoso o no funciona",
    not_as_described: "No es como se describía",
    size_or_fit: "La talla o el ajuste no son los adecuados",
    changed_mind: "He cambiado de opinión",
    other: "Otro motivo",
  },
  summary: {
    title: "Revisa tu devolución",
    intro: "Esto es lo que vas a devolver y lo que pasará a continuación.",
    reasonLabel: "Motivo",
    commentLabel: "Tu comentario",
    submit: "Enviar mi solicitud de devolución",
    change: "Cambiar algo",
  },
  decisions: {
    approved_prepaid_label: "Tu devolución se aprobará al momento y te enviaremos por correo una etiqueta de devolución prepagada, así que el envío no te costará nada.",
    approved_shopper_postage: "Tu devolución se aprobará al momento y te enviaremos por correo las instrucciones para el envío. Los gastos de devolución corren de tu cuenta.",
    review_prepaid_label: "Nuestro equipo revisará primero tu solicitud. Cuando esté aprobada, te enviaremos por correo una etiqueta de devolución prepagada, así que el envío no te costará nada.",
    review_shopper_postage: "Nuestro equipo revisará primero tu solicitud. Cuando esté aprobada, te enviaremos por correo las instrucciones para devolver los artículos. Los gastos de devolución corren de tu cuenta.",
  },
  apologies: {
    wrong_item: "Sentimos haberte enviado un artículo equivocado.",
    damaged_in_transit: "Sentimos que tu pedido llegara dañado.",
    defective: "Sentimos que el artículo esté defectuoso.",
    not_as_described: "Sentimos que el artículo no fuera como se describía.",
  },
  goodwill: {
    discountNow: "Para compensarte, también recibirás un código de descuento del {{percent}} % para tu próximo pedido.",
    discountLater: "Para compensarte, también recibirás un código de descuento del {{percent}} % para tu próximo pedido en cuanto se apruebe tu devolución.",
    freeShippingNow: "Para compensarte, también recibirás un código de envío gratuito para tu próximo pedido.",
    freeShippingLater: "Para compensarte, también recibirás un código de envío gratuito para tu próximo pedido en cuanto se apruebe tu devolución.",
    replacement: "Si lo prefieres, te enviaremos un artículo de sustitución en lugar de un reembolso.",
  },
  done: {
    title: "Devolución solicitada",
    number: "Tu número de devolución es {{returnNumber}}.",
    approved: "Tu devolución está aprobada. Te hemos enviado por correo la etiqueta y las instrucciones: revisa tu bandeja de entrada.",
    waiting: "Revisaremos tu solicitud y te escribiremos en cuanto esté aprobada.",
    alreadySent: "Ya tenemos esta solicitud de devolución. No hace falta que la envíes otra vez.",
    downloadLabel: "Descargar la etiqueta de devolución (PDF)",
  },
  errors: {
    generic: "Algo ha salido mal. Vuelve a intentarlo en un momento.",
    photoTooBig: "La foto ocupa más de 5 MB. Elige una más pequeña.",
    photoType: "La foto debe ser una imagen JPEG, PNG, WebP o HEIC.",
    expired: "Esta página ha caducado. Vuelve a buscar tu pedido.",
  },
  label: {
    heading: "Etiqueta de devolución",
    from: "Remitente",
    to: "Destinatario",
    items: "Contenido del paquete",
    instructions: "Cómo embalar tu devolución",
    returnNumber: "Número de devolución",
    packing: ["Embala bien los artículos, a ser posible en su embalaje original.", "Mete este albarán dentro del paquete.", "Pega la etiqueta por fuera del paquete, encima de las etiquetas antiguas."],
  },
};

const pl: ReturnCopy = {
  lookup: {
    title: "Zwrot towaru",
    intro: "Wpisz numer zamówienia i adres e-mail podany przy zakupie.",
    orderNumber: "Numer zamówienia",
    email: "Adres e-mail",
    submit: "Znajdź zamówienie",
    notFound: "Nie znaleźliśmy zamówienia o tym numerze i adresie e-mail. Sprawdź oba dane i spróbuj ponownie.",
    missing: "Wpisz numer zamówienia i adres e-mail.",
    tooMany: "Zbyt wiele prób. Odczekaj {{minutes}} min i spróbuj ponownie.",
  },
  items: {
    title: "Co chcesz zwrócić?",
    intro: "Zamówienie {{orderName}}: wybierz produkty i ich liczbę.",
    quantity: "Liczba sztuk (maks. {{max}})",
    none: "Obecnie nie można zwrócić żadnego produktu z tego zamówienia.",
    excludedHeading: "Tych produktów nie można zwrócić",
    reason: "Powód zwrotu",
    chooseReason: "Wybierz powód",
    comment: "Chcesz coś dodać? (opcjonalnie)",
    photo: "Zdjęcie (opcjonalnie)",
    photoHint: "Zdjęcie pomoże nam, jeśli produkt jest uszkodzony lub wadliwy: JPEG, PNG, WebP lub HEIC, do 5 MB.",
    review: "Dalej",
    chooseSomething: "Wybierz co najmniej jeden produkt i powód zwrotu.",
    tooMany: "Produktu „{{title}}” możesz zwrócić najwyżej {{max}} szt.",
    lineProblem: "Tego produktu nie można zwrócić w tej liczbie sztuk.",
  },
  exclusions: {
    final_sale: "Wyprzedaż: ten produkt nie podlega zwrotowi.",
    already_returned: "Już zwrócono.",
    window_closed: "Termin na zwrot minął {{date}}.",
    not_shipped: "Jeszcze niewysłany, więc nie ma czego zwracać.",
  },
  reasons: {
    wrong_item: "Otrzymałem(-am) niewłaściwy produkt",
    damaged_in_transit: "Dotarł uszkodzony",
    defective: "Jest wadliwy lub nie działa",
    not_as_described: "Jest niezgodny z opisem",
    size_or_fit: "Nieodpowiedni rozmiar lub krój",
    changed_mind: "Zmieniłem(-am) zdanie",
    other: "Inny powód",
  },
  summary: {
    title: "Sprawdź swój zwrot",
    intro: "Oto co zwracasz i co stanie się dalej.",
    reasonLabel: "Powód",
    commentLabel: "Twoja wiadomość",
    submit: "Wyślij zgłoszenie zwrotu",
    change: "Zmień",
  },
  decisions: {
    approved_prepaid_label: "Twój zwrot zostanie od razu zaakceptowany, a my wyślemy Ci e-mailem opłaconą etykietę zwrotną, więc odesłanie nic Cię nie będzie kosztować.",
    approved_shopper_postage: "Twój zwrot zostanie od razu zaakceptowany, a my wyślemy Ci e-mailem instrukcję odesłania. Koszt przesyłki zwrotnej pokrywasz Ty.",
    review_prepaid_label: "Nasz zespół najpierw przejrzy Twoje zgłoszenie. Po jego akceptacji wyślemy Ci e-mailem opłaconą etykietę zwrotną, więc przesyłka nic Cię nie będzie kosztować.",
    review_shopper_postage: "Nasz zespół najpierw przejrzy Twoje zgłoszenie. Po jego akceptacji wyślemy Ci e-mailem instrukcję odesłania produktów. Koszt przesyłki zwrotnej pokrywasz Ty.",
  },
  apologies: {
    wrong_item: "Przepraszamy, że wysłaliśmy Ci niewłaściwy produkt.",
    damaged_in_transit: "Przepraszamy, że Twoje zamówienie dotarło uszkodzone.",
    defective: "Przepraszamy, że produkt jest wadliwy.",
    not_as_described: "Przepraszamy, że produkt nie był zgodny z opisem.",
  },
  goodwill: {
    discountNow: "W ramach przeprosin otrzymasz też kod rabatowy -{{percent}}% na kolejne zamówienie.",
    discountLater: "W ramach przeprosin po akceptacji zwrotu otrzymasz też kod rabatowy -{{percent}}% na kolejne zamówienie.",
    freeShippingNow: "W ramach przeprosin otrzymasz też kod na darmową dostawę przy kolejnym zamówieniu.",
    freeShippingLater: "W ramach przeprosin po akceptacji zwrotu otrzymasz też kod na darmową dostawę przy kolejnym zamówieniu.",
    replacement: "Jeśli wolisz, zamiast zwrotu pieniędzy wyślemy Ci nowy egzemplarz.",
  },
  done: {
    title: "Zwrot zgłoszony",
    number: "Numer Twojego zwrotu: {{returnNumber}}.",
    approved: "Twój zwrot został zaakceptowany. Wysłaliśmy Ci e-mailem etykietę i instrukcję – sprawdź skrzynkę odbiorczą.",
    waiting: "Przejrzymy Twoje zgłoszenie i napiszemy, gdy tylko zostanie zaakceptowane.",
    alreadySent: "To zgłoszenie zwrotu już do nas dotarło. Nie trzeba wysyłać go ponownie.",
    downloadLabel: "Pobierz etykietę zwrotną (PDF)",
  },
  errors: {
    generic: "Coś poszło nie tak. Spróbuj ponownie za chwilę.",
    photoTooBig: "Zdjęcie ma ponad 5 MB. Wybierz mniejsze.",
    photoType: "Zdjęcie musi być w formacie JPEG, PNG, WebP lub HEIC.",
    expired: "Ta strona wygasła. Wyszukaj zamówienie ponownie.",
  },
  label: {
    heading: "Etykieta zwrotna",
    from: "Nadawca",
    to: "Odbiorca",
    items: "Zawartość paczki",
    instructions: "Jak zapakować zwrot",
    returnNumber: "Numer zwrotu",
    packing: ["Zapakuj produkty starannie, najlepiej w oryginalne opakowanie.", "Włóż ten dokument do paczki.", "Naklej etykietę na zewnątrz paczki, na stare etykiety."],
  },
};

const uk: ReturnCopy = {
  lookup: {
    title: "Оформити повернення",
    intro: "Введіть номер замовлення та адресу електронної пошти, яку ви вказали під час покупки.",
    orderNumber: "Номер замовлення",
    email: "Електронна пошта",
    submit: "Знайти замовлення",
    notFound: "Ми не знайшли замовлення з таким номером і адресою електронної пошти. Перевірте обидва поля та спробуйте ще раз.",
    missing: "Введіть номер замовлення та адресу електронної пошти.",
    tooMany: "Забагато спроб. Зачекайте {{minutes}} хв і спробуйте ще раз.",
  },
  items: {
    title: "Що ви хочете повернути?",
    intro: "Замовлення {{orderName}}: виберіть товари та їх кількість.",
    quantity: "Кількість (до {{max}})",
    none: "Наразі жоден товар із цього замовлення не можна повернути.",
    excludedHeading: "Ці товари не можна повернути",
    reason: "Причина повернення",
    chooseReason: "Виберіть причину",
    comment: "Хочете щось додати? (необов’язково)",
    photo: "Фото (необов’язково)",
    photoHint: "Фото допоможе, якщо товар пошкоджений або несправний: JPEG, PNG, WebP чи HEIC, до 5 МБ.",
    review: "Далі",
    chooseSomething: "Виберіть принаймні один товар і причину.",
    tooMany: "Товару «{{title}}» можна повернути не більше ніж {{max}} шт.",
    lineProblem: "Цей товар не можна повернути в такій кількості.",
  },
  exclusions: {
    final_sale: "Фінальний розпродаж: цей товар поверненню не підлягає.",
    already_returned: "Уже повернено.",
    window_closed: "Строк повернення закінчився {{date}}.",
    not_shipped: "Ще не відправлено, тож повертати нічого.",
  },
  reasons: {
    wrong_item: "Я отримав(-ла) не той товар",
    damaged_in_transit: "Товар прибув пошкодженим",
    defective: "Товар несправний або не працює",
    not_as_described: "Товар не відповідає опису",
    size_or_fit: "Не підійшов розмір чи посадка",
    changed_mind: "Я передумав(-ла)",
    other: "Інша причина",
  },
  summary: {
    title: "Перевірте повернення",
    intro: "Ось що ви повертаєте і що буде далі.",
    reasonLabel: "Причина",
    commentLabel: "Ваш коментар",
    submit: "Надіслати запит на повернення",
    change: "Змінити",
  },
  decisions: {
    approved_prepaid_label: "Ваше повернення буде схвалено одразу, і ми надішлемо вам електронною поштою оплачену зворотну етикетку, тож відправлення нічого вам не коштуватиме.",
    approved_shopper_postage: "Ваше повернення буде схвалено одразу, і ми надішлемо вам електронною поштою інструкції щодо відправлення. Вартість зворотної доставки сплачуєте ви.",
    review_prepaid_label: "Спершу наша команда розгляне ваш запит. Щойно його схвалять, ми надішлемо вам електронною поштою оплачену зворотну етикетку, тож доставка нічого вам не коштуватиме.",
    review_shopper_postage: "Спершу наша команда розгляне ваш запит. Щойно його схвалять, ми надішлемо вам електронною поштою інструкції, як повернути товари. Вартість зворотної доставки сплачуєте ви.",
  },
  apologies: {
    wrong_item: "Вибачте, що ми надіслали вам не той товар.",
    damaged_in_transit: "Нам прикро, що ваше замовлення прибуло пошкодженим.",
    defective: "Нам прикро, що товар виявився несправним.",
    not_as_described: "Нам прикро, що товар не відповідав опису.",
  },
  goodwill: {
    discountNow: "На знак вибачення ви також отримаєте промокод на знижку {{percent}}% на наступне замовлення.",
    discountLater: "На знак вибачення, щойно повернення схвалять, ви також отримаєте промокод на знижку {{percent}}% на наступне замовлення.",
    freeShippingNow: "На знак вибачення ви також отримаєте промокод на безкоштовну доставку наступного замовлення.",
    freeShippingLater: "На знак вибачення, щойно повернення схвалять, ви також отримаєте промокод на безкоштовну доставку наступного замовлення.",
    replacement: "Якщо бажаєте, замість відшкодування ми надішлемо вам заміну.",
  },
  done: {
    title: "Запит на повернення надіслано",
    number: "Номер вашого повернення: {{returnNumber}}.",
    approved: "Ваше повернення схвалено. Ми надіслали вам етикетку та інструкції електронною поштою — перевірте вхідні листи.",
    waiting: "Ми розглянемо ваш запит і напишемо вам, щойно його схвалять.",
    alreadySent: "Цей запит на повернення ми вже отримали. Надсилати його ще раз не потрібно.",
    downloadLabel: "Завантажити зворотну етикетку (PDF)",
  },
  errors: {
    generic: "Щось пішло не так. Спробуйте ще раз за хвилину.",
    photoTooBig: "Фото більше за 5 МБ. Виберіть менше.",
    photoType: "Фото має бути у форматі JPEG, PNG, WebP або HEIC.",
    expired: "Термін дії цієї сторінки минув. Знайдіть замовлення ще раз.",
  },
  label: {
    heading: "Зворотна етикетка",
    from: "Відправник",
    to: "Одержувач",
    items: "Вміст посилки",
    instructions: "Як запакувати повернення",
    returnNumber: "Номер повернення",
    packing: ["Надійно запакуйте товари, якщо можливо — в оригінальне пакування.", "Покладіть цей пакувальний лист у посилку.", "Наклейте етикетку зовні посилки, поверх старих етикеток."],
  },
};

const el: ReturnCopy = {
  lookup: {
    title: "Αίτηση επιστροφής",
    intro: "Πληκτρολογήστε τον αριθμό της παραγγελίας σας και το email που χρησιμοποιήσατε κατά την αγορά.",
    orderNumber: "Αριθμός παραγγελίας",
    email: "Διεύθυνση email",
    submit: "Εύρεση παραγγελίας",
    notFound: "Δεν βρήκαμε παραγγελία με αυτόν τον αριθμό και αυτό το email. Ελέγξτε τα και δοκιμάστε ξανά.",
    missing: "Συμπληρώστε τον αριθμό παραγγελίας και το email σας.",
    tooMany: "Πάρα πολλές προσπάθειες. Περιμένετε {{minutes}} λεπτά και δοκιμάστε ξανά.",
  },
  items: {
    title: "Τι θέλετε να επιστρέψετε;",
    intro: "Παραγγελία {{orderName}}: επιλέξτε τα προϊόντα και την ποσότητα.",
    quantity: "Ποσότητα (έως {{max}})",
    none: "Προς το παρόν δεν μπορεί να επιστραφεί κανένα προϊόν αυτής της παραγγελίας.",
    excludedHeading: "Αυτά τα προϊόντα δεν επιστρέφονται",
    reason: "Λόγος επιστροφής",
    chooseReason: "Επιλέξτε λόγο",
    comment: "Θέλετε να προσθέσετε κάτι; (προαιρετικό)",
    photo: "Φωτογραφία (προαιρετικό)",
    photoHint: "Μια φωτογραφία βοηθά αν το προϊόν είναι κατεστραμμένο ή ελαττωματικό: JPEG, PNG, WebP ή HEIC, έως 5 MB.",
    review: "Συνέχεια",
    chooseSomething: "Επιλέξτε τουλάχιστον ένα προϊόν και έναν λόγο.",
    tooMany: "Από το «{{title}}» μπορείτε να επιστρέψετε έως {{max}}.",
    lineProblem: "Αυτό το προϊόν δεν μπορεί να επιστραφεί σε αυτή την ποσότητα.",
  },
  exclusions: {
    final_sale: "Τελική πώληση: το προϊόν δεν επιστρέφεται.",
    already_returned: "Έχει ήδη επιστραφεί.",
    window_closed: "Η προθεσμία επιστροφής έληξε στις {{date}}.",
    not_shipped: "Δεν έχει αποσταλεί ακόμη, οπότε δεν υπάρχει κάτι να επιστραφεί.",
  },
  reasons: {
    wrong_item: "Έλαβα λάθος προϊόν",
    damaged_in_transit: "Έφτασε κατεστραμμένο",
    defective: "Είναι ελαττωματικό ή δεν λειτουργεί",
    not_as_described: "Δεν είναι όπως περιγραφόταν",
    size_or_fit: "Λάθος μέγεθος ή εφαρμογή",
    changed_mind: "Άλλαξα γνώμη",
    other: "Άλλος λόγος",
  },
  summary: {
    title: "Ελέγξτε την επιστροφή σας",
    intro: "Αυτά επιστρέφετε και αυτό θα γίνει στη συνέχεια.",
    reasonLabel: "Λόγος",
    commentLabel: "Το σχόλιό σας",
    submit: "Αποστολή αιτήματος επιστροφής",
    change: "Αλλαγή",
  },
  decisions: {
    approved_prepaid_label: "Η επιστροφή σας θα εγκριθεί αμέσως και θα σας στείλουμε με email προπληρωμένη ετικέτα επιστροφής, οπότε η αποστολή δεν θα σας κοστίσει τίποτα.",
    approved_shopper_postage: "Η επιστροφή σας θα εγκριθεί αμέσως και θα σας στείλουμε με email οδηγίες για την αποστολή. Τα έξοδα επιστροφής βαραίνουν εσάς.",
    review_prepaid_label: "Η ομάδα μας θα εξετάσει πρώτα το αίτημά σας. Μόλις εγκριθεί, θα σας στείλουμε με email προπληρωμένη ετικέτα επιστροφής, οπότε η αποστολή δεν θα σας κοστίσει τίποτα.",
    review_shopper_postage: "Η ομάδα μας θα εξετάσει πρώτα το αίτημά σας. Μόλις εγκριθεί, θα σας στείλουμε με email οδηγίες για να επιστρέψετε τα προϊόντα. Τα έξοδα επιστροφής βαραίνουν εσάς.",
  },
  apologies: {
    wrong_item: "Λυπούμαστε που σας στείλαμε λάθος προϊόν.",
    damaged_in_transit: "Λυπούμαστε που η παραγγελία σας έφτασε κατεστραμμένη.",
    defective: "Λυπούμαστε που το προϊόν είναι ελαττωματικό.",
    not_as_described: "Λυπούμαστε που το προϊόν δεν ήταν όπως περιγραφόταν.",
  },
  goodwill: {
    discountNow: "Για να επανορθώσουμε, θα λάβετε επίσης κωδικό έκπτωσης {{percent}}% για την επόμενη παραγγελία σας.",
    discountLater: "Για να επανορθώσουμε, μόλις εγκριθεί η επιστροφή θα λάβετε επίσης κωδικό έκπτωσης {{percent}}% για την επόμενη παραγγελία σας.",
    freeShippingNow: "Για να επανορθώσουμε, θα λάβετε επίσης κωδικό για δωρεάν αποστολή στην επόμενη παραγγελία σας.",
    freeShippingLater: "Για να επανορθώσουμε, μόλις εγκριθεί η επιστροφή θα λάβετε επίσης κωδικό για δωρεάν αποστολή στην επόμενη παραγγελία σας.",
    replacement: "Αν προτιμάτε, θα σας στείλουμε αντικατάσταση αντί για επιστροφή χρημάτων.",
  },
  done: {
    title: "Το αίτημα επιστροφής στάλθηκε",
    number: "Ο αριθμός της επιστροφής σας είναι {{returnNumber}}.",
    approved: "Η επιστροφή σας εγκρίθηκε. Σας στείλαμε με email την ετικέτα και τις οδηγίες — ελέγξτε τα εισερχόμενά σας.",
    waiting: "Θα εξετάσουμε το αίτημά σας και θα σας γράψουμε μόλις εγκριθεί.",
    alreadySent: "Έχουμε ήδη λάβει αυτό το αίτημα επιστροφής. Δεν χρειάζεται να το στείλετε ξανά.",
    downloadLabel: "Λήψη ετικέτας επιστροφής (PDF)",
  },
  errors: {
    generic: "Κάτι πήγε στραβά. Δοκιμάστε ξανά σε λίγο.",
    photoTooBig: "Η φωτογραφία είναι μεγαλύτερη από 5 MB. Επιλέξτε μια μικρότερη.",
    photoType: "Η φωτογραφία πρέπει να είναι εικόνα JPEG, PNG, WebP ή HEIC.",
    expired: "Αυτή η σελίδα έληξε. Αναζητήστε ξανά την παραγγελία σας.",
  },
  label: {
    heading: "Ετικέτα επιστροφής",
    from: "Αποστολέας",
    to: "Παραλήπτης",
    items: "Περιεχόμενο δέματος",
    instructions: "Πώς να συσκευάσετε την επιστροφή",
    returnNumber: "Αριθμός επιστροφής",
    packing: ["Συσκευάστε καλά τα προϊόντα, αν γίνεται στην αρχική τους συσκευασία.", "Βάλτε αυτό το δελτίο μέσα στο δέμα.", "Κολλήστε την ετικέτα εξωτερικά, πάνω από τυχόν παλιές ετικέτες."],
  },
};

export const RETURN_COPY: Record<ShopperLocale, ReturnCopy> = { en, fr, uk, el, pl, de, es };

/** Puts values into `{{name}}` placeholders; an unknown one becomes empty. Not escaped: pages escape. */
export function fillCopy(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_match, name: string) => (values[name] === undefined ? "" : String(values[name])));
}

/** What the policy will do, in the shopper's language: apology, decision, goodwill. */
export function decisionText(copy: ReturnCopy, reason: ReturnReason, decision: Pick<ReturnDecision, "code" | "approval" | "goodwill">): string {
  const sentences = [copy.apologies[reason], copy.decisions[decision.code], goodwillText(copy, decision.goodwill, decision.approval)];
  return sentences.filter((sentence): sentence is string => Boolean(sentence)).join(" ");
}

function goodwillText(copy: ReturnCopy, goodwill: Goodwill, approval: "automatic" | "manual"): string | null {
  const now = approval === "automatic";
  switch (goodwill.kind) {
    case "discount_code":
      return goodwill.percent ? fillCopy(now ? copy.goodwill.discountNow : copy.goodwill.discountLater, { percent: goodwill.percent }) : null;
    case "free_shipping":
      return now ? copy.goodwill.freeShippingNow : copy.goodwill.freeShippingLater;
    case "replacement":
      return copy.goodwill.replacement;
    case "none":
      return null;
  }
}

/** A day as the shopper writes it ("14 mars 2026"), in UTC like the policy's dates. */
export function formatReturnDay(date: Date, locale: ShopperLocale): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
