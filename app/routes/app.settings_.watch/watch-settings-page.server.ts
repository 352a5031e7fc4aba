// The watch settings page's data and its form: the settings in force as the form's fields
// (the shop's zone and country, and the EU as a region, until the merchant saves their own),
// and saving what the merchant typed — or the field errors, with what was typed kept.
import type { Db } from "~/db.server";
import { getWatchSettings, saveWatchSettings } from "~/watch/watch-settings.server";
import { WATCH_FORM_FIELDS, parseWatchSettingsForm, watchSettingsFormValues, type WatchFormField, type WatchFormValues } from "~/watch/watch-settings-form";

export type WatchSettingsPageView = {
  values: WatchFormValues;
  /** false until the merchant saves rules of their own (the defaults are shown). */
  saved: boolean;
  timeZones: string[];
};

export type WatchSettingsSaveResult = {
  ok: boolean;
  message: string;
  errors?: Partial<Record<WatchFormField | "form", string>>;
  /** What was posted, shown again when it could not be saved. */
  values?: WatchFormValues;
};

/** Every zone Intl knows, and the shop's own if it is an alias Intl lists under another name. */
function timeZoneChoices(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...zones, "UTC", current])].filter(Boolean).sort();
}

export async function loadWatchSettingsPage(db: Db, shop: string): Promise<WatchSettingsPageView> {
  const watch = await getWatchSettings(db, shop);
  const values = watchSettingsFormValues(watch, { prefillRegion: !watch.saved });
  return { values, saved: watch.saved, timeZones: timeZoneChoices(values.timeZone) };
}

export async function saveWatchSettingsForm(db: Db, shop: string, entries: Record<string, string>): Promise<WatchSettingsSaveResult> {
  const values = Object.fromEntries(WATCH_FORM_FIELDS.map((field) => [field, entries[field] ?? ""])) as WatchFormValues;
  const parsed = parseWatchSettingsForm(entries);
  if (!parsed.ok) return { ok: false, message: "The settings were not saved: check the fields marked in red.", errors: parsed.errors, values };
  const saved = await saveWatchSettings(db, shop, parsed.value);
  if (!saved.ok) return { ok: false, message: "The settings were not saved.", errors: { form: saved.problems.join("; ") }, values };
  return { ok: true, message: "Watch settings saved. Open orders are checked against them within a few minutes." };
}
