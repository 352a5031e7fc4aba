// Carriers the demo merchant ships with, per destination, with tracking
// numbers in each carrier's usual shape and the carrier's public tracking URL.

import type { DemoRandom } from "./demo-random.ts";

export type Carrier = {
  company: string;
  trackingNumber: (random: DemoRandom) => string;
  trackingUrl: (trackingNumber: string, zip: string) => string;
};

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const UPPER_DIGITS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

/** UPU S10 item identifier (e.g. "RB123456785GB"): 2 letters, 8 digits, check digit, country. */
export function s10Identifier(prefix: string, serial: string, country: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(serial[i]), 0);
  const raw = 11 - (sum % 11);
  const check = raw === 10 ? 0 : raw === 11 ? 5 : raw;
  return `${prefix}${serial}${check}${country}`;
}

const s10 = (prefixes: readonly string[], country: string) => (random: DemoRandom) =>
  s10Identifier(random.pick(prefixes), random.digits(8), country);

const enc = encodeURIComponent;

export const COLISSIMO: Carrier = {
  company: "Colissimo",
  trackingNumber: (r) => `6A${r.digits(11)}`,
  trackingUrl: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${enc(n)}`,
};

export const LA_POSTE: Carrier = {
  company: "La Poste",
  trackingNumber: (r) => `1K${r.digits(11)}`,
  trackingUrl: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${enc(n)}`,
};

export const DHL_DE: Carrier = {
  company: "DHL Parcel",
  trackingNumber: (r) => `00340434${r.digits(12)}`,
  trackingUrl: (n) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${enc(n)}`,
};

export const DPD_DE: Carrier = {
  company: "DPD",
  trackingNumber: (r) => `0150${r.digits(10)}`,
  trackingUrl: (n) => `https://tracking.dpd.de/status/de_DE/parcel/${enc(n)}`,
};

export const INPOST: Carrier = {
  company: "InPost",
  trackingNumber: (r) => `6${r.pick(["2", "3", "9"])}${r.digits(22)}`,
  trackingUrl: (n) => `https://inpost.pl/sledzenie-przesylek?number=${enc(n)}`,
};

export const DPD_PL: Carrier = {
  company: "DPD",
  trackingNumber: (r) => `1000${r.digits(9)}U`,
  trackingUrl: (n) => `https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1=${enc(n)}`,
};

export const NOVA_POSHTA: Carrier = {
  company: "Nova Poshta",
  trackingNumber: (r) => `${r.pick(["2045", "5900", "2040"])}${r.digits(10)}`,
  trackingUrl: (n) => `https://novaposhta.ua/tracking/?cargo_number=${enc(n)}`,
};

export const UKRPOSHTA: Carrier = {
  company: "Ukrposhta",
  trackingNumber: s10(["CP", "RB"], "FR"),
  trackingUrl: (n) => `https://track.ukrposhta.ua/tracking_UA.html?barcode=${enc(n)}`,
};

export const ELTA: Carrier = {
  company: "ELTA Courier",
  trackingNumber: s10(["CG", "RE"], "FR"),
  trackingUrl: (n) => `https://www.elta.gr/en/track-and-trace?code=${enc(n)}`,
};

export const ACS: Carrier = {
  company: "ACS Courier",
  trackingNumber: (r) => `${r.int(1, 9)}${r.digits(9)}`,
  trackingUrl: (n) => `https://www.acscourier.net/en/track-and-trace/?trackingNumber=${enc(n)}`,
};

export const CORREOS: Carrier = {
  company: "Correos",
  trackingNumber: (r) => `PQ${r.chars(4, UPPER_DIGITS)}${r.digits(16)}${r.chars(1, UPPER)}`,
  trackingUrl: (n) => `https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=${enc(n)}`,
};

export const ROYAL_MAIL: Carrier = {
  company: "Royal Mail",
  trackingNumber: s10(["FH", "FJ", "RB"], "GB"),
  trackingUrl: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${enc(n)}`,
};

export const DPD_UK: Carrier = {
  company: "DPD UK",
  trackingNumber: (r) => `15${r.digits(12)}`,
  trackingUrl: (n) => `https://track.dpd.co.uk/parcels/${enc(n)}`,
};

export const UPS: Carrier = {
  company: "UPS",
  trackingNumber: (r) => `1Z${r.chars(6, UPPER_DIGITS)}${r.pick(["03", "66", "68"])}${r.digits(8)}`,
  trackingUrl: (n) => `https://www.ups.com/track?tracknum=${enc(n)}`,
};

export const USPS: Carrier = {
  company: "USPS",
  trackingNumber: (r) => `9400${r.digits(18)}`,
  trackingUrl: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${enc(n)}`,
};

export const CANADA_POST: Carrier = {
  company: "Canada Post",
  trackingNumber: (r) => `${r.pick(["7", "4"])}${r.digits(15)}`,
  trackingUrl: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${enc(n)}`,
};

export const POSTE_ITALIANE: Carrier = {
  company: "Poste Italiane",
  trackingNumber: (r) => `${r.pick(["1UW", "3UW"])}${r.chars(1, UPPER)}${r.digits(9)}`,
  trackingUrl: (n) => `https://www.poste.it/cerca/index.html#/risultati-spedizioni/${enc(n)}`,
};

export const GLS_IT: Carrier = {
  company: "GLS",
  trackingNumber: (r) => `${r.chars(2, UPPER)}${r.digits(9)}`,
  trackingUrl: (n) => `https://gls-group.com/IT/it/servizi-online/ricerca-spedizioni/?match=${enc(n)}`,
};

export const POSTNL: Carrier = {
  company: "PostNL",
  trackingNumber: (r) => `3S${r.chars(4, UPPER)}${r.digits(9)}`,
  trackingUrl: (n, zip) => `https://jouw.postnl.nl/track-and-trace/${enc(n)}-NL-${enc(zip.replace(/\s+/g, ""))}`,
};

export const DHL_NL: Carrier = {
  company: "DHL Parcel",
  trackingNumber: (r) => `JVGL${r.digits(14)}`,
  trackingUrl: (n) => `https://www.dhlparcel.nl/en/consumer/track-and-trace?tt=${enc(n)}`,
};
