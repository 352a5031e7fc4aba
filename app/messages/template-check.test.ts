import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedPlaceholders } from "~/messages/catalog";
import type { MessageCopy } from "~/messages/copy/types";
import { checkMessageCopy, findMalformedPlaceholders, findUnknownPlaceholders } from "~/messages/template-check";

const good: MessageCopy = {
  subject: "Your order {{orderName}} is on its way",
  preheader: "Follow your parcel",
  body: "Hello {{ customerName }},\n\nTracking number: {{trackingNumber}}",
  action: "Track my parcel",
};

describe("findUnknownPlaceholders", () => {
  it("lists names the message does not know, once each, in order", () => {
    expect(findUnknownPlaceholders("{{trackingNo}} {{orderName}} {{ shop }} {{trackingNo}}", allowedPlaceholders("dispatch_note"))).toEqual(["trackingNo", "shop"]);
    expect(findUnknownPlaceholders("{{trackingNumber}}", allowedPlaceholders("order_confirmation"))).toEqual(["trackingNumber"]);
    expect(findUnknownPlaceholders("{{trackingNumber}} {{ orderName }}", allowedPlaceholders("dispatch_note"))).toEqual([]);
  });
});

describe("findMalformedPlaceholders", () => {
  it("finds braces that make no placeholder", () => {
    expect(findMalformedPlaceholders("Hello {{customerName, welcome")).toEqual([{ text: "{{customerName, welcome", problem: "unclosed" }]);
    expect(findMalformedPlaceholders("Hello {{customerName {{orderName}}")).toEqual([{ text: "{{customerName ", problem: "unclosed" }]);
    expect(findMalformedPlaceholders("Hello customerName}}")).toEqual([{ text: "Hello customerName}}", problem: "unopened" }]);
    expect(findMalformedPlaceholders("Hello {{ }}")).toEqual([{ text: "{{ }}", problem: "empty" }]);
    expect(findMalformedPlaceholders("Hello {{order name}} and {{{orderName}}}")).toEqual([
      { text: "{{order name}}", problem: "invalid_name" },
      { text: "{{{orderName}}", problem: "invalid_name" },
    ]);
  });

  it("accepts well-formed placeholders and plain braces", () => {
    expect(findMalformedPlaceholders("{{orderName}} {{ shopName }} {single} }{")).toEqual([]);
  });

  it("finds nothing wrong in any text made of words and well-formed placeholders", () => {
    const word = fc.stringMatching(/^[^{}]*$/);
    const placeholder = fc.tuple(fc.stringMatching(/^ {0,2}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/), fc.stringMatching(/^ {0,2}$/)).map(([a, name, b]) => `{{${a}${name}${b}}}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(word, placeholder)), (parts) => {
        expect(findMalformedPlaceholders(parts.join(" "))).toEqual([]);
      }),
    );
  });
});

describe("checkMessageCopy", () => {
  it("accepts a correct text", () => {
    expect(checkMessageCopy("dispatch_note", good)).toEqual([]);
  });

  it("names the unknown placeholder and lists the ones that can be used", () => {
    expect(checkMessageCopy("dispatch_note", { ...good, subject: "Parcel {{trackingNo}}" })).toEqual([
      {
        field: "subject",
        message:
          "Unknown placeholder {{trackingNo}} in the subject. You can use: {{shopName}}, {{customerName}}, {{orderName}}, {{orderDate}}, {{orderTotal}}, {{trackingNumber}}, {{trackingUrl}}, {{carrier}}, {{expectedDelivery}}.",
      },
    ]);
  });

  it("requires a subject and a message", () => {
    expect(checkMessageCopy("dispatch_note", { ...good, subject: "  ", body: "" })).toEqual([
      { field: "subject", message: "The subject cannot be empty." },
      { field: "body", message: "The message cannot be empty." },
    ]);
  });

  it("lets button labels and the preview text be empty", () => {
    expect(checkMessageCopy("dispatch_note", { subject: "Sent", preheader: "", body: "Sent." })).toEqual([]);
  });

  it("limits lengths", () => {
    expect(checkMessageCopy("dispatch_note", { ...good, subject: "x".repeat(200) })).toEqual([]);
    expect(checkMessageCopy("dispatch_note", { ...good, subject: "x".repeat(201), body: "y".repeat(10_001) })).toEqual([
      { field: "subject", message: "The subject is 201 characters long; it can be at most 200." },
      { field: "body", message: "The message is 10,001 characters long; it can be at most 10,000." },
    ]);
  });

  it("keeps one-line fields on one line", () => {
    expect(checkMessageCopy("dispatch_note", { ...good, subject: "Your order\nBcc: someone" })).toEqual([{ field: "subject", message: "The subject must be a single line." }]);
  });

  it("explains malformed placeholders in the field they are in", () => {
    expect(checkMessageCopy("dispatch_note", { ...good, body: "Hello {{customerName,\n\nBye", action: "Track {{ }}" })).toEqual([
      { field: "body", message: '"{{customerName, Bye" in the message is missing its closing }}. Placeholders are written like {{orderName}}.' },
      { field: "action", message: "The button label has an empty placeholder {{ }}. Put a name between the braces, like {{orderName}}, or remove it." },
    ]);
  });
});
