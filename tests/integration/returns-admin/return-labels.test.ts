// The admin's words for returns (app/returns/return-labels.ts) and the label upload checks of
// the return page: every status and reason has a label, the buttons follow the state machine,
// stored decisions and timeline details read back in plain English, and a label file's type is
// read from its bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY, RETURN_REASONS, decideReturn } from "~/returns/return-policy";
import { RETURN_STATUSES, allowedEvents, isFinal } from "~/returns/return-state";
import {
  RETURN_QUEUE_VIEWS,
  decisionSummary,
  hoursText,
  percentText,
  reasonName,
  returnActions,
  returnAge,
  returnStatusBadge,
  returnTimelineFacts,
  returnTimelineName,
} from "~/returns/return-labels";
import { MAX_LABEL_BYTES, labelFileProblem, labelFilename, sniffLabelType } from "~/routes/app.returns.$returnId/label-upload";

describe("statuses and reasons", () => {
  it("give every status its own label, and humanise one the app does not know", () => {
    const labels = RETURN_STATUSES.map((status) => returnStatusBadge(status).label);
    expect(new Set(labels).size).toBe(RETURN_STATUSES.length);
    expect(returnStatusBadge("requested")).toEqual({ label: "Needs approval", tone: "attention", progress: "incomplete" });
    expect(returnStatusBadge("awaiting_pickup")).toEqual({ label: "Awaiting pickup" });
  });

  it("name every reason, and put every status in exactly one tab besides All", () => {
    for (const reason of RETURN_REASONS) expect(reasonName(reason)).not.toMatch(/_/);
    const tabbed = RETURN_QUEUE_VIEWS.flatMap((view) => [...view.statuses]);
    expect([...tabbed].sort()).toEqual([...RETURN_STATUSES].sort());
  });
});

describe("the buttons of a return", () => {
  it("follow the state machine: nothing on a closed return, cancel on every open one", () => {
    for (const status of RETURN_STATUSES) {
      const actions = returnActions(status);
      if (isFinal(status)) expect(actions).toEqual([]);
      else expect(actions.at(-1)).toBe("cancel");
      // A button is only offered for an event the state machine accepts.
      const events = allowedEvents(status);
      const needs = { approve: "approve", decline: "decline", label: "attach_label", receive: "mark_received", refund: "refund", exchange: "exchange", store_credit: "issue_store_credit", cancel: "cancel" } as const;
      for (const action of actions) expect(events).toContain(needs[action]);
    }
    expect(returnActions("requested")).toEqual(["approve", "decline", "cancel"]);
    expect(returnActions("approved")).toEqual(["label", "receive", "cancel"]);
    expect(returnActions("received")).toEqual(["refund", "exchange", "store_credit", "cancel"]);
    expect(returnActions("made_up")).toEqual([]);
  });
});

describe("the stored decision", () => {
  it("reads a shop-fault decision back: automatic, prepaid, a 10% code, and what the shopper was told", () => {
    const decision = decideReturn({ reason: "damaged_in_transit", lines: [{ lineItemId: "1", quantity: 1 }] }, DEFAULT_RETURN_POLICY);
    const summary = decisionSummary(decision, "shop", "damaged_in_transit");
    expect(summary).toEqual({
      approval: "Approved automatically by your policy",
      postage: "You pay: prepaid return label",
      goodwill: "10% discount code",
      shopFault: true,
      explanation: decision.explanation,
    });
  });

  it("says what it cannot read instead of guessing", () => {
    expect(decisionSummary(null, "unknown", "changed_mind")).toEqual({ approval: "Not recorded", postage: "Not recorded", goodwill: "No goodwill", shopFault: false, explanation: null });
    expect(decisionSummary("not an object", "customer", "wrong_item")).toMatchObject({ postage: "The shopper pays the postage", shopFault: true });
  });
});

describe("the timeline", () => {
  it("names each step and lists its facts in words, leaving unknown keys out", () => {
    expect(returnTimelineName("return_label_sent")).toBe("Return label sent");
    expect(returnTimelineName("return_reopened")).toBe("Reopened in Shopify");
    expect(returnTimelineFacts({ returnNumber: "R1042-1", carrier: "Colissimo", trackingNumber: "6A123", labelUrl: "https://x", goodwill: "discount_code:15", origin: "shopify" })).toEqual([
      "Carrier: Colissimo",
      "Tracking number: 6A123",
      "Goodwill: 15% discount code",
      "Done in: the Shopify admin",
    ]);
  });
});

describe("times and shares", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  it("prints how long a return has waited", () => {
    expect(returnAge(new Date("2026-11-20T11:25:00Z"), now)).toBe("35 min");
    expect(returnAge(new Date("2026-11-20T07:00:00Z"), now)).toBe("5 h");
    expect(returnAge(new Date("2026-11-17T12:00:00Z"), now)).toBe("3 days");
  });

  it("prints a median time to refund and a share", () => {
    expect(hoursText(null)).toBe("No refunds yet");
    expect(hoursText(1)).toBe("1 hour");
    expect(hoursText(36.4)).toBe("36 hours");
    expect(hoursText(60)).toBe("2.5 days");
    expect(percentText(0.25)).toBe("25%");
    fc.assert(fc.property(fc.double({ noNaN: true }), (share) => /^\d{1,3}%$/.test(percentText(share))));
  });
});

describe("a label file", () => {
  const bytes = (text: string, extra: number[] = []) => new Uint8Array([...new TextEncoder().encode(text), ...extra]);

  it("is recognised by its first bytes, whatever it is called", () => {
    expect(sniffLabelType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffLabelType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffLabelType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffLabelType(bytes("GIF89a"))).toBe("image/gif");
    expect(sniffLabelType(bytes("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
    expect(sniffLabelType(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffLabelType(new Uint8Array())).toBeNull();
  });

  it("is at most 10 MB, not empty, and a PDF or an image", () => {
    expect(labelFileProblem({ size: MAX_LABEL_BYTES, type: "application/pdf" })).toBeNull();
    expect(labelFileProblem({ size: MAX_LABEL_BYTES + 1, type: "application/pdf" })).toContain("at most 10 MB");
    expect(labelFileProblem({ size: 0, type: "" })).toContain("empty");
    expect(labelFileProblem({ size: 10, type: "text/html" })).toContain("PDF or an image");
  });

  it("keeps a safe name", () => {
    expect(labelFilename("C:\\labels\\colissimo \"R1042\".pdf", "application/pdf")).toBe("colissimo R1042.pdf");
    expect(labelFilename("../../.env", "image/png")).toBe("return-label.png");
    expect(labelFilename("", "image/jpeg")).toBe("return-label.jpg");
  });
});
