import { describe, expect, it } from "vitest";
import { decideSend, type SendFacts } from "~/messages/consent";

const transactional: SendFacts = { category: "transactional", enabled: true, marketingState: null, suppressed: false, email: "ann@example.com" };
const marketing: SendFacts = { ...transactional, category: "marketing", marketingState: "SUBSCRIBED" };

describe("decideSend", () => {
  it("sends transactional messages whatever the marketing consent", () => {
    for (const marketingState of [null, "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING", "REDACTED", "INVALID"]) {
      expect(decideSend({ ...transactional, marketingState })).toEqual({ send: true });
    }
    expect(decideSend({ ...transactional, suppressed: true })).toEqual({ send: true });
  });

  it("sends marketing only to subscribed shoppers who did not unsubscribe here", () => {
    expect(decideSend(marketing)).toEqual({ send: true });
    expect(decideSend({ ...marketing, marketingState: "subscribed" })).toEqual({ send: true });
    expect(decideSend({ ...marketing, suppressed: true })).toMatchObject({ send: false, reason: "unsubscribed" });
    expect(decideSend({ ...marketing, marketingState: "UNSUBSCRIBED" })).toMatchObject({ send: false, reason: "unsubscribed" });
    for (const marketingState of [null, "NOT_SUBSCRIBED", "PENDING", "REDACTED", "INVALID", "SOMETHING_NEW"]) {
      expect(decideSend({ ...marketing, marketingState })).toMatchObject({ send: false, reason: "consent" });
    }
  });

  it("sends nothing the merchant turned off, or without an address", () => {
    expect(decideSend({ ...transactional, enabled: false })).toMatchObject({ send: false, reason: "disabled" });
    expect(decideSend({ ...marketing, enabled: false })).toMatchObject({ send: false, reason: "disabled" });
    expect(decideSend({ ...transactional, email: null })).toMatchObject({ send: false, reason: "no_email" });
    expect(decideSend({ ...marketing, email: "  " })).toMatchObject({ send: false, reason: "no_email" });
  });

  it("explains every refusal in words", () => {
    const refusals = [
      decideSend({ ...transactional, enabled: false }),
      decideSend({ ...transactional, email: null }),
      decideSend({ ...marketing, suppressed: true }),
      decideSend({ ...marketing, marketingState: "PENDING" }),
      decideSend({ ...marketing, marketingState: null }),
    ];
    for (const decision of refusals) {
      expect(decision.send).toBe(false);
      if (!decision.send) expect(decision.explanation).toMatch(/^[A-Z].{10,}\.$/);
    }
  });
});
