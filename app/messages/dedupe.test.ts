import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGE_TYPES } from "~/messages/catalog";
import { messageDedupeKey, normalizeEmail } from "~/messages/dedupe";

describe("messageDedupeKey", () => {
  it("names the order, the type and the reason", () => {
    expect(messageDedupeKey({ type: "order_confirmation", orderId: "1001" })).toBe("order:1001:order_confirmation");
    expect(messageDedupeKey({ type: "dispatch_note", orderId: "1001", reason: "5550" })).toBe("order:1001:dispatch_note:5550");
    expect(messageDedupeKey({ type: "loyalty_reward", orderId: null, reason: "customer 7 gold" })).toBe("shop:loyalty_reward:customer 7 gold");
  });

  it("is the same for a numeric id and its gid, and for reasons written differently", () => {
    expect(messageDedupeKey({ type: "delay_apology", orderId: "gid://shopify/Order/1001", reason: " Late  Flag " })).toBe(
      messageDedupeKey({ type: "delay_apology", orderId: "1001", reason: "late flag" }),
    );
    expect(messageDedupeKey({ type: "thank_you", orderId: "1001", reason: "" })).toBe(messageDedupeKey({ type: "thank_you", orderId: "1001" }));
  });

  it("tells different messages apart", () => {
    const keys = new Set([
      messageDedupeKey({ type: "dispatch_note", orderId: "1001", reason: "1" }),
      messageDedupeKey({ type: "dispatch_note", orderId: "1001", reason: "2" }),
      messageDedupeKey({ type: "dispatch_note", orderId: "1002", reason: "1" }),
      messageDedupeKey({ type: "delay_apology", orderId: "1001", reason: "1" }),
    ]);
    expect(keys.size).toBe(4);
  });

  it("differs whenever the order or the type differs (any ids)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.constantFrom(...MESSAGE_TYPES), fc.constantFrom(...MESSAGE_TYPES), fc.string(), (a, b, typeA, typeB, reason) => {
        const keyA = messageDedupeKey({ type: typeA, orderId: String(a), reason });
        const keyB = messageDedupeKey({ type: typeB, orderId: String(b), reason });
        expect(keyA === keyB).toBe(a === b && typeA === typeB);
      }),
    );
  });
});

describe("normalizeEmail", () => {
  it("trim and lower-case the address", () => {
    expect(normalizeEmail("  Ann.Lee@Example.COM ")).toBe("ann.lee@example.com");
    expect(normalizeEmail("Ann.Lee@Example.COM\n")).toBe("ann.lee@example.com");
    expect(normalizeEmail("ann.lee@example.com")).toBe(normalizeEmail(" ANN.LEE@example.com"));
  });
});
