// Commercial profile of each destination the demo merchant (a stationery and
// home goods shop in Lyon, selling in EUR) ships to: how many orders come from
// there, what buyers pay with, which carriers deliver and how long it takes.

import * as C from "./demo-carriers.ts";
import type { Carrier } from "./demo-carriers.ts";
import type { PresentmentCurrency } from "./demo-money.ts";
import { PEOPLE } from "./demo-people-data.ts";
import type { PeopleProfile } from "./demo-people-data.ts";
import type { Weighted } from "./demo-random.ts";

export type CountryCode = keyof typeof PEOPLE;

export type PaymentMethod = "shopify_payments" | "paypal" | "cod" | "bank_deposit";

/** Names Shopify reports in Order.paymentGatewayNames. */
export const GATEWAY_NAMES: Record<PaymentMethod, string> = {
  shopify_payments: "shopify_payments",
  paypal: "paypal",
  cod: "Cash on Delivery (COD)",
  bank_deposit: "Bank Deposit",
};

export type ShippingRate = { title: string; code: string; eurCents: number; freeFromEurCents: number | null };

export type CountryProfile = {
  code: CountryCode;
  name: string;
  currency: PresentmentCurrency;
  /** Relative share of the shop's orders. */
  orderWeight: number;
  /** Rough local offset from UTC, used to place orders at plausible local hours. */
  utcOffsetHours: number;
  vatRate: number;
  shipping: ShippingRate;
  /** Carrier's usual door-to-door days after pickup. */
  transitDays: number;
  payments: Weighted<PaymentMethod>;
  carriers: Weighted<Carrier>;
  customerNotes: readonly string[];
  people: PeopleProfile;
};

const EUROPE_STANDARD: ShippingRate = { title: "Standard Europe (3–5 days)", code: "STANDARD_EU", eurCents: 790, freeFromEurCents: 7900 };

export const COUNTRIES: Record<CountryCode, CountryProfile> = {
  FR: {
    code: "FR", name: "France", currency: "EUR", orderWeight: 18, utcOffsetHours: 1, vatRate: 0.2, transitDays: 2,
    shipping: { title: "Colissimo – Livraison à domicile", code: "COLISSIMO_DOM", eurCents: 490, freeFromEurCents: 4900 },
    payments: [["shopify_payments", 80], ["paypal", 15], ["cod", 3], ["bank_deposit", 2]],
    carriers: [[C.COLISSIMO, 80], [C.LA_POSTE, 20]],
    customerNotes: [
      "Merci de laisser le colis chez la gardienne.",
      "C'est un cadeau : merci de ne pas glisser la facture dans le colis.",
      "Digicode 4821B, 3e étage à gauche.",
    ],
    people: PEOPLE.FR,
  },
  DE: {
    code: "DE", name: "Germany", currency: "EUR", orderWeight: 13, utcOffsetHours: 1, vatRate: 0.19, transitDays: 3,
    shipping: EUROPE_STANDARD,
    payments: [["shopify_payments", 60], ["paypal", 32], ["bank_deposit", 8]],
    carriers: [[C.DHL_DE, 70], [C.DPD_DE, 30]],
    customerNotes: [
      "Bitte beim Nachbarn abgeben, falls ich nicht da bin.",
      "Ist ein Geschenk – bitte ohne Rechnung verschicken.",
      "Ablageort: Garage.",
    ],
    people: PEOPLE.DE,
  },
  PL: {
    code: "PL", name: "Poland", currency: "PLN", orderWeight: 10, utcOffsetHours: 1, vatRate: 0.23, transitDays: 4,
    shipping: { title: "InPost / DPD", code: "PL_STANDARD", eurCents: 990, freeFromEurCents: 8900 },
    payments: [["shopify_payments", 62], ["paypal", 15], ["cod", 18], ["bank_deposit", 5]],
    carriers: [[C.INPOST, 70], [C.DPD_PL, 30]],
    customerNotes: [
      "Proszę o kontakt telefoniczny przed dostawą.",
      "To prezent – proszę nie dołączać paragonu.",
      "Jeśli to możliwe, proszę o dostawę do paczkomatu.",
    ],
    people: PEOPLE.PL,
  },
  UA: {
    code: "UA", name: "Ukraine", currency: "UAH", orderWeight: 9, utcOffsetHours: 2, vatRate: 0, transitDays: 8,
    shipping: { title: "Нова Пошта — міжнародна доставка", code: "UA_NOVA_POSHTA", eurCents: 1290, freeFromEurCents: null },
    payments: [["shopify_payments", 35], ["paypal", 10], ["cod", 55]],
    carriers: [[C.NOVA_POSHTA, 75], [C.UKRPOSHTA, 25]],
    customerNotes: [
      "Будь ласка, зателефонуйте перед відправкою.",
      "Це подарунок, без чека, будь ласка.",
      "Оплата при отриманні, перевірю посилку у відділенні.",
    ],
    people: PEOPLE.UA,
  },
  GR: {
    code: "GR", name: "Greece", currency: "EUR", orderWeight: 5, utcOffsetHours: 2, vatRate: 0.24, transitDays: 5,
    shipping: { title: "Standard Europe (4–6 days)", code: "STANDARD_EU_FAR", eurCents: 990, freeFromEurCents: 8900 },
    payments: [["shopify_payments", 55], ["paypal", 20], ["cod", 25]],
    carriers: [[C.ELTA, 60], [C.ACS, 40]],
    customerNotes: [
      "Παρακαλώ καλέστε με πριν την παράδοση.",
      "Είναι δώρο, χωρίς απόδειξη τιμής παρακαλώ.",
      "Κουδούνι: 3ος όροφος.",
    ],
    people: PEOPLE.GR,
  },
  ES: {
    code: "ES", name: "Spain", currency: "EUR", orderWeight: 8, utcOffsetHours: 1, vatRate: 0.21, transitDays: 4,
    shipping: EUROPE_STANDARD,
    payments: [["shopify_payments", 70], ["paypal", 20], ["cod", 10]],
    carriers: [[C.CORREOS, 100]],
    customerNotes: [
      "Es un regalo, por favor no incluyáis el precio.",
      "Si no estoy, dejadlo en la portería.",
      "Llamar antes de entregar, por favor.",
    ],
    people: PEOPLE.ES,
  },
  GB: {
    code: "GB", name: "United Kingdom", currency: "GBP", orderWeight: 9, utcOffsetHours: 0, vatRate: 0.2, transitDays: 4,
    shipping: { title: "UK Tracked (duties paid)", code: "UK_TRACKED", eurCents: 990, freeFromEurCents: 9900 },
    payments: [["shopify_payments", 80], ["paypal", 20]],
    carriers: [[C.ROYAL_MAIL, 75], [C.DPD_UK, 25]],
    customerNotes: [
      "Please leave with the neighbour at no. 12 if I'm out.",
      "It's a gift – please leave out the receipt.",
      "Safe place: behind the blue bin.",
    ],
    people: PEOPLE.GB,
  },
  US: {
    code: "US", name: "United States", currency: "USD", orderWeight: 10, utcOffsetHours: -5, vatRate: 0, transitDays: 7,
    shipping: { title: "International Tracked", code: "INTL_TRACKED", eurCents: 1490, freeFromEurCents: 12000 },
    payments: [["shopify_payments", 78], ["paypal", 22]],
    carriers: [[C.UPS, 60], [C.USPS, 40]],
    customerNotes: [
      "Gift for my mom — please add a card saying Happy Birthday!",
      "Please leave at the back door.",
      "Buzzer is broken, please call when you arrive.",
    ],
    people: PEOPLE.US,
  },
  CA: {
    code: "CA", name: "Canada", currency: "CAD", orderWeight: 5, utcOffsetHours: -5, vatRate: 0, transitDays: 8,
    shipping: { title: "International Tracked", code: "INTL_TRACKED", eurCents: 1490, freeFromEurCents: 12000 },
    payments: [["shopify_payments", 80], ["paypal", 20]],
    carriers: [[C.CANADA_POST, 80], [C.UPS, 20]],
    customerNotes: [
      "Please leave in the mailbox if it fits.",
      "Merci de laisser le colis à la porte arrière.",
      "It's a gift, no invoice in the box please.",
    ],
    people: PEOPLE.CA,
  },
  IT: {
    code: "IT", name: "Italy", currency: "EUR", orderWeight: 7, utcOffsetHours: 1, vatRate: 0.22, transitDays: 4,
    shipping: EUROPE_STANDARD,
    payments: [["shopify_payments", 60], ["paypal", 28], ["cod", 12]],
    carriers: [[C.POSTE_ITALIANE, 60], [C.GLS_IT, 40]],
    customerNotes: [
      "Citofonare al terzo piano, grazie.",
      "È un regalo, per favore senza scontrino.",
      "Se assente, lasciare al portiere.",
    ],
    people: PEOPLE.IT,
  },
  NL: {
    code: "NL", name: "Netherlands", currency: "EUR", orderWeight: 6, utcOffsetHours: 1, vatRate: 0.21, transitDays: 3,
    shipping: EUROPE_STANDARD,
    payments: [["shopify_payments", 85], ["paypal", 12], ["bank_deposit", 3]],
    carriers: [[C.POSTNL, 80], [C.DHL_NL, 20]],
    customerNotes: [
      "Graag bij de buren afgeven als ik niet thuis ben.",
      "Het is een cadeautje, graag zonder bon.",
      "Bel aan bij 2-hoog.",
    ],
    people: PEOPLE.NL,
  },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES) as CountryCode[];

export const COUNTRY_MIX: Weighted<CountryCode> = COUNTRY_CODES.map((code) => [code, COUNTRIES[code].orderWeight] as const);
