// How the dashboard writes its figures, in the merchant's locale (the admin's, from the
// request; English otherwise). Pure. "—" stands for "nothing to measure".
import { figureChange, type Figure } from "./indicators";

export const NO_VALUE = "—";

/** The admin's locale when it is a locale this server can format numbers in; "en" otherwise. */
export function dashboardLocale(requested: string | null | undefined): string {
  if (!requested) return "en";
  try {
    return Intl.NumberFormat.supportedLocalesOf([requested])[0] ?? "en";
  } catch {
    return "en";
  }
}

/**
 * The admin's locale: Shopify adds `?locale=` to the app's first URL; later requests (client
 * navigation, the export) fall back to the browser's first language, which the admin follows.
 */
export function requestLocale(request: Request): string {
  const fromUrl = new URL(request.url).searchParams.get("locale");
  const fromHeader = request.headers.get("accept-language")?.split(",")[0]?.split(";")[0]?.trim();
  return dashboardLocale(fromUrl || fromHeader || null);
}

/** "2 h 15 min", "3.5 days": minutes in the largest sensible unit. */
export function formatDuration(minutes: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (minutes < 60) return `${number(minutes, 0)} min`;
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes - hours * 60);
    return rest === 0 ? `${number(hours, 0)} h` : `${number(hours, 0)} h ${number(rest, 0)} min`;
  }
  return `${number(minutes / 1440, 1)} days`;
}

export function formatFigure(figure: Pick<Figure, "format">, value: number | null, locale: string, currency: string): string {
  if (value === null) return NO_VALUE;
  switch (figure.format) {
    case "count":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "decimal":
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "minutes":
      return formatDuration(value, locale);
    case "money":
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
      } catch {
        return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
      }
  }
}

/** "+3.2 pts", "−12 %", or "—" when the periods cannot be compared. */
export function formatChange(figure: Pick<Figure, "format" | "value" | "previous">, locale: string): string {
  const change = figureChange(figure);
  if (change === null) return NO_VALUE;
  if (change.kind === "points") return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change.amount)} pts`;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change.amount);
}

/** Whether the change is good news, bad news, or neither. */
export function changeTone(figure: Pick<Figure, "format" | "value" | "previous" | "higherIsBetter">): "good" | "bad" | "neutral" {
  const change = figureChange(figure);
  if (change === null || change.amount === 0 || figure.higherIsBetter === null) return "neutral";
  return change.amount > 0 === figure.higherIsBetter ? "good" : "bad";
}
