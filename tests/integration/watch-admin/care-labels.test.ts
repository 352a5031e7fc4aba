// The order watch's words on the page: the timeline's new kinds (confirmations, calls, flags
// dealt with, apologies, the shopper's answers) and the call script in each language.
import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "~/messages/locales";
import { parseTimelineDetail, timelineLabel } from "~/orders/order-timeline";
import { CALL_SCRIPTS, callScript, describeItems } from "~/watch/call-script";

const label = (kind: string, detail: unknown, timeZone = "Europe/Paris") => timelineLabel(kind, parseTimelineDetail(JSON.stringify(detail)), timeZone).replace(/\u202f/g, " ");

describe("timeline labels of the order watch", () => {
  it("say who confirmed, and how a call went", () => {
    expect(label("confirmed", { via: "phone", outcome: "confirmed" })).toBe("Confirmed by phone");
    expect(label("confirmed", { via: "shopper_link", outcome: "confirmed" })).toBe("Confirmed by the customer");
    expect(label("confirmed", { via: "phone", outcome: "address_corrected", note: "3 rue Neuve, Lyon" })).toBe("Confirmed by phone, with a new address: “3 rue Neuve, Lyon”");
    expect(label("confirmed", {})).toBe("Confirmed");
    expect(label("confirmation_call", { outcome: "no_answer", retryAt: "2026-11-20T09:00:00.000Z" })).toBe("Confirmation call: no answer, call again Nov 20, 2026, 10:00 AM GMT+1");
    expect(label("cancellation_requested", { via: "phone", note: "Ordered twice" })).toBe("The customer asked to cancel (by phone): “Ordered twice”");
  });

  it("say what was done about a flag", () => {
    expect(label("flag_handled", { flag: "late_dispatch", note: "Parcel left today" })).toBe("Late dispatch marked handled: “Parcel left today”");
    expect(label("flag_handled", { flag: "something_new" })).toBe("Something new marked handled");
    expect(label("flag_snoozed", { flag: "no_tracking", until: "2026-11-21T08:00:00.000Z" })).toBe("No tracking number snoozed until Nov 21, 2026, 9:00 AM GMT+1");
    expect(label("apology_sent", { flag: "late_delivery", expectedDelivery: "2026-11-25T22:59:00.000Z", gift: "a candle", discountCode: "SORRY10" })).toBe(
      "Delay apology sent, delivery now expected Nov 25, 2026 (gift: “a candle”, code SORRY10)",
    );
    expect(label("apology_sent", { flag: "late_delivery" })).toBe("Delay apology sent");
  });

  it("give the shopper's answers in their words", () => {
    expect(label("address_correction_requested", { address1: "3 rue Neuve", city: "Lyon", zip: "69002", country: "France", phone: "+33 6 12 34 56 78", note: "Ring twice" })).toBe(
      "The customer asked to correct the address: 3 rue Neuve, 69002 Lyon, France (phone +33 6 12 34 56 78): “Ring twice”",
    );
    expect(label("checked_in", { answer: "arrived_well" })).toBe("Checked in: the customer says it arrived well");
    expect(label("checked_in", { answer: "problem" })).toBe("Checked in: the customer says something is wrong");
    expect(label("problem_reported", { text: "The lid\nis broken" })).toBe("The customer reported a problem: “The lid is broken”");
    expect(label("problem_reported", { text: "x".repeat(400) })).toMatch(/^The customer reported a problem: “x{299}…”$/);
  });
});

describe("the call script", () => {
  const facts = { shopName: "Maison Lumen", firstName: "Léa", orderName: "#1042", items: "2 × Bougie", total: "€89.90", address: "3 rue Neuve, 69002 Lyon" };

  it("is written for every shopper language, with every fact in it", () => {
    for (const locale of SHOPPER_LOCALES) {
      const { lines } = callScript(locale, facts);
      const text = lines.join(" ");
      for (const fact of [facts.shopName, facts.orderName, facts.items, facts.total, facts.address]) expect(text, locale).toContain(fact);
      expect(text, locale).not.toMatch(/[{}]/);
      expect(Object.keys(CALL_SCRIPTS[locale]).sort(), locale).toEqual(["address", "close", "confirm", "greeting", "greetingByName", "order"]);
    }
  });

  it("greets by name where the language allows, and leaves out the address when nothing is shipped", () => {
    expect(callScript("en", facts).lines[0]).toBe("Hello Léa, this is Maison Lumen.");
    expect(callScript("de", { ...facts, firstName: null }).lines[0]).toBe("Guten Tag, hier spricht Maison Lumen.");
    expect(callScript("fr", { ...facts, address: null }).lines).toHaveLength(4);
    expect(callScript("pt", facts).locale).toBe("en");
  });

  it("lists the items, and how many more past five", () => {
    const lines = Array.from({ length: 7 }, (_, index) => ({ name: `Item ${index + 1}`, quantity: index + 1 }));
    expect(describeItems(lines.slice(0, 2))).toBe("1 × Item 1, 2 × Item 2");
    expect(describeItems(lines)).toBe("1 × Item 1, 2 × Item 2, 3 × Item 3, 4 × Item 4, 5 × Item 5 (+2)");
  });
});
