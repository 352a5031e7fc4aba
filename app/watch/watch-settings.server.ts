// A shop's watch rules: stored as JSON (app/watch/watch-rules.ts WatchSettings), or the
// defaults for the shop's time zone and country until the merchant saves their own.
import type { Db } from "~/db.server";
import { defaultWatchSettings, watchSettingsProblems, type WatchSettings } from "./watch-rules";

export type ShopWatchSettings = {
  rules: WatchSettings;
  tagPrefix: string;
  mirrorToShopify: boolean;
  holdUntilConfirmed: boolean;
  /** false until the merchant saves rules of their own. */
  saved: boolean;
};

export async function getWatchSettings(db: Db, shop: string): Promise<ShopWatchSettings> {
  const [row, shopSettings] = await Promise.all([
    db.watchSettings.findUnique({ where: { shop } }),
    db.shopSettings.findUnique({ where: { shop }, select: { timezone: true, countryCode: true } }),
  ]);
  const defaults = defaultWatchSettings({ timeZone: shopSettings?.timezone ?? "UTC", country: shopSettings?.countryCode ?? null });
  if (!row) return { rules: defaults, tagPrefix: "aftercare:", mirrorToShopify: true, holdUntilConfirmed: false, saved: false };
  return { rules: parseStoredRules(row.rules, defaults), tagPrefix: row.tagPrefix, mirrorToShopify: row.mirrorToShopify, holdUntilConfirmed: row.holdUntilConfirmed, saved: true };
}

/** Stored rules that no longer make sense (a bad edit, an older shape) fall back to the defaults. */
function parseStoredRules(json: string, defaults: WatchSettings): WatchSettings {
  try {
    const value = { ...defaults, ...(JSON.parse(json) as Partial<WatchSettings>) };
    return watchSettingsProblems(value).length === 0 ? value : defaults;
  } catch {
    return defaults;
  }
}

export async function saveWatchSettings(
  db: Db,
  shop: string,
  input: { rules: WatchSettings; tagPrefix: string; mirrorToShopify: boolean; holdUntilConfirmed: boolean },
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  const problems = watchSettingsProblems(input.rules);
  if (problems.length > 0) return { ok: false, problems };
  const data = { rules: JSON.stringify(input.rules), tagPrefix: input.tagPrefix, mirrorToShopify: input.mirrorToShopify, holdUntilConfirmed: input.holdUntilConfirmed };
  await db.watchSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  // Every open order is looked at again under the new rules by the next sweep.
  await db.orderCare.updateMany({ where: { shop, cancelledAt: null, closedAt: null }, data: { watchDueAt: new Date(0) } });
  return { ok: true };
}
