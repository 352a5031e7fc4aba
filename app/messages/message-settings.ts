// Which messages a shop sends automatically and how long after their trigger: read from the
// JSON kept in ShopSettings.messageTypes (defaults from the catalogue fill any gap), and
// validated from the Settings form. Pure; never throws on stored data.
import { MESSAGE_DEFINITIONS, MESSAGE_TYPES, type MessageType } from "~/messages/catalog";

export type MessageTypeSettings = { enabled: boolean; delayMinutes: number };

/** 30 days: the longest a message may wait after its trigger. */
export const MAX_DELAY_MINUTES = 30 * 24 * 60;

function isDelay(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DELAY_MINUTES;
}

export function defaultMessageSettings(): Record<MessageType, MessageTypeSettings> {
  return Object.fromEntries(
    MESSAGE_TYPES.map((type) => [type, { enabled: MESSAGE_DEFINITIONS[type].enabledByDefault, delayMinutes: MESSAGE_DEFINITIONS[type].defaultDelayMinutes }]),
  ) as Record<MessageType, MessageTypeSettings>;
}

function parseStored(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The settings in force for every type: each stored field that is valid, the catalogue's default
 * for anything missing, unreadable or out of range (one bad field does not reset its neighbour).
 */
export function effectiveMessageSettings(json: string | null): Record<MessageType, MessageTypeSettings> {
  const stored = parseStored(json);
  const settings = defaultMessageSettings();
  for (const type of MESSAGE_TYPES) {
    const entry = Object.prototype.hasOwnProperty.call(stored, type) ? stored[type] : undefined;
    if (typeof entry !== "object" || entry === null) continue;
    const { enabled, delayMinutes } = entry as Record<string, unknown>;
    if (typeof enabled === "boolean") settings[type].enabled = enabled;
    if (isDelay(delayMinutes)) settings[type].delayMinutes = delayMinutes;
  }
  return settings;
}

/** The JSON stored in ShopSettings.messageTypes. */
export function serializeMessageSettings(settings: Record<MessageType, MessageTypeSettings>): string {
  return JSON.stringify(Object.fromEntries(MESSAGE_TYPES.map((type) => [type, { enabled: settings[type].enabled, delayMinutes: settings[type].delayMinutes }])));
}

export type MessageSettingsFormResult =
  | { ok: true; value: Record<MessageType, MessageTypeSettings> }
  | { ok: false; errors: Record<string, string> };

/**
 * The Settings form: `<type>.enabled` is "on" when ticked (absent otherwise, as browsers send
 * checkboxes), `<type>.delayMinutes` a whole number of minutes from 0 to 43,200. Errors are
 * keyed by field name.
 */
export function parseMessageSettingsForm(entries: Record<string, string>): MessageSettingsFormResult {
  const value = defaultMessageSettings();
  const errors: Record<string, string> = {};
  for (const type of MESSAGE_TYPES) {
    const enabledField = `${type}.enabled`;
    const delayField = `${type}.delayMinutes`;
    const enabled = Object.prototype.hasOwnProperty.call(entries, enabledField) ? entries[enabledField] : undefined;
    if (enabled !== undefined && enabled !== "on") errors[enabledField] = "Tick the box to send this message, or leave it empty to turn it off.";
    value[type].enabled = enabled === "on";

    const raw = (Object.prototype.hasOwnProperty.call(entries, delayField) ? entries[delayField] : undefined)?.trim() ?? "";
    if (raw === "") {
      errors[delayField] = "Enter a delay in minutes (0 sends it right away).";
    } else if (!/^\d+$/.test(raw)) {
      errors[delayField] = "Enter the delay as a whole number of minutes, such as 0, 60 or 1440.";
    } else if (Number(raw) > MAX_DELAY_MINUTES) {
      errors[delayField] = "The delay can be at most 43,200 minutes (30 days).";
    } else {
      value[type].delayMinutes = Number(raw);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
