import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGE_DEFINITIONS, MESSAGE_TYPES } from "~/messages/catalog";
import { defaultMessageSettings, effectiveMessageSettings, parseMessageSettingsForm, serializeMessageSettings } from "~/messages/message-settings";

describe("effectiveMessageSettings", () => {
  it("gives the catalogue's defaults when nothing is stored", () => {
    for (const stored of [null, "", "{}"]) {
      const settings = effectiveMessageSettings(stored);
      for (const type of MESSAGE_TYPES) {
        expect(settings[type]).toEqual({ enabled: MESSAGE_DEFINITIONS[type].enabledByDefault, delayMinutes: MESSAGE_DEFINITIONS[type].defaultDelayMinutes });
      }
    }
    expect(effectiveMessageSettings(null).thank_you.enabled).toBe(false);
    expect(effectiveMessageSettings(null).review_request.delayMinutes).toBe(7 * 24 * 60);
  });

  it("takes each valid stored field and defaults the rest", () => {
    const settings = effectiveMessageSettings(
      JSON.stringify({
        thank_you: { enabled: true, delayMinutes: 30 },
        review_request: { enabled: false, delayMinutes: -5 },
        delivery_check_in: { enabled: "yes", delayMinutes: 60 },
        dispatch_note: { delayMinutes: 1.5 },
        unknown_type: { enabled: false, delayMinutes: 1 },
      }),
    );
    expect(settings.thank_you).toEqual({ enabled: true, delayMinutes: 30 });
    expect(settings.review_request).toEqual({ enabled: false, delayMinutes: 7 * 24 * 60 });
    expect(settings.delivery_check_in).toEqual({ enabled: true, delayMinutes: 60 });
    expect(settings.dispatch_note).toEqual({ enabled: true, delayMinutes: 0 });
    expect(Object.keys(settings).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it("never throws on stored data", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (stored) => {
        const settings = effectiveMessageSettings(stored);
        for (const type of MESSAGE_TYPES) {
          expect(typeof settings[type].enabled).toBe("boolean");
          expect(Number.isInteger(settings[type].delayMinutes)).toBe(true);
        }
      }),
    );
    expect(effectiveMessageSettings("{not json").order_confirmation.enabled).toBe(true);
    expect(effectiveMessageSettings('{"__proto__": {"enabled": false}}').order_confirmation.enabled).toBe(true);
  });

  it("reads back what it stores", () => {
    const changed = defaultMessageSettings();
    changed.review_request = { enabled: false, delayMinutes: 4320 };
    expect(effectiveMessageSettings(serializeMessageSettings(changed))).toEqual(changed);
  });
});

function formFor(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const entries: Record<string, string | undefined> = {};
  for (const type of MESSAGE_TYPES) {
    entries[`${type}.enabled`] = "on";
    entries[`${type}.delayMinutes`] = "0";
  }
  Object.assign(entries, overrides);
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe("parseMessageSettingsForm", () => {
  it("reads ticked boxes and delays", () => {
    const result = parseMessageSettingsForm(formFor({ "thank_you.enabled": undefined, "review_request.delayMinutes": " 10080 " }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.thank_you).toEqual({ enabled: false, delayMinutes: 0 });
    expect(result.value.review_request).toEqual({ enabled: true, delayMinutes: 10080 });
    expect(result.value.order_confirmation).toEqual({ enabled: true, delayMinutes: 0 });
  });

  it("accepts 0 and 43,200 minutes, nothing beyond", () => {
    expect(parseMessageSettingsForm(formFor({ "dispatch_note.delayMinutes": "43200" })).ok).toBe(true);
    expect(parseMessageSettingsForm(formFor({ "dispatch_note.delayMinutes": "43201" }))).toEqual({
      ok: false,
      errors: { "dispatch_note.delayMinutes": "The delay can be at most 43,200 minutes (30 days)." },
    });
  });

  it("explains each wrong field by its name", () => {
    const result = parseMessageSettingsForm(
      formFor({ "review_request.delayMinutes": "1.5", "thank_you.delayMinutes": "", "loyalty_reward.delayMinutes": "-1", "dispatch_note.enabled": "true" }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        "review_request.delayMinutes": "Enter the delay as a whole number of minutes, such as 0, 60 or 1440.",
        "thank_you.delayMinutes": "Enter a delay in minutes (0 sends it right away).",
        "loyalty_reward.delayMinutes": "Enter the delay as a whole number of minutes, such as 0, 60 or 1440.",
        "dispatch_note.enabled": "Tick the box to send this message, or leave it empty to turn it off.",
      },
    });
  });

  it("asks for a delay missing from the form", () => {
    const result = parseMessageSettingsForm(formFor({ "delay_apology.delayMinutes": undefined }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(["delay_apology.delayMinutes"]);
  });
});
