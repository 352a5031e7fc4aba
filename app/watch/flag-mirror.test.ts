import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLOW_TRIGGER_HANDLES,
  WATCH_METAFIELD,
  desiredFlagTags,
  flowPayloads,
  orderReferenceId,
  tagDiff,
  watchMetafieldChanged,
  watchMetafieldContent,
  watchMetafieldValue,
} from "./flag-mirror";
import { FLAG_KINDS } from "./watch-rules";

const at = (iso: string) => new Date(iso);

describe("desiredFlagTags", () => {
  it("tags each open kind with the prefix, dashes for underscores, in the list order", () => {
    expect(desiredFlagTags("aftercare:", ["no_tracking", "late_dispatch", "unconfirmed"])).toEqual([
      "aftercare:unconfirmed",
      "aftercare:late-dispatch",
      "aftercare:no-tracking",
    ]);
  });

  it("ignores unknown kinds and duplicates; no open flags, no tags", () => {
    expect(desiredFlagTags("ac-", ["late_delivery", "late_delivery", "bogus"])).toEqual(["ac-late-delivery"]);
    expect(desiredFlagTags("aftercare:", [])).toEqual([]);
  });
});

describe("tagDiff", () => {
  it("adds what is missing and removes what is no longer wanted", () => {
    expect(tagDiff(["aftercare:unconfirmed", "aftercare:late-dispatch"], ["aftercare:late-dispatch", "aftercare:no-tracking"])).toEqual({
      add: ["aftercare:no-tracking"],
      remove: ["aftercare:unconfirmed"],
    });
  });

  it("compares without case, as Shopify does, and keeps no duplicates", () => {
    expect(tagDiff(["Aftercare:Late-Dispatch"], ["aftercare:late-dispatch"])).toEqual({ add: [], remove: [] });
    expect(tagDiff([], ["a:x", "A:X", "a:y"])).toEqual({ add: ["a:x", "a:y"], remove: [] });
  });

  it("a prefix change swaps every tag", () => {
    expect(tagDiff(["old:late-dispatch"], ["new:late-dispatch"])).toEqual({ add: ["new:late-dispatch"], remove: ["old:late-dispatch"] });
  });

  it("applying the diff gives the desired set, and the diff of equal sets is empty", () => {
    const tag = fc.constantFrom("p:a", "p:b", "P:B", "p:c", "q:a", "p:d");
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 6 }), fc.array(tag, { maxLength: 6 }), (current, desired) => {
        const { add, remove } = tagDiff(current, desired);
        const lower = (tags: string[]) => new Set(tags.map((t) => t.toLowerCase()));
        const removed = lower(remove);
        const after = new Set([...[...lower(current)].filter((t) => !removed.has(t)), ...lower(add)]);
        expect([...after].sort()).toEqual([...lower(desired)].sort());
        expect(add.filter((t) => lower(current).has(t.toLowerCase()))).toEqual([]);
        expect(tagDiff(desired, desired)).toEqual({ add: [], remove: [] });
      }),
    );
  });
});

describe("the watch metafield", () => {
  const flags = [
    { kind: "late_dispatch", reason: "Not dispatched 1 business day after it was placed", dueAt: at("2026-11-19T16:00:00Z"), since: at("2026-11-19T16:00:00Z"), status: "open" },
    { kind: "unconfirmed", reason: "Not confirmed 60 business minutes after it was placed", dueAt: at("2026-11-18T11:00:00Z"), since: at("2026-11-18T11:00:00Z"), status: "snoozed" },
  ];

  it("is the app-owned order metafield $app:aftercare.watch, JSON", () => {
    expect(WATCH_METAFIELD).toEqual({ namespace: "$app:aftercare", key: "watch", type: "json" });
  });

  it("holds the flags in list order with ISO dates, the confirmation and when it was evaluated", () => {
    expect(watchMetafieldValue({ flags, confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") })).toEqual({
      v: 1,
      flags: [
        { kind: "unconfirmed", reason: flags[1]?.reason, dueAt: "2026-11-18T11:00:00.000Z", since: "2026-11-18T11:00:00.000Z", status: "snoozed" },
        { kind: "late_dispatch", reason: flags[0]?.reason, dueAt: "2026-11-19T16:00:00.000Z", since: "2026-11-19T16:00:00.000Z", status: "open" },
      ],
      confirmedAt: null,
      evaluatedAt: "2026-11-20T10:00:00.000Z",
    });
  });

  it("changes only when what it says changes, not when it was evaluated again", () => {
    const before = watchMetafieldValue({ flags, confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") });
    const later = watchMetafieldValue({ flags: [...flags].reverse(), confirmedAt: null, evaluatedAt: at("2026-11-20T11:00:00Z") });
    expect(watchMetafieldChanged(before, later)).toBe(false);
    expect(watchMetafieldChanged(JSON.parse(JSON.stringify(before)), later)).toBe(false);
    const handled = watchMetafieldValue({ flags: [{ ...flags[0]!, status: "handled" }, flags[1]!], confirmedAt: null, evaluatedAt: at("2026-11-20T11:00:00Z") });
    expect(watchMetafieldChanged(before, handled)).toBe(true);
    const confirmed = watchMetafieldValue({ flags, confirmedAt: at("2026-11-20T10:30:00Z"), evaluatedAt: at("2026-11-20T11:00:00Z") });
    expect(watchMetafieldChanged(before, confirmed)).toBe(true);
    expect(watchMetafieldChanged(before, watchMetafieldValue({ flags: [], confirmedAt: null, evaluatedAt: at("2026-11-20T11:00:00Z") }))).toBe(true);
  });

  it("is not created for an order with nothing to say, and replaces a value of another shape", () => {
    const empty = watchMetafieldValue({ flags: [], confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") });
    expect(watchMetafieldChanged(null, empty)).toBe(false);
    expect(watchMetafieldChanged(null, watchMetafieldValue({ flags, confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") }))).toBe(true);
    expect(watchMetafieldContent({ v: 99, flags: [] })).toBeNull();
    expect(watchMetafieldContent("nonsense")).toBeNull();
  });
});

describe("flowPayloads", () => {
  const gid = "gid://shopify/Order/5550001234";

  it("sends one 'order flagged' per raised flag with the order reference, kind, label, reason and due time", () => {
    const calls = flowPayloads(
      {
        orderId: "5550001234",
        raised: [
          { kind: "late_dispatch", reason: "Not dispatched in time", dueAt: "2026-11-19T16:00:00.000Z" },
          { kind: "no_tracking", reason: "No tracking number", dueAt: at("2026-11-19T17:00:00Z") },
        ],
        cleared: [],
        confirmed: false,
      },
      gid,
    );
    expect(calls).toEqual([
      {
        handle: FLOW_TRIGGER_HANDLES.orderFlagged,
        payload: { order_id: 5550001234, "Flag kind": "late_dispatch", "Flag label": "Late dispatch", Reason: "Not dispatched in time", "Due at": "2026-11-19T16:00:00.000Z" },
      },
      {
        handle: FLOW_TRIGGER_HANDLES.orderFlagged,
        payload: { order_id: 5550001234, "Flag kind": "no_tracking", "Flag label": "No tracking number", Reason: "No tracking number", "Due at": "2026-11-19T17:00:00.000Z" },
      },
    ]);
  });

  it("sends one 'flag cleared' per cleared kind and one 'order confirmed'", () => {
    expect(flowPayloads({ orderId: "5550001234", raised: [], cleared: ["unconfirmed"], confirmed: true }, gid)).toEqual([
      { handle: FLOW_TRIGGER_HANDLES.flagCleared, payload: { order_id: 5550001234, "Flag kind": "unconfirmed", "Flag label": "Not confirmed" } },
      { handle: FLOW_TRIGGER_HANDLES.orderConfirmed, payload: { order_id: 5550001234 } },
    ]);
  });

  it("sends nothing for no change, and every kind has a label", () => {
    expect(flowPayloads({ orderId: "1", raised: [], cleared: [], confirmed: false }, "gid://shopify/Order/1")).toEqual([]);
    const labels = flowPayloads({ orderId: "1", raised: [], cleared: [...FLAG_KINDS], confirmed: false }, "gid://shopify/Order/1").map((call) => call.payload["Flag label"]);
    expect(labels.every((label, index) => typeof label === "string" && label !== FLAG_KINDS[index])).toBe(true);
  });

  it("refuses what is not an order GID", () => {
    expect(orderReferenceId("gid://shopify/Order/42")).toBe(42);
    expect(() => orderReferenceId("gid://shopify/Customer/42")).toThrow(/Not an order GID/);
  });
});
