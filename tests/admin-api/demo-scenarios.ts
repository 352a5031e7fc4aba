// A live shop always has a few orders in the states post-purchase care is
// about. Chance alone may not produce them for every seed and `now`, so a
// handful of ordinary orders of a suitable age are steered into them:
// clearly late (unfulfilled 4+ business days, in transit 10+ days), out for
// delivery right now, a missed delivery, a parcel returned to sender, a label
// printed but not yet picked up, and a split shipment.

import { applyOutcome, planTransit } from "./demo-lifecycle.ts";
import type { ShipmentPlan } from "./demo-lifecycle.ts";
import { itemAt } from "./demo-lists.ts";
import type { OrderDraft } from "./demo-orders.ts";
import type { DemoRandom } from "./demo-random.ts";
import { DAY, HOUR } from "./demo-time.ts";

type Scenario = {
  name: string;
  count: (orderCount: number) => number;
  ageDays: readonly [number, number];
  eligible: (draft: OrderDraft, now: number) => boolean;
  apply: (draft: OrderDraft, random: DemoRandom, now: number) => void;
};

const ordinary = (d: OrderDraft) =>
  d.plan.cancel === null &&
  (d.plan.method === "shopify_payments" || d.plan.method === "paypal") &&
  !d.cart.lines.some((l) => l.madeToOrder);

const firstParcel = (d: OrderDraft): ShipmentPlan => itemAt(d.plan.shipments, 0);

const oneTrackedParcel = (d: OrderDraft) => d.plan.shipments.length === 1 && firstParcel(d).tracking !== null;

function replaceParcel(draft: OrderDraft, parcel: ShipmentPlan): void {
  draft.plan = { ...draft.plan, shipments: [parcel] };
}

const expectedArrival = (d: OrderDraft, s: ShipmentPlan) => s.inTransitAt + (d.country.transitDays + 1) * DAY;

const SCENARIOS: readonly Scenario[] = [
  {
    name: "unfulfilled for 4+ business days",
    count: (n) => Math.max(3, Math.round(n / 55)),
    ageDays: [6, 20],
    eligible: (d) => ordinary(d) && d.plan.shipments.length > 0,
    apply: (d) => {
      d.plan = { ...d.plan, shipments: [] };
    },
  },
  {
    name: "in transit for 10+ days",
    count: (n) => Math.max(3, Math.round(n / 64)),
    ageDays: [16, 45],
    eligible: (d, now) => ordinary(d) && oneTrackedParcel(d) && firstParcel(d).inTransitAt <= now - 10.5 * DAY,
    apply: (d, random) => {
      const s = firstParcel(d);
      replaceParcel(d, applyOutcome(random, { ...s, outcome: "stuck" }, expectedArrival(d, s)));
    },
  },
  {
    name: "out for delivery now",
    count: () => 1,
    ageDays: [2, 9],
    eligible: (d, now) => ordinary(d) && oneTrackedParcel(d) && firstParcel(d).inTransitAt < now - 12 * HOUR,
    apply: (d, random, now) => {
      const s = firstParcel(d);
      replaceParcel(d, {
        ...s, outcome: "delivered", delayedAt: null, attemptAt: null, failedAt: null,
        outForDeliveryAt: now - random.float(0.5, 2) * HOUR,
        deliveredAt: now + random.float(1, 4) * HOUR,
      });
    },
  },
  {
    name: "delivery attempted, next try tomorrow",
    count: () => 1,
    ageDays: [3, 10],
    eligible: (d, now) => ordinary(d) && oneTrackedParcel(d) && firstParcel(d).inTransitAt < now - 12 * HOUR,
    apply: (d, random, now) => {
      const s = firstParcel(d);
      const deliveredAt = now + random.float(20, 44) * HOUR;
      replaceParcel(d, {
        ...s, outcome: "attempted", delayedAt: null, failedAt: null,
        attemptAt: now - random.float(3, 8) * HOUR,
        outForDeliveryAt: deliveredAt - random.float(1, 3) * HOUR,
        deliveredAt,
      });
    },
  },
  {
    name: "returned to sender",
    count: () => 1,
    ageDays: [18, 40],
    eligible: (d, now) => ordinary(d) && oneTrackedParcel(d) && expectedArrival(d, firstParcel(d)) + 9 * DAY < now,
    apply: (d, random) => {
      const s = firstParcel(d);
      replaceParcel(d, applyOutcome(random, { ...s, outcome: "failure" }, expectedArrival(d, s)));
    },
  },
  {
    name: "label printed, awaiting carrier pickup",
    count: () => 1,
    ageDays: [0.4, 3],
    eligible: (d) => ordinary(d) && d.plan.shipments.length > 0,
    apply: (d, random, now) => {
      const everything = d.cart.lines.map((l) => l.quantity);
      replaceParcel(d, planTransit(random, d.country, now - random.float(0.5, 2.5) * HOUR, everything, true, "delivered"));
    },
  },
  {
    name: "split shipment, second parcel pending",
    count: () => 1,
    ageDays: [3, 12],
    eligible: (d) => ordinary(d) && d.plan.shipments.length === 1 && d.cart.lines.filter((l) => !l.isGift).length >= 2,
    apply: (d, random, now) => {
      const first = firstParcel(d);
      const keep = (i: number) => i === 0 || itemAt(d.cart.lines, i).isGift;
      const nowQuantities = d.cart.lines.map((l, i) => (keep(i) ? l.quantity : 0));
      const laterQuantities = d.cart.lines.map((l, i) => (keep(i) ? 0 : l.quantity));
      const second = planTransit(random, d.country, now + random.float(2, 6) * DAY, laterQuantities, true, "delivered");
      d.plan = { ...d.plan, shipments: [{ ...first, quantities: nowQuantities }, second] };
    },
  },
];

export function applyScenarios(random: DemoRandom, drafts: readonly OrderDraft[], now: number): void {
  const used = new Set<OrderDraft>();
  for (const scenario of SCENARIOS) {
    const [minAge, maxAge] = scenario.ageDays;
    let candidates = drafts.filter((d) => {
      const age = (now - d.createdAt) / DAY;
      return !used.has(d) && age >= minAge && age <= maxAge && scenario.eligible(d, now);
    });
    for (let i = 0; i < scenario.count(drafts.length) && candidates.length > 0; i += 1) {
      const draft = random.pick(candidates);
      scenario.apply(draft, random, now);
      used.add(draft);
      candidates = candidates.filter((d) => d !== draft);
    }
  }
}
