// Whether a shop still has the app installed, asked on every webhook: cached briefly in
// the process so that intake stays one write. An uninstall in this process is seen at
// once; one in another instance within the cache's lifetime (the job checks again).
import type { Db } from "../db.server";

type Entry = { active: boolean; until: number };

export function createShopActivityCheck(db: Db, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();
  return {
    async isActive(shop: string): Promise<boolean> {
      const cached = cache.get(shop);
      if (cached && cached.until > now()) return cached.active;
      const row = await db.shop.findUnique({ where: { shop }, select: { status: true } });
      // A shop the app has no row for yet (its install hook has not run) is accepted.
      const active = row?.status !== "uninstalled";
      cache.set(shop, { active, until: now() + ttlMs });
      return active;
    },
    forget(shop: string): void {
      cache.delete(shop);
    },
  };
}
