// Money, dates and places as the admin pages print them. Formatted on the server, with the
// time passed in, so the page the server renders is the page the browser hydrates.

const LOCALE = "en";

/**
 * The time zone the admin pages print in. The shop's own zone is not stored yet (it is in the
 * Admin API's shop.ianaTimezone); until it is, times are in UTC and say so.
 */
export const ADMIN_TIME_ZONE = "UTC";

/** "€42.00" from Shopify's decimal string; an amount or currency Intl cannot read is printed as given. */
export function formatMoney(amount: string, currency: string): string {
  const value = Number(amount);
  if (amount.trim() === "" || !Number.isFinite(value)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`.trim();
  }
}

/** An IANA time zone Intl knows, else UTC. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** "Nov 18, 2026, 10:04 AM UTC", in the given time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: usableTimeZone(timeZone),
    timeZoneName: "short",
  }).format(date);
}

/** "Nov 18, 2026", in the given time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { year: "numeric", month: "short", day: "numeric", timeZone: usableTimeZone(timeZone) }).format(date);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "6 days ago"; older than a week (or
 * in the future by more than a minute, a clock out of step) it is the date itself.
 */
export function formatRelative(date: Date, now: Date, timeZone: string): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < -MINUTE || elapsed >= 7 * DAY) return formatDate(date, timeZone);
  if (elapsed < MINUTE) return "just now";
  const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  return relative.format(-Math.floor(elapsed / DAY), "day");
}

/** "France" for "FR"; the code itself when it is no region Intl knows. */
export function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    const name = new Intl.DisplayNames(LOCALE, { type: "region", fallback: "none" }).of(code.toUpperCase());
    return name ?? code;
  } catch {
    return code;
  }
}
