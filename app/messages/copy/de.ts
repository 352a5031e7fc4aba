import type { LocaleCopy } from "./types";

export const de: LocaleCopy = {
  messages: {
    order_confirmation: {
      subject: "Vielen Dank für Ihre Bestellung {{orderName}}",
      preheader: "Bitte kurz prüfen, bevor wir Ihr Paket packen.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Vielen Dank für Ihre Bestellung {{orderName}} bei {{shopName}}! Bevor wir Ihr Paket packen, werfen Sie bitte kurz einen Blick darauf, ob alles stimmt.\n\n" +
        "Ihre Bestellung: {{itemsSummary}}\n\n" +
        "Lieferadresse: {{shippingAddress}}\n\n" +
        "Ist alles richtig, bestätigen Sie Ihre Bestellung einfach mit einem Klick. Muss die Adresse geändert werden, können Sie sie auf derselben Seite korrigieren.\n\n" +
        "Falls der Button nicht funktioniert, öffnen Sie diesen Link: {{confirmUrl}}",
      action: "Bestellung bestätigen",
    },
    dispatch_note: {
      subject: "Ihre Bestellung {{orderName}} ist unterwegs",
      preheader: "Ihr Paket hat uns verlassen – so können Sie es verfolgen.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Gute Nachricht: Ihre Bestellung {{orderName}} von {{shopName}} ist auf dem Weg zu Ihnen.\n\n" +
        "Ihre Sendungsnummer: {{trackingNumber}}\n\n" +
        "Ihr Paket ist mit {{carrier}} unterwegs.\n\n" +
        "Voraussichtliche Zustellung: {{expectedDelivery}}\n\n" +
        "Über den Button unten können Sie Ihr Paket jederzeit verfolgen. Bei Fragen finden Sie unsere Kontaktdaten am Ende dieser E-Mail.\n\n" +
        "Falls der Button nicht funktioniert, öffnen Sie diesen Link: {{trackingUrl}}",
      action: "Sendung verfolgen",
    },
    delay_apology: {
      subject: "Ihre Bestellung {{orderName}} verspätet sich – das tut uns leid",
      preheader: "Hier ist der neue voraussichtliche Liefertermin.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Es tut uns wirklich leid: Ihre Bestellung {{orderName}} bei {{shopName}} kommt später bei Ihnen an als versprochen.\n\n" +
        "Der Grund: {{delayReason}}\n\n" +
        "Neuer voraussichtlicher Liefertermin: {{expectedDelivery}}\n\n" +
        "Als kleine Entschuldigung bekommen Sie von uns ein Geschenk dazu: {{giftDescription}}\n\n" +
        "Für Ihre nächste Bestellung schenken wir Ihnen außerdem diesen Rabattcode: {{discountCode}}\n\n" +
        "Danke für Ihre Geduld. Bei Fragen finden Sie unsere Kontaktdaten am Ende dieser E-Mail.",
    },
    delivery_check_in: {
      subject: "Ist Ihre Bestellung {{orderName}} gut angekommen?",
      preheader: "Ein Klick genügt als Antwort.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Ihre Bestellung {{orderName}} sollte inzwischen bei Ihnen sein. Wir bei {{shopName}} möchten gern wissen, ob alles heil angekommen ist.\n\n" +
        "Klicken Sie einfach auf einen der Buttons unten. Falls etwas nicht stimmt, kümmern wir uns schnell darum.\n\n" +
        "Falls die Buttons nicht funktionieren, öffnen Sie {{arrivedWellUrl}} (alles in Ordnung) oder {{problemUrl}} (es gibt ein Problem).",
      action: "Ja, alles in Ordnung",
      secondaryAction: "Es gibt ein Problem",
    },
    review_request: {
      subject: "Wie gefällt Ihnen Ihre Bestellung {{orderName}}?",
      preheader: "Ihre Meinung ist uns wichtig.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Wir hoffen, Ihre Bestellung {{orderName}} gefällt Ihnen. Hätten Sie eine Minute Zeit für eine kurze Bewertung?\n\n" +
        "Schon ein paar Worte helfen anderen Kundinnen und Kunden bei der Auswahl – und uns bei {{shopName}}, noch besser zu werden.\n\n" +
        "Als Dankeschön erhalten Sie diesen Rabattcode für Ihre nächste Bestellung: {{discountCode}}\n\n" +
        "Falls der Button nicht funktioniert, öffnen Sie diesen Link: {{reviewUrl}}",
      action: "Bewertung schreiben",
    },
    return_instructions: {
      subject: "Ihre Rücksendung zur Bestellung {{orderName}} ist bestätigt",
      preheader: "Das Rücksendeetikett finden Sie im Anhang.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Ihre Rücksendung {{returnNumber}} zur Bestellung {{orderName}} ist bestätigt. So schicken Sie Ihr Paket an {{shopName}} zurück:\n\n" +
        "Das Rücksendeetikett finden Sie im Anhang dieser E-Mail. Bitte drucken Sie es aus und kleben Sie es gut sichtbar auf das Paket.\n\n" +
        "Verpacken Sie die Artikel sorgfältig, am besten in der Originalverpackung, damit sie heil bei uns ankommen.\n\n" +
        "Bitte geben Sie das Paket bis zum {{returnDeadline}} ab.\n\n" +
        "Rücksendeadresse: {{returnAddress}}\n\n" +
        "Es tut uns leid, dass uns hier ein Fehler unterlaufen ist. Als Entschuldigung schenken wir Ihnen diesen Rabattcode für Ihre nächste Bestellung: {{discountCode}}",
    },
    loyalty_reward: {
      subject: "Ein kleines Dankeschön von {{shopName}}",
      preheader: "Für Ihre nächste Bestellung wartet ein Rabatt auf Sie.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Danke, dass Sie bei {{shopName}} einkaufen – wir freuen uns jedes Mal, wenn Sie wiederkommen.\n\n" +
        "Vielen Dank auch für Ihre Bestellung {{orderName}}.\n\n" +
        "Sie haben eine neue Treuestufe erreicht: {{tierName}}.\n\n" +
        "Als Dankeschön erhalten Sie {{discountPercent}} Rabatt auf Ihre nächste Bestellung mit diesem Code: {{discountCode}}\n\n" +
        "Der Code ist gültig bis zum {{discountExpires}}.\n\n" +
        "Wir freuen uns auf Ihren nächsten Einkauf!",
    },
    loyalty_tier: {
      subject: "{{discountPercent}} Rabatt auf Ihre nächsten Bestellungen bei {{shopName}}",
      preheader: "Ihre neue Treuestufe: {{tierName}}. Ganz ohne Code.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Vielen Dank für Ihre Bestellung {{orderName}} – schön, dass Sie wieder bei {{shopName}} eingekauft haben.\n\n" +
        "Sie haben eine neue Treuestufe erreicht: {{tierName}}. Damit erhalten Sie {{discountPercent}} Rabatt auf Ihre nächsten Bestellungen.\n\n" +
        "Einen Code brauchen Sie nicht: Melden Sie sich beim Bestellen einfach mit dieser E-Mail-Adresse in Ihrem Kundenkonto an, dann wird der Rabatt automatisch abgezogen.\n\n" +
        "Wir freuen uns auf Ihren nächsten Einkauf!",
    },
    thank_you: {
      subject: "Ein herzliches Dankeschön von {{shopName}}",
      preheader: "Ein paar Worte zu Ihrer Bestellung.",
      body:
        "Hallo {{customerName}},\n\n" +
        "Vielen Dank für Ihre Bestellung {{orderName}}. Das bedeutet uns bei {{shopName}} sehr viel.\n\n" +
        "{{thankYouNote}}\n\n" +
        "Zu Ihrer Bestellung gibt es außerdem ein kleines Geschenk von uns: {{giftDescription}}\n\n" +
        "Wir hoffen, dass Ihnen alles gefällt, und freuen uns, wenn Sie bald wieder vorbeischauen.",
    },
  },
  labels: {
    order: "Bestellung",
    orderDate: "Bestelldatum",
    total: "Gesamtbetrag",
    trackingNumber: "Sendungsnummer",
    carrier: "Versanddienstleister",
    expectedDelivery: "Voraussichtliche Zustellung",
    discountCode: "Rabattcode",
    returnNumber: "Rücksendenummer",
    contactHeading: "Fragen? Wir sind gern für Sie da",
    phone: "Telefon",
    email: "E-Mail",
    address: "Adresse",
    responseTime: "Wir antworten in der Regel innerhalb von {{hours}} Stunden.",
    whyReceived: "Sie erhalten diese E-Mail, weil Sie bei {{shopName}} bestellt haben.",
    unsubscribe: "Abmelden",
  },
  pages: {
    confirm: {
      title: "Bestellung bestätigen",
      intro: "{{orderName}}: Bitte prüfen Sie Ihre Bestellung und Ihre Lieferadresse.",
      confirmButton: "Bestellung bestätigen",
      correctHeading: "Stimmt die Adresse nicht?",
      correctHint: "Geben Sie unten die richtige Adresse ein – wir schicken Ihre Bestellung dann dorthin.",
      address1: "Straße und Hausnummer",
      address2: "Adresszusatz (optional)",
      city: "Ort",
      zip: "Postleitzahl",
      country: "Land",
      phone: "Telefon",
      note: "Hinweis für die Zustellung (optional)",
      submitCorrection: "Neue Adresse speichern",
      confirmed: "Vielen Dank! Ihre Bestellung ist bestätigt.",
      corrected: "Vielen Dank! Wir haben Ihre Adresse geändert und schicken Ihre Bestellung dorthin.",
    },
    checkIn: {
      title: "Ist Ihre Bestellung gut angekommen?",
      question: "Ist Ihre Bestellung {{orderName}} gut angekommen?",
      arrivedWell: "Ja, alles in Ordnung",
      problem: "Es gibt ein Problem",
      thanksGood: "Vielen Dank! Schön, dass alles gut angekommen ist.",
      thanksProblem: "Das tut uns leid. Erzählen Sie uns, was passiert ist – wir kümmern uns darum.",
    },
    problem: {
      title: "Was ist passiert?",
      intro: "Es tut uns leid, dass mit Ihrer Bestellung etwas nicht stimmt. Beschreiben Sie uns kurz das Problem, wir melden uns so schnell wie möglich.",
      describe: "Was ist passiert? (z.\u00a0B. Artikel beschädigt, fehlt oder hat die falsche Größe)",
      submit: "Senden",
      thanks: "Danke für Ihre Nachricht. Wir melden uns bald bei Ihnen.",
      returnLink: "Rücksendung anfragen",
    },
    unsubscribe: {
      title: "Abmeldung",
      done: "{{email}} erhält keine Werbe-E-Mails mehr von {{shopName}}.",
      transactionalNote: "E-Mails zu Ihren Bestellungen, etwa zu Versand und Zustellung, erhalten Sie weiterhin.",
    },
    errors: {
      expired: "Dieser Link ist abgelaufen. Wenn Sie Hilfe brauchen, melden Sie sich gern bei uns.",
      used: "Dieser Link wurde bereits verwendet.",
      invalid: "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.",
      generic: "Bei uns ist leider etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.",
    },
    contactUs: "Kontakt",
  },
};
