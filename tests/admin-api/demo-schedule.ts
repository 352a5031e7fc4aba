// When orders come in: spread over the 60 days before `now`, at plausible local
// hours (evenings busiest, nights quiet), a little busier on Sundays and in the
// most recent weeks.

import type { Buyer } from "./demo-customers.ts";
import type { DemoRandom } from "./demo-random.ts";
import { DAY, HOUR, MINUTE } from "./demo-time.ts";

export const WINDOW_DAYS = 60;

// Relative chance of an order at each local hour, 00:00–23:00.
const HOURLY = [
  0.15, 0.08, 0.05, 0.04, 0.04, 0.06, 0.2, 0.4, 0.55, 0.65, 0.75, 0.8,
  0.85, 0.8, 0.75, 0.75, 0.8, 0.85, 0.95, 1, 1, 0.95, 0.7, 0.35,
];
const WEEKDAY = [1.1, 1, 1, 1, 1, 1, 0.85]; // Sunday first
const MAX_WEIGHT = 1.1 * 1.1;

export type OrderSlot = { buyer: Buyer; createdAt: number; nth: number };

function orderTime(random: DemoRandom, now: number, utcOffsetHours: number): number {
  let t = now - 5 * MINUTE;
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const age = random.float(5 * MINUTE, WINDOW_DAYS * DAY - HOUR);
    t = now - age;
    const local = t + utcOffsetHours * HOUR;
    const hour = Math.floor((((local / HOUR) % 24) + 24) % 24);
    const trend = 0.8 + 0.3 * (1 - age / (WINDOW_DAYS * DAY));
    const weight = (HOURLY[hour] ?? 0) * (WEEKDAY[new Date(local).getUTCDay()] ?? 1) * trend;
    if (random.next() * MAX_WEIGHT < weight) return t;
  }
  return t;
}

/** One slot per order, oldest first; `nth` is the buyer's 1-based order count at that point. */
export function scheduleOrders(random: DemoRandom, buyers: readonly Buyer[], now: number): OrderSlot[] {
  const slots = buyers.flatMap((buyer) =>
    Array.from({ length: buyer.orderCount }, () => ({ buyer, createdAt: orderTime(random, now, buyer.person.country.utcOffsetHours), nth: 0 })),
  );
  slots.sort((a, b) => a.createdAt - b.createdAt);
  const seen = new Map<Buyer, number>();
  for (const slot of slots) {
    slot.nth = (seen.get(slot.buyer) ?? 0) + 1;
    seen.set(slot.buyer, slot.nth);
  }
  return slots;
}
