// The watch settings form (/app/settings/watch): a shop's WatchSettings as the form's fields
// (text the merchant can edit: times as HH:MM, lists one item a line, delays in hours and
// minutes) and back, with an error per field in words the merchant can act on. Pure.
import { EU_COUNTRIES, watchSettingsProblems, type ConfirmationCriterion, type WatchSettings } from "./watch-rules";

/** What saveWatchSettings takes. */
export type WatchSettingsInput = {
  rules: WatchSettings;
  tagPrefix: string;
  mirrorToShopify: boolean;
  holdUntilConfirmed: boolean;
};

export const WATCH_FORM_FIELDS = [
  "timeZone",
  "day1",
  "day2",
  "day3",
  "day4",
  "day5",
  "day6",
  "day0",
  "opensAt",
  "closesAt",
  "cutoffAt",
  "holidays",
  "confirmAll",
  "confirmCashOnDelivery",
  "confirmFirstOrders",
  "confirmAboveAmount",
  "confirmAmount",
  "confirmTagged",
  "confirmTag",
  "confirmHours",
  "confirmMinutes",
  "dispatchDays",
  "dispatchByMethod",
  "shopCountry",
  "regionCountries",
  "deliveryDomestic",
  "deliveryRegion",
  "deliveryInternational",
  "stalledOn",
  "stalledAfterDays",
  "atRiskHours",
  "atRiskMinutes",
  "flagNoTracking",
  "tagPrefix",
  "mirrorToShopify",
  "holdUntilConfirmed",
] as const;

export type WatchFormField = (typeof WATCH_FORM_FIELDS)[number];
export type WatchFormValues = Record<WatchFormField, string>;
export type WatchFormResult = { ok: true; value: WatchSettingsInput } | { ok: false; errors: Partial<Record<WatchFormField | "form", string>> };

type DayField = "day0" | "day1" | "day2" | "day3" | "day4" | "day5" | "day6";

/** Monday first, as the form lists them; `day` is the weekday number (0 = Sunday). */
export const WEEKDAYS: readonly { field: DayField; day: number; label: string }[] = [
  { field: "day1", day: 1, label: "Monday" },
  { field: "day2", day: 2, label: "Tuesday" },
  { field: "day3", day: 3, label: "Wednesday" },
  { field: "day4", day: 4, label: "Thursday" },
  { field: "day5", day: 5, label: "Friday" },
  { field: "day6", day: 6, label: "Saturday" },
  { field: "day0", day: 0, label: "Sunday" },
];

/** A ticked checkbox, as browsers send it. */
export const CHECKED = "on";

/** Shopify tags are at most 40 characters; the longest flag adds "stalled-in-transit" (18). */
export const TAG_PREFIX_MAX = 22;
const LONGEST_LIST = 366;
const MINUTES_PER_DAY = 1440;

const MAX = { confirmHours: 240, dispatchDays: 60, deliveryDays: 180, stalledDays: 60, atRiskHours: 240 };

// --- settings → form ---------------------------------------------------------------------------

/**
 * The form's fields for the settings in force. `prefillRegion`: nothing saved yet and no region
 * from the defaults: the EU (less the shop's country) is offered as a start.
 */
export function watchSettingsFormValues(input: WatchSettingsInput, options: { prefillRegion?: boolean } = {}): WatchFormValues {
  const { rules } = input;
  const criteria = rules.confirmation.requiredFor;
  const has = (kind: ConfirmationCriterion["kind"]) => criteria.some((criterion) => criterion.kind === kind);
  const above = criteria.find((criterion) => criterion.kind === "above_amount");
  const tagged = criteria.find((criterion) => criterion.kind === "tagged");
  const tick = (value: boolean) => (value ? CHECKED : "");
  const shopCountry = rules.delivery.shopCountry ?? "";
  const region =
    rules.delivery.regionCountries.length === 0 && options.prefillRegion ? EU_COUNTRIES.filter((code) => code !== shopCountry.toUpperCase()) : rules.delivery.regionCountries;
  const days = Object.fromEntries(WEEKDAYS.map(({ field, day }) => [field, tick(rules.calendar.workingDays.includes(day))]));
  return {
    timeZone: rules.calendar.timeZone,
    ...(days as Record<DayField, string>),
    opensAt: formatClock(rules.calendar.opensAt),
    closesAt: formatClock(rules.calendar.closesAt),
    cutoffAt: rules.calendar.cutoffAt >= MINUTES_PER_DAY ? "" : formatClock(rules.calendar.cutoffAt),
    holidays: rules.calendar.holidays.join("\n"),
    confirmAll: tick(has("all")),
    confirmCashOnDelivery: tick(has("cash_on_delivery")),
    confirmFirstOrders: tick(has("first_orders")),
    confirmAboveAmount: tick(above !== undefined),
    confirmAmount: above?.kind === "above_amount" ? above.amount : "",
    confirmTagged: tick(tagged !== undefined),
    confirmTag: tagged?.kind === "tagged" ? tagged.tag : "",
    confirmHours: String(Math.floor(rules.confirmation.withinBusinessMinutes / 60)),
    confirmMinutes: String(rules.confirmation.withinBusinessMinutes % 60),
    dispatchDays: String(rules.dispatch.withinBusinessDays),
    dispatchByMethod: rules.dispatch.byShippingMethod.map((entry) => `${entry.shippingMethod} = ${entry.withinBusinessDays}`).join("\n"),
    shopCountry,
    regionCountries: region.join(", "),
    deliveryDomestic: String(rules.delivery.withinDays.domestic),
    deliveryRegion: String(rules.delivery.withinDays.region),
    deliveryInternational: String(rules.delivery.withinDays.international),
    stalledOn: tick(rules.stalledAfterDays !== null),
    stalledAfterDays: String(rules.stalledAfterDays ?? 4),
    atRiskHours: String(Math.floor(rules.atRiskBusinessMinutes / 60)),
    atRiskMinutes: String(rules.atRiskBusinessMinutes % 60),
    flagNoTracking: tick(rules.flagFulfilledWithoutTracking),
    tagPrefix: input.tagPrefix,
    mirrorToShopify: tick(input.mirrorToShopify),
    holdUntilConfirmed: tick(input.holdUntilConfirmed),
  };
}

/** "2 h", "1 h 30 min", "45 min", "0 min". */
export function formatBusinessTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

// --- form → settings ---------------------------------------------------------------------------

/**
 * Reads the form (`entries`: field name → value; a checkbox is "on" when ticked and absent
 * otherwise). Every field is checked, so that all the errors show at once; the settings are
 * then checked as a whole (watchSettingsProblems) — what that finds is reported under "form".
 */
export function parseWatchSettingsForm(entries: Readonly<Record<string, string | undefined>>): WatchFormResult {
  const errors: Partial<Record<WatchFormField | "form", string>> = {};
  const text = (field: WatchFormField) => (entries[field] ?? "").trim();
  const ticked = (field: WatchFormField) => entries[field] === CHECKED || entries[field] === "true";
  const whole = (field: WatchFormField, what: string, min: number, max: number): number => {
    const raw = text(field);
    const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      errors[field] = raw === "" ? `Enter ${what}.` : `${capitalise(what)} must be a whole number from ${min} to ${max}.`;
      return min;
    }
    return value;
  };

  // Calendar.
  const timeZone = text("timeZone");
  if (!isTimeZone(timeZone)) errors.timeZone = timeZone === "" ? "Choose your shop’s time zone." : `“${timeZone}” is not a time zone.`;
  const workingDays = WEEKDAYS.filter(({ field }) => ticked(field)).map(({ day }) => day).sort((a, b) => a - b);
  if (workingDays.length === 0) errors.day1 = "Tick at least one working day.";
  const opensAt = clock("opensAt", text("opensAt"), false, errors);
  const closesAt = clock("closesAt", text("closesAt"), true, errors);
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) errors.closesAt = "The closing time must be after the opening time.";
  const cutoffText = text("cutoffAt");
  const cutoffAt = cutoffText === "" ? MINUTES_PER_DAY : clock("cutoffAt", cutoffText, true, errors);
  const holidays = holidayList(entries.holidays ?? "", errors);

  // Confirmation.
  const requiredFor: ConfirmationCriterion[] = [];
  if (ticked("confirmAll")) requiredFor.push({ kind: "all" });
  if (ticked("confirmCashOnDelivery")) requiredFor.push({ kind: "cash_on_delivery" });
  if (ticked("confirmFirstOrders")) requiredFor.push({ kind: "first_orders" });
  if (ticked("confirmAboveAmount")) {
    const amount = text("confirmAmount").replace(",", ".");
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount)) errors.confirmAmount = amount === "" ? "Enter the amount above which orders are confirmed." : "Write the amount as a number, for example 150 or 149.90.";
    else requiredFor.push({ kind: "above_amount", amount });
  }
  if (ticked("confirmTagged")) {
    const tag = text("confirmTag");
    if (tag === "") errors.confirmTag = "Enter the tag of the orders to confirm.";
    else if (tag.includes(",")) errors.confirmTag = "One tag only: a tag cannot contain a comma.";
    else if (tag.length > 40) errors.confirmTag = "Shopify tags are at most 40 characters.";
    else requiredFor.push({ kind: "tagged", tag });
  }
  const confirmHours = whole("confirmHours", "the hours to confirm within", 0, MAX.confirmHours);
  const confirmMinutes = whole("confirmMinutes", "the minutes to confirm within", 0, 59);

  // Dispatch and delivery.
  const dispatchDays = whole("dispatchDays", "the business days to dispatch within", 1, MAX.dispatchDays);
  const byShippingMethod = methodList(entries.dispatchByMethod ?? "", errors);
  const shopCountryText = text("shopCountry").toUpperCase();
  const shopCountry = shopCountryText === "" ? null : countryCode(shopCountryText);
  if (shopCountryText !== "" && shopCountry === null) errors.shopCountry = `“${text("shopCountry")}” is not a two-letter country code (FR, DE, US…).`;
  const regionCountries = countryList(entries.regionCountries ?? "", errors);
  const withinDays = {
    domestic: whole("deliveryDomestic", "the days to deliver at home", 0, MAX.deliveryDays),
    region: whole("deliveryRegion", "the days to deliver in your region", 0, MAX.deliveryDays),
    international: whole("deliveryInternational", "the days to deliver elsewhere", 0, MAX.deliveryDays),
  };
  const stalledAfterDays = ticked("stalledOn") ? whole("stalledAfterDays", "the days without news after which a parcel is stalled", 1, MAX.stalledDays) : null;
  const atRiskHours = whole("atRiskHours", "the hours of the at-risk window", 0, MAX.atRiskHours);
  const atRiskMinutes = whole("atRiskMinutes", "the minutes of the at-risk window", 0, 59);

  // Tags in Shopify.
  const tagPrefix = text("tagPrefix");
  if (tagPrefix === "") errors.tagPrefix = "Enter a prefix, for example aftercare: — flag tags start with it.";
  else if (tagPrefix.includes(",")) errors.tagPrefix = "A tag cannot contain a comma.";
  else if (tagPrefix.length > TAG_PREFIX_MAX) errors.tagPrefix = `At most ${TAG_PREFIX_MAX} characters, so that every flag’s tag fits Shopify’s 40.`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const rules: WatchSettings = {
    calendar: { timeZone, workingDays, opensAt: opensAt ?? 0, closesAt: closesAt ?? MINUTES_PER_DAY, cutoffAt: cutoffAt ?? MINUTES_PER_DAY, holidays },
    confirmation: { requiredFor, withinBusinessMinutes: confirmHours * 60 + confirmMinutes },
    dispatch: { withinBusinessDays: dispatchDays, byShippingMethod },
    delivery: { shopCountry, regionCountries: regionCountries.filter((code) => code !== shopCountry), withinDays },
    stalledAfterDays,
    atRiskBusinessMinutes: atRiskHours * 60 + atRiskMinutes,
    flagFulfilledWithoutTracking: ticked("flagNoTracking"),
  };
  const problems = watchSettingsProblems(rules);
  if (problems.length > 0) return { ok: false, errors: { form: `These settings cannot be used: ${problems.join("; ")}.` } };
  return { ok: true, value: { rules, tagPrefix, mirrorToShopify: ticked("mirrorToShopify"), holdUntilConfirmed: ticked("holdUntilConfirmed") } };
}

// --- fields --------------------------------------------------------------------------------------

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "9:00", "09:00", "17:30"; "24:00" (the midnight that ends the day) where `endOfDay` allows it. */
function clock(field: WatchFormField, value: string, endOfDay: boolean, errors: Partial<Record<WatchFormField, string>>): number | null {
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const valid = match !== null && Number(match[2]) < 60 && (minutes < MINUTES_PER_DAY || (endOfDay && minutes === MINUTES_PER_DAY));
  if (valid) return minutes;
  errors[field] = value === "" ? "Enter a time as HH:MM, for example 09:00." : `“${value}” is not a time: write it as HH:MM, for example 09:00${endOfDay ? " (24:00 for midnight)" : ""}.`;
  return null;
}

function isTimeZone(name: string): boolean {
  if (name === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function lines(text: string): { line: number; value: string }[] {
  return text
    .split(/\r?\n/)
    .map((value, index) => ({ line: index + 1, value: value.trim() }))
    .filter((entry) => entry.value !== "");
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function holidayList(text: string, errors: Partial<Record<WatchFormField, string>>): string[] {
  const entries = lines(text);
  const bad = entries.filter((entry) => !isRealDate(entry.value));
  if (bad.length > 0) {
    errors.holidays = `${bad.map((entry) => `Line ${entry.line} (“${entry.value}”)`).join(", ")}: write one date a line as YYYY-MM-DD, for example 2026-12-25.`;
  } else if (entries.length > LONGEST_LIST) {
    errors.holidays = `At most ${LONGEST_LIST} dates.`;
  }
  return [...new Set(entries.map((entry) => entry.value))].sort();
}

function methodList(text: string, errors: Partial<Record<WatchFormField, string>>): { shippingMethod: string; withinBusinessDays: number }[] {
  const result: { shippingMethod: string; withinBusinessDays: number }[] = [];
  const bad: string[] = [];
  for (const entry of lines(text)) {
    const split = entry.value.lastIndexOf("=");
    const shippingMethod = split > 0 ? entry.value.slice(0, split).trim() : "";
    const daysText = split > 0 ? entry.value.slice(split + 1).trim() : "";
    const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
    if (shippingMethod === "" || !(days >= 1 && days <= MAX.dispatchDays)) bad.push(`line ${entry.line} (“${entry.value}”)`);
    else if (!result.some((known) => known.shippingMethod.toLowerCase() === shippingMethod.toLowerCase())) result.push({ shippingMethod, withinBusinessDays: days });
  }
  if (bad.length > 0) {
    errors.dispatchByMethod = `${capitalise(bad.join(", "))}: write one method a line as “method title = business days”, days from 1 to ${MAX.dispatchDays}, for example “Express = 1”.`;
  }
  return result;
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames("en", { type: "region", fallback: "none" });
  } catch {
    return null;
  }
})();

/** An ISO 3166-1 alpha-2 code Intl knows as a country ("EU" and "ZZ" are not), upper case. */
function countryCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || code === "EU" || code === "UN" || code === "EZ") return null;
  const name = regionNames?.of(code);
  return name === undefined || name === "Unknown Region" ? null : code;
}

function countryList(text: string, errors: Partial<Record<WatchFormField, string>>): string[] {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  const codes: string[] = [];
  const bad: string[] = [];
  for (const word of words) {
    const code = countryCode(word);
    if (code === null) bad.push(`“${word}”`);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (bad.length > 0) errors.regionCountries = `${bad.join(", ")} ${bad.length === 1 ? "is not a country code" : "are not country codes"}: list two-letter codes separated by commas, for example FR, DE, IT.`;
  return codes;
}
