import type { LocaleCopy } from "./types";

export const pl: LocaleCopy = {
  messages: {
    order_confirmation: {
      subject: "Dziękujemy za zamówienie {{orderName}}",
      preheader: "Zerknij na nie, zanim spakujemy paczkę.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Dziękujemy za zamówienie {{orderName}} w sklepie {{shopName}}! Zanim spakujemy paczkę, sprawdź, proszę, czy wszystko się zgadza.\n\n" +
        "Twoje zamówienie: {{itemsSummary}}\n\n" +
        "Adres dostawy: {{shippingAddress}}\n\n" +
        "Jeśli wszystko jest w porządku, po prostu potwierdź zamówienie. Jeśli adres wymaga zmiany, poprawisz go na tej samej stronie.\n\n" +
        "Jeśli przycisk nie działa, otwórz ten link: {{confirmUrl}}",
      action: "Potwierdź zamówienie",
    },
    dispatch_note: {
      subject: "Twoje zamówienie {{orderName}} jest już w drodze",
      preheader: "Paczka wyruszyła – sprawdź, gdzie teraz jest.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Dobra wiadomość: Twoje zamówienie {{orderName}} ze sklepu {{shopName}} jest już w drodze.\n\n" +
        "Numer przesyłki: {{trackingNumber}}\n\n" +
        "Paczkę dostarczy {{carrier}}.\n\n" +
        "Przewidywany termin dostawy: {{expectedDelivery}}\n\n" +
        "Przesyłkę możesz śledzić za pomocą przycisku poniżej. Masz pytania? Nasze dane kontaktowe znajdziesz na dole tej wiadomości.\n\n" +
        "Jeśli przycisk nie działa, otwórz ten link: {{trackingUrl}}",
      action: "Śledź przesyłkę",
    },
    delay_apology: {
      subject: "Przepraszamy – zamówienie {{orderName}} się opóźni",
      preheader: "Podajemy nowy przewidywany termin dostawy.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Bardzo przepraszamy: Twoje zamówienie {{orderName}} ze sklepu {{shopName}} dotrze później, niż obiecaliśmy.\n\n" +
        "Powód opóźnienia: {{delayReason}}\n\n" +
        "Nowy przewidywany termin dostawy: {{expectedDelivery}}\n\n" +
        "W ramach przeprosin dołączamy do zamówienia mały prezent: {{giftDescription}}\n\n" +
        "A na kolejne zakupy mamy dla Ciebie kod rabatowy: {{discountCode}}\n\n" +
        "Dziękujemy za cierpliwość. Jeśli masz pytania, nasze dane kontaktowe znajdziesz na dole tej wiadomości.",
    },
    delivery_check_in: {
      subject: "Czy zamówienie {{orderName}} dotarło w dobrym stanie?",
      preheader: "Wystarczy jedno kliknięcie.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Twoje zamówienie {{orderName}} powinno już być u Ciebie. W sklepie {{shopName}} chcemy mieć pewność, że wszystko dotarło w dobrym stanie.\n\n" +
        "Wystarczy kliknąć jeden z przycisków poniżej. Jeśli coś jest nie tak, szybko się tym zajmiemy.\n\n" +
        "Jeśli przyciski nie działają, otwórz link {{arrivedWellUrl}} (wszystko w porządku) lub {{problemUrl}} (jest problem).",
      action: "Tak, wszystko w porządku",
      secondaryAction: "Jest problem",
    },
    review_request: {
      subject: "Jak Ci się podoba zamówienie {{orderName}}?",
      preheader: "Twoja opinia bardzo nam pomaga.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Mamy nadzieję, że zamówienie {{orderName}} przypadło Ci do gustu. Znajdziesz chwilę, żeby napisać nam, co o nim myślisz?\n\n" +
        "Wystarczy kilka słów. Twoja opinia pomoże innym w wyborze, a nam – w ulepszaniu sklepu {{shopName}}.\n\n" +
        "W podziękowaniu mamy dla Ciebie kod rabatowy na kolejne zakupy: {{discountCode}}\n\n" +
        "Jeśli przycisk nie działa, otwórz ten link: {{reviewUrl}}",
      action: "Napisz opinię",
    },
    return_instructions: {
      subject: "Twój zwrot do zamówienia {{orderName}} został przyjęty",
      preheader: "Etykieta zwrotna jest w załączniku.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Przyjęliśmy Twój zwrot {{returnNumber}} do zamówienia {{orderName}}. Poniżej wyjaśniamy, jak odesłać paczkę do sklepu {{shopName}}.\n\n" +
        "Etykietę zwrotną znajdziesz w załączniku do tej wiadomości. Wydrukuj ją i naklej w widocznym miejscu na paczce.\n\n" +
        "Zapakuj produkty starannie, najlepiej w oryginalne opakowanie, żeby dotarły do nas w dobrym stanie.\n\n" +
        "Nadaj paczkę najpóźniej do {{returnDeadline}}.\n\n" +
        "Adres do zwrotu: {{returnAddress}}\n\n" +
        "Przepraszamy, to był nasz błąd. W ramach przeprosin mamy dla Ciebie kod rabatowy na kolejne zakupy: {{discountCode}}",
    },
    loyalty_reward: {
      subject: "Małe podziękowanie od sklepu {{shopName}}",
      preheader: "Na kolejne zakupy czeka na Ciebie rabat.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Dziękujemy, że robisz zakupy w sklepie {{shopName}} – zawsze cieszymy się, gdy do nas wracasz.\n\n" +
        "Dziękujemy też za zamówienie {{orderName}}.\n\n" +
        "Twój nowy poziom w programie lojalnościowym: {{tierName}}.\n\n" +
        "W podziękowaniu dajemy Ci {{discountPercent}} rabatu na kolejne zakupy. Twój kod: {{discountCode}}\n\n" +
        "Kod jest ważny do {{discountExpires}}.\n\n" +
        "Do zobaczenia!",
    },
    loyalty_tier: {
      subject: "{{discountPercent}} rabatu na kolejne zakupy w sklepie {{shopName}}",
      preheader: "Twój nowy poziom w programie lojalnościowym: {{tierName}}. Bez kodu.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Dziękujemy za zamówienie {{orderName}} i za to, że znów robisz zakupy w sklepie {{shopName}}.\n\n" +
        "Twój nowy poziom w programie lojalnościowym: {{tierName}}. Od teraz przysługuje Ci {{discountPercent}} rabatu na kolejne zamówienia.\n\n" +
        "Nie potrzebujesz żadnego kodu: przy składaniu zamówienia zaloguj się na swoje konto, używając tego adresu e-mail, a rabat zostanie naliczony automatycznie.\n\n" +
        "Do zobaczenia!",
    },
    thank_you: {
      subject: "Serdeczne podziękowania od sklepu {{shopName}}",
      preheader: "Kilka słów o Twoim zamówieniu.",
      body:
        "Cześć, {{customerName}}!\n\n" +
        "Dziękujemy za zamówienie {{orderName}}. Dla nas, w sklepie {{shopName}}, to naprawdę wiele znaczy.\n\n" +
        "{{thankYouNote}}\n\n" +
        "Do zamówienia dołączyliśmy też mały prezent: {{giftDescription}}\n\n" +
        "Mamy nadzieję, że wszystko Ci się spodoba. Do zobaczenia!",
    },
  },
  labels: {
    order: "Zamówienie",
    orderDate: "Data zamówienia",
    total: "Razem",
    trackingNumber: "Numer przesyłki",
    carrier: "Przewoźnik",
    expectedDelivery: "Przewidywana dostawa",
    discountCode: "Kod rabatowy",
    returnNumber: "Numer zwrotu",
    contactHeading: "Masz pytania? Chętnie pomożemy",
    phone: "Telefon",
    email: "E-mail",
    address: "Adres",
    responseTime: "Zwykle odpowiadamy w ciągu {{hours}} godz.",
    whyReceived: "Otrzymujesz tę wiadomość w związku z zakupami w sklepie {{shopName}}.",
    unsubscribe: "Wypisz się",
  },
  pages: {
    confirm: {
      title: "Potwierdź zamówienie",
      intro: "{{orderName}}: sprawdź, proszę, swoje zamówienie i adres dostawy.",
      confirmButton: "Potwierdź zamówienie",
      correctHeading: "Adres się nie zgadza?",
      correctHint: "Wpisz poniżej poprawny adres – wyślemy zamówienie właśnie tam.",
      address1: "Ulica i numer domu",
      address2: "Numer mieszkania, piętro (opcjonalnie)",
      city: "Miejscowość",
      zip: "Kod pocztowy",
      country: "Kraj",
      phone: "Telefon",
      note: "Uwagi do dostawy (opcjonalnie)",
      submitCorrection: "Zapisz nowy adres",
      confirmed: "Dziękujemy! Twoje zamówienie jest potwierdzone.",
      corrected: "Dziękujemy! Zaktualizowaliśmy adres i wyślemy zamówienie właśnie tam.",
    },
    checkIn: {
      title: "Czy zamówienie dotarło w dobrym stanie?",
      question: "Czy zamówienie {{orderName}} dotarło w dobrym stanie?",
      arrivedWell: "Tak, wszystko w porządku",
      problem: "Jest problem",
      thanksGood: "Dziękujemy! Cieszymy się, że wszystko dotarło w dobrym stanie.",
      thanksProblem: "Bardzo nam przykro. Opisz, co się stało, a zajmiemy się tym.",
    },
    problem: {
      title: "Co się stało?",
      intro: "Przykro nam, że coś jest nie tak z Twoim zamówieniem. Opisz problem, a odezwiemy się najszybciej, jak to możliwe.",
      describe: "Co się stało? (np. uszkodzony produkt, brak produktu, zły rozmiar)",
      submit: "Wyślij",
      thanks: "Dziękujemy za wiadomość. Wkrótce się odezwiemy.",
      returnLink: "Zgłoś zwrot",
    },
    unsubscribe: {
      title: "Rezygnacja z wiadomości promocyjnych",
      done: "Adres {{email}} nie będzie już otrzymywać wiadomości promocyjnych od sklepu {{shopName}}.",
      transactionalNote: "Nadal będziesz otrzymywać wiadomości dotyczące Twoich zamówień, np. o wysyłce i dostawie.",
    },
    errors: {
      expired: "Ten link wygasł. Jeśli potrzebujesz pomocy, skontaktuj się z nami.",
      used: "Ten link został już wykorzystany.",
      invalid: "Ten link jest nieprawidłowy. Sprawdź, czy został skopiowany w całości.",
      generic: "Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.",
    },
    contactUs: "Skontaktuj się z nami",
  },
};
