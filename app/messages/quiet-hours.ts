// Quiet hours: no email lands in a shopper's inbox at night. The shopper's time zone is read
// from the delivery address (country, and state or province where a country has several
// zones), and a message due during quiet hours waits for their end in that zone, DST included.
// Pure: time is a parameter, zones come from Intl.

/** One zone for the whole country (or for nearly everyone in it). */
const COUNTRY_ZONES: Record<string, string> = {
  // European Union
  AT: "Europe/Vienna", BE: "Europe/Brussels", BG: "Europe/Sofia", HR: "Europe/Zagreb", CY: "Asia/Nicosia",
  CZ: "Europe/Prague", DK: "Europe/Copenhagen", EE: "Europe/Tallinn", FI: "Europe/Helsinki", FR: "Europe/Paris",
  DE: "Europe/Berlin", GR: "Europe/Athens", HU: "Europe/Budapest", IE: "Europe/Dublin", IT: "Europe/Rome",
  LV: "Europe/Riga", LT: "Europe/Vilnius", LU: "Europe/Luxembourg", MT: "Europe/Malta", NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw", RO: "Europe/Bucharest", SK: "Europe/Bratislava", SI: "Europe/Ljubljana", SE: "Europe/Stockholm",
  // Portugal and Spain: mainland here, islands by province below.
  PT: "Europe/Lisbon", ES: "Europe/Madrid",
  // Rest of Europe
  GB: "Europe/London", IM: "Europe/Isle_of_Man", JE: "Europe/Jersey", GG: "Europe/Guernsey", GI: "Europe/Gibraltar",
  UA: "Europe/Kyiv", CH: "Europe/Zurich", LI: "Europe/Vaduz", NO: "Europe/Oslo", IS: "Atlantic/Reykjavik",
  FO: "Atlantic/Faroe", AX: "Europe/Mariehamn", MC: "Europe/Monaco", SM: "Europe/San_Marino", VA: "Europe/Vatican",
  AD: "Europe/Andorra", AL: "Europe/Tirane", BA: "Europe/Sarajevo", ME: "Europe/Podgorica", MK: "Europe/Skopje",
  RS: "Europe/Belgrade", XK: "Europe/Belgrade", MD: "Europe/Chisinau", BY: "Europe/Minsk", TR: "Europe/Istanbul",
  GE: "Asia/Tbilisi", AM: "Asia/Yerevan", AZ: "Asia/Baku",
  // French overseas departments (their own country codes at Shopify)
  GP: "America/Guadeloupe", MQ: "America/Martinique", GF: "America/Cayenne", RE: "Indian/Reunion", YT: "Indian/Mayotte",
  // Middle East and Africa
  IL: "Asia/Jerusalem", AE: "Asia/Dubai", SA: "Asia/Riyadh", QA: "Asia/Qatar", KW: "Asia/Kuwait", BH: "Asia/Bahrain",
  OM: "Asia/Muscat", JO: "Asia/Amman", LB: "Asia/Beirut", EG: "Africa/Cairo", MA: "Africa/Casablanca",
  TN: "Africa/Tunis", DZ: "Africa/Algiers", ZA: "Africa/Johannesburg", NG: "Africa/Lagos", KE: "Africa/Nairobi",
  GH: "Africa/Accra",
  // Asia and Oceania
  JP: "Asia/Tokyo", KR: "Asia/Seoul", CN: "Asia/Shanghai", HK: "Asia/Hong_Kong", MO: "Asia/Macau", TW: "Asia/Taipei",
  SG: "Asia/Singapore", MY: "Asia/Kuala_Lumpur", TH: "Asia/Bangkok", VN: "Asia/Ho_Chi_Minh", PH: "Asia/Manila",
  IN: "Asia/Kolkata", PK: "Asia/Karachi", BD: "Asia/Dhaka", LK: "Asia/Colombo", NP: "Asia/Kathmandu",
  // New Zealand: the main islands (the Chatham Islands are 45 minutes ahead).
  NZ: "Pacific/Auckland",
  // Americas with one zone
  AR: "America/Argentina/Buenos_Aires", CL: "America/Santiago", CO: "America/Bogota", PE: "America/Lima",
  UY: "America/Montevideo", PY: "America/Asuncion", BO: "America/La_Paz", VE: "America/Caracas", CR: "America/Costa_Rica",
  PA: "America/Panama", GT: "America/Guatemala", DO: "America/Santo_Domingo", PR: "America/Puerto_Rico",
  JM: "America/Jamaica",
};

/**
 * Countries with several zones: the zone by Shopify's province code. A state split between two
 * zones gets the one where most of its people live (Florida: Eastern; Tennessee: Central).
 */
const PROVINCE_ZONES: Record<string, Record<string, string>> = {
  US: {
    AL: "America/Chicago", AK: "America/Anchorage", AZ: "America/Phoenix", AR: "America/Chicago", CA: "America/Los_Angeles",
    CO: "America/Denver", CT: "America/New_York", DE: "America/New_York", DC: "America/New_York", FL: "America/New_York",
    GA: "America/New_York", HI: "Pacific/Honolulu", ID: "America/Boise", IL: "America/Chicago", IN: "America/Indiana/Indianapolis",
    IA: "America/Chicago", KS: "America/Chicago", KY: "America/New_York", LA: "America/Chicago", ME: "America/New_York",
    MD: "America/New_York", MA: "America/New_York", MI: "America/Detroit", MN: "America/Chicago", MS: "America/Chicago",
    MO: "America/Chicago", MT: "America/Denver", NE: "America/Chicago", NV: "America/Los_Angeles", NH: "America/New_York",
    NJ: "America/New_York", NM: "America/Denver", NY: "America/New_York", NC: "America/New_York", ND: "America/Chicago",
    OH: "America/New_York", OK: "America/Chicago", OR: "America/Los_Angeles", PA: "America/New_York", RI: "America/New_York",
    SC: "America/New_York", SD: "America/Chicago", TN: "America/Chicago", TX: "America/Chicago", UT: "America/Denver",
    VT: "America/New_York", VA: "America/New_York", WA: "America/Los_Angeles", WV: "America/New_York", WI: "America/Chicago",
    WY: "America/Denver", PR: "America/Puerto_Rico", VI: "America/St_Thomas", GU: "Pacific/Guam", AS: "Pacific/Pago_Pago",
    MP: "Pacific/Saipan", AA: "America/New_York", AE: "Europe/Berlin", AP: "Pacific/Guam",
  },
  CA: {
    AB: "America/Edmonton", BC: "America/Vancouver", MB: "America/Winnipeg", NB: "America/Moncton", NL: "America/St_Johns",
    NS: "America/Halifax", NT: "America/Edmonton", NU: "America/Iqaluit", ON: "America/Toronto", PE: "America/Halifax",
    QC: "America/Toronto", SK: "America/Regina", YT: "America/Whitehorse",
  },
  AU: {
    ACT: "Australia/Sydney", NSW: "Australia/Sydney", NT: "Australia/Darwin", QLD: "Australia/Brisbane", SA: "Australia/Adelaide",
    TAS: "Australia/Hobart", VIC: "Australia/Melbourne", WA: "Australia/Perth",
  },
  BR: {
    AC: "America/Rio_Branco", AL: "America/Maceio", AP: "America/Belem", AM: "America/Manaus", BA: "America/Bahia",
    CE: "America/Fortaleza", DF: "America/Sao_Paulo", ES: "America/Sao_Paulo", GO: "America/Sao_Paulo", MA: "America/Fortaleza",
    MT: "America/Cuiaba", MS: "America/Campo_Grande", MG: "America/Sao_Paulo", PA: "America/Belem", PB: "America/Fortaleza",
    PR: "America/Sao_Paulo", PE: "America/Recife", PI: "America/Fortaleza", RJ: "America/Sao_Paulo", RN: "America/Fortaleza",
    RS: "America/Sao_Paulo", RO: "America/Porto_Velho", RR: "America/Boa_Vista", SC: "America/Sao_Paulo", SP: "America/Sao_Paulo",
    SE: "America/Maceio", TO: "America/Araguaina",
  },
  MX: {
    // Shopify's codes, with ISO 3166-2 ones where they differ.
    AGS: "America/Mexico_City", AGU: "America/Mexico_City", BC: "America/Tijuana", BCN: "America/Tijuana",
    BCS: "America/Mazatlan", CAMP: "America/Merida", CAM: "America/Merida", CHIS: "America/Mexico_City", CHP: "America/Mexico_City",
    CHIH: "America/Chihuahua", CHH: "America/Chihuahua", COAH: "America/Monterrey", COA: "America/Monterrey",
    COL: "America/Mexico_City", DF: "America/Mexico_City", CDMX: "America/Mexico_City", CMX: "America/Mexico_City",
    DGO: "America/Monterrey", DUR: "America/Monterrey", GTO: "America/Mexico_City", GUA: "America/Mexico_City",
    GRO: "America/Mexico_City", HGO: "America/Mexico_City", HID: "America/Mexico_City", JAL: "America/Mexico_City",
    MEX: "America/Mexico_City", MICH: "America/Mexico_City", MIC: "America/Mexico_City", MOR: "America/Mexico_City",
    NAY: "America/Mazatlan", NL: "America/Monterrey", NLE: "America/Monterrey", OAX: "America/Mexico_City",
    PUE: "America/Mexico_City", QRO: "America/Mexico_City", QUE: "America/Mexico_City", "Q ROO": "America/Cancun",
    QROO: "America/Cancun", ROO: "America/Cancun", SLP: "America/Mexico_City", SIN: "America/Mazatlan",
    SON: "America/Hermosillo", TAB: "America/Mexico_City", TAMPS: "America/Monterrey", TAM: "America/Monterrey",
    TLAX: "America/Mexico_City", TLA: "America/Mexico_City", VER: "America/Mexico_City", YUC: "America/Merida",
    ZAC: "America/Mexico_City",
  },
  RU: {
    KGD: "Europe/Kaliningrad",
    MOW: "Europe/Moscow", SPE: "Europe/Moscow", MOS: "Europe/Moscow", LEN: "Europe/Moscow", ARK: "Europe/Moscow",
    BEL: "Europe/Moscow", BRY: "Europe/Moscow", VLA: "Europe/Moscow", VLG: "Europe/Moscow", VOR: "Europe/Moscow",
    IVA: "Europe/Moscow", KLU: "Europe/Moscow", KOS: "Europe/Moscow", KRS: "Europe/Moscow", LIP: "Europe/Moscow",
    MUR: "Europe/Moscow", NIZ: "Europe/Moscow", NGR: "Europe/Moscow", ORL: "Europe/Moscow", PNZ: "Europe/Moscow",
    PSK: "Europe/Moscow", RYA: "Europe/Moscow", SMO: "Europe/Moscow", TAM: "Europe/Moscow", TVE: "Europe/Moscow",
    TUL: "Europe/Moscow", YAR: "Europe/Moscow", KDA: "Europe/Moscow", ROS: "Europe/Moscow", STA: "Europe/Moscow",
    KIR: "Europe/Kirov", TA: "Europe/Moscow", CU: "Europe/Moscow", ME: "Europe/Moscow", MO: "Europe/Moscow",
    KR: "Europe/Moscow", KO: "Europe/Moscow", AD: "Europe/Moscow", DA: "Europe/Moscow", IN: "Europe/Moscow",
    KB: "Europe/Moscow", KC: "Europe/Moscow", KL: "Europe/Moscow", SE: "Europe/Moscow", CE: "Europe/Moscow",
    NEN: "Europe/Moscow", VGG: "Europe/Volgograd", SAM: "Europe/Samara", UD: "Europe/Samara", AST: "Europe/Astrakhan",
    SAR: "Europe/Saratov", ULY: "Europe/Ulyanovsk",
    SVE: "Asia/Yekaterinburg", CHE: "Asia/Yekaterinburg", TYU: "Asia/Yekaterinburg", KGN: "Asia/Yekaterinburg",
    ORE: "Asia/Yekaterinburg", PER: "Asia/Yekaterinburg", BA: "Asia/Yekaterinburg", KHM: "Asia/Yekaterinburg",
    YAN: "Asia/Yekaterinburg",
    OMS: "Asia/Omsk", NVS: "Asia/Novosibirsk", ALT: "Asia/Barnaul", AL: "Asia/Barnaul", TOM: "Asia/Tomsk",
    KEM: "Asia/Novokuznetsk", KYA: "Asia/Krasnoyarsk", KK: "Asia/Krasnoyarsk", TY: "Asia/Krasnoyarsk",
    IRK: "Asia/Irkutsk", BU: "Asia/Irkutsk", ZAB: "Asia/Chita", AMU: "Asia/Yakutsk", SA: "Asia/Yakutsk",
    PRI: "Asia/Vladivostok", KHA: "Asia/Vladivostok", YEV: "Asia/Vladivostok", MAG: "Asia/Magadan",
    SAK: "Asia/Sakhalin", KAM: "Asia/Kamchatka", CHU: "Asia/Anadyr",
  },
  // Islands with a zone of their own; the rest of the country is in COUNTRY_ZONES.
  ES: { GC: "Atlantic/Canary", TF: "Atlantic/Canary", CE: "Africa/Ceuta", ML: "Africa/Ceuta" },
  PT: { "20": "Atlantic/Azores" },
};

/** "IL" from "IL", "us-il" or "US-IL". */
function provinceKey(provinceCode: string | null | undefined, country: string): string {
  const code = (provinceCode ?? "").trim().toUpperCase();
  return code.startsWith(`${country}-`) ? code.slice(country.length + 1) : code;
}

/**
 * The IANA zone of a delivery address, or null when it cannot be known: an unknown country, or a
 * country with several zones (US, CA, AU, BR, MX, RU) without a state or province we know.
 */
export function timeZoneForAddress(countryCode: string | null | undefined, provinceCode?: string | null): string | null {
  const country = (countryCode ?? "").trim().toUpperCase();
  if (!country) return null;
  const byProvince = PROVINCE_ZONES[country];
  const province = provinceKey(provinceCode, country);
  if (byProvince && province && byProvince[province]) return byProvince[province];
  return COUNTRY_ZONES[country] ?? null;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY = DAY_MINUTES * MINUTE;

const formats = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone's wall clock, or null for a zone Intl does not know. */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat | null {
  if (!formats.has(timeZone)) {
    try {
      formats.set(
        timeZone,
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
        }),
      );
    } catch {
      formats.set(timeZone, null);
    }
  }
  return formats.get(timeZone) ?? null;
}

/** The zone's wall clock at `instant`, as milliseconds of a UTC date showing the same figures (to the second). */
function wallClock(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const hour = (parts.hour ?? 0) % 24;
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, hour, parts.minute ?? 0, parts.second ?? 0);
}

/**
 * The first instant at or after `notBefore` when the zone's clock shows `wall`. When the clock
 * never shows it (it jumps over it when DST starts), the instant of the jump.
 */
function instantOfWallClock(format: Intl.DateTimeFormat, wall: number, notBefore: number): number {
  // Candidate offsets: those in force a day either side cover any change near `wall`.
  const offsets = new Set([wall - DAY, wall, wall + DAY].map((probe) => wallClock(format, probe) - probe));
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((instant) => instant >= notBefore && wallClock(format, instant) === wall);
  if (exact !== undefined) return exact;
  // In a gap: search between the earliest candidate (clock before `wall`) and the latest (after).
  let before = candidates[0] ?? wall;
  let after = candidates[candidates.length - 1] ?? wall;
  if (wallClock(format, after) < wall) return Math.max(after, notBefore);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (wallClock(format, middle) >= wall) after = middle;
    else before = middle;
  }
  return Math.max(after, notBefore);
}

export type QuietHours = {
  /** Minutes after local midnight when quiet hours begin (21:00 → 1260). */
  startMinute: number;
  /** Minutes after local midnight when they end (08:00 → 480); before `startMinute` when they cross midnight. */
  endMinute: number;
};

function minuteOfDay(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return ((Math.floor(value) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Whether a local minute of the day falls in quiet hours (start included, end excluded). */
export function isQuietMinute(minute: number, quiet: QuietHours): boolean {
  const start = minuteOfDay(quiet.startMinute);
  const end = minuteOfDay(quiet.endMinute);
  if (start === null || end === null || start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The local minute of the day at `instant` in `timeZone`, or null for a zone Intl does not know. */
export function localMinuteOfDay(instant: Date, timeZone: string): number | null {
  const format = wallClockFormat(timeZone);
  if (!format) return null;
  return Math.floor(timeOfDay(wallClock(format, instant.getTime())) / MINUTE);
}

/** Milliseconds since the wall clock's midnight. */
function timeOfDay(wall: number): number {
  return ((wall % DAY) + DAY) % DAY;
}

/**
 * When a message due `now` may be sent: `now`, unless the shopper's local time is in quiet hours,
 * then the instant those end in the shopper's zone (the next local `endMinute`, DST-correct;
 * when DST skips that time, the instant the clock jumps past it). Quiet hours may cross midnight
 * (21:00–08:00); equal start and end mean none. An unknown zone (null, or one Intl does not
 * know) sends at once: we do not hold a message back on a guess.
 */
export function nextAllowedSendTime(now: Date, timeZone: string | null, quiet: QuietHours): Date {
  if (!timeZone) return now;
  const format = wallClockFormat(timeZone);
  const end = minuteOfDay(quiet.endMinute);
  if (!format || end === null) return now;
  const wall = wallClock(format, now.getTime());
  const minute = Math.floor(timeOfDay(wall) / MINUTE);
  if (!isQuietMinute(minute, quiet)) return now;
  const midnight = wall - timeOfDay(wall);
  // Quiet hours that began this evening end tomorrow; those that began earlier end today.
  const endDay = minute >= end ? midnight + DAY : midnight;
  const endsAt = instantOfWallClock(format, endDay + end * MINUTE, now.getTime());
  return new Date(Math.max(endsAt, now.getTime()));
}
