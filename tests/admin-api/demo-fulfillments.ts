// Fulfillment records: a planned parcel as it looks at `now` (only the carrier
// events that already happened, and the display status they imply).

import type { IdAllocator } from "./demo-ids.ts";
import { itemAt, lastOf } from "./demo-lists.ts";
import type { ShipmentPlan } from "./demo-lifecycle.ts";
import type { CentsPair, PresentmentCurrency } from "./demo-money.ts";
import { moneyBag, timesPair } from "./demo-money.ts";
import { iso, isoOrNull, latest } from "./demo-time.ts";
import type {
  FulfillmentDisplayStatus,
  FulfillmentEventRecord,
  FulfillmentEventStatus,
  FulfillmentLineItemRecord,
  FulfillmentRecord,
  LineItemRecord,
  MailingAddressRecord,
} from "./demo-types.ts";

const ORIGIN = { city: "Lyon", country: "France" };

type EventDraft = { at: number; status: FulfillmentEventStatus; message: string; atDestination: boolean };

function eventDrafts(plan: ShipmentPlan, carrier: string): EventDraft[] {
  const drafts: (EventDraft | null)[] = [
    { at: plan.inTransitAt, status: "IN_TRANSIT", message: `Picked up by ${carrier}`, atDestination: false },
    plan.delayedAt === null ? null : { at: plan.delayedAt, status: "DELAYED", message: "Shipment delayed in the carrier network", atDestination: false },
    plan.attemptAt === null ? null : { at: plan.attemptAt, status: "ATTEMPTED_DELIVERY", message: "Delivery attempted: recipient absent, notice left", atDestination: true },
    plan.outForDeliveryAt === null ? null : { at: plan.outForDeliveryAt, status: "OUT_FOR_DELIVERY", message: "Out for delivery", atDestination: true },
    plan.deliveredAt === null ? null : { at: plan.deliveredAt, status: "DELIVERED", message: "Delivered", atDestination: true },
    plan.failedAt === null ? null : { at: plan.failedAt, status: "FAILURE", message: "Not collected: returned to sender", atDestination: true },
  ];
  return drafts.filter((d): d is EventDraft => d !== null).sort((a, b) => a.at - b.at);
}

function eventRecords(ids: IdAllocator, plan: ShipmentPlan, now: number, destination: MailingAddressRecord): FulfillmentEventRecord[] {
  if (!plan.tracking) return [];
  return eventDrafts(plan, plan.tracking.carrier.company)
    .filter((d) => d.at <= now)
    .map((d) => ({
      __typename: "FulfillmentEvent",
      id: ids.take("FulfillmentEvent").id,
      status: d.status,
      happenedAt: iso(d.at),
      createdAt: iso(d.at),
      message: d.message,
      city: d.atDestination ? destination.city : ORIGIN.city,
      country: d.atDestination ? destination.country : ORIGIN.country,
      estimatedDeliveryAt: d.status === "IN_TRANSIT" || d.status === "DELAYED" ? isoOrNull(plan.estimatedAt) : null,
    }));
}

function displayStatus(plan: ShipmentPlan, events: readonly FulfillmentEventRecord[]): FulfillmentDisplayStatus {
  if (!plan.tracking) return "FULFILLED";
  return lastOf(events)?.status ?? "CONFIRMED";
}

function fulfillmentLineItems(
  ids: IdAllocator,
  plan: ShipmentPlan,
  lines: readonly LineItemRecord[],
  units: readonly CentsPair[],
  currency: PresentmentCurrency,
): FulfillmentLineItemRecord[] {
  return plan.quantities.flatMap((quantity, i) => {
    if (quantity === 0) return [];
    const total = moneyBag(timesPair(itemAt(units, i), quantity), currency);
    return [{ __typename: "FulfillmentLineItem" as const, id: ids.take("FulfillmentLineItem").id, quantity, lineItem: itemAt(lines, i), originalTotalSet: total, discountedTotalSet: total }];
  });
}

export type FulfillmentContext = {
  ids: IdAllocator;
  now: number;
  orderName: string;
  lines: readonly LineItemRecord[];
  units: readonly CentsPair[];
  currency: PresentmentCurrency;
  destination: MailingAddressRecord;
};

export function buildFulfillment(ctx: FulfillmentContext, plan: ShipmentPlan, index: number): FulfillmentRecord {
  const { id, legacyResourceId } = ctx.ids.take("Fulfillment");
  const fulfillmentLines = fulfillmentLineItems(ctx.ids, plan, ctx.lines, ctx.units, ctx.currency);
  const events = eventRecords(ctx.ids, plan, ctx.now, ctx.destination);
  const status = displayStatus(plan, events);
  const inTransit = plan.tracking !== null && plan.inTransitAt <= ctx.now;
  const tracking = plan.tracking;
  return {
    __typename: "Fulfillment",
    id,
    legacyResourceId,
    name: `${ctx.orderName}-F${index + 1}`,
    status: "SUCCESS",
    displayStatus: status,
    requiresShipping: true,
    totalQuantity: plan.quantities.reduce((a, b) => a + b, 0),
    createdAt: iso(plan.createdAt),
    updatedAt: iso(latest(plan.createdAt, ...events.map((e) => Date.parse(e.happenedAt)))),
    inTransitAt: inTransit ? iso(plan.inTransitAt) : null,
    deliveredAt: status === "DELIVERED" ? isoOrNull(plan.deliveredAt) : null,
    estimatedDeliveryAt: inTransit ? isoOrNull(plan.estimatedAt) : null,
    trackingInfo: tracking
      ? [{ __typename: "FulfillmentTrackingInfo", company: tracking.carrier.company, number: tracking.number, url: tracking.carrier.trackingUrl(tracking.number, ctx.destination.zip) }]
      : [],
    fulfillmentLineItems: fulfillmentLines,
    events,
  };
}
