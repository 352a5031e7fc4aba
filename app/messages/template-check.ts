// Checks a merchant's wording of a message before it is saved: placeholders written correctly
// and known for that message, nothing required left empty, lengths within what mail clients
// and the outbox take. Errors are sentences a merchant can act on. Pure; runs in the browser too.
import { allowedPlaceholders, type MessageType } from "~/messages/catalog";
import type { MessageCopy } from "~/messages/copy/types";
import { PLACEHOLDER_NAME, placeholdersIn } from "~/messages/render";

export const SUBJECT_MAX_LENGTH = 200;
export const PREHEADER_MAX_LENGTH = 300;
export const BODY_MAX_LENGTH = 10_000;
export const BUTTON_MAX_LENGTH = 100;

/** Placeholders the text uses that the message does not know, in order, each once. */
export function findUnknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  return placeholdersIn(text).filter((name) => !allowed.includes(name));
}

export type MalformedPlaceholder = {
  /** The text as written, e.g. "{{orderName" or "{{ }}". */
  text: string;
  problem: "unclosed" | "unopened" | "empty" | "invalid_name";
};

const SNIPPET_LENGTH = 30;

function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH)}…` : line;
}

/**
 * Braces that do not make a placeholder: `{{` never closed (or closed only after another `{{`),
 * `}}` never opened, `{{ }}` with no name, and names that are not a single word (`{{order name}}`).
 */
export function findMalformedPlaceholders(text: string): MalformedPlaceholder[] {
  const found: MalformedPlaceholder[] = [];
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf("{{", position);
    const close = text.indexOf("}}", position);
    if (open === -1 && close === -1) break;
    if (open === -1 || (close !== -1 && close < open)) {
      found.push({ text: snippet(text.slice(Math.max(0, close - SNIPPET_LENGTH + 2), close + 2)), problem: "unopened" });
      position = close + 2;
      continue;
    }
    const nextOpen = text.indexOf("{{", open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      found.push({ text: snippet(text.slice(open, nextOpen === -1 ? undefined : nextOpen)), problem: "unclosed" });
      position = open + 2;
      continue;
    }
    const name = text.slice(open + 2, close).trim();
    if (name === "") found.push({ text: text.slice(open, close + 2), problem: "empty" });
    else if (!PLACEHOLDER_NAME.test(name)) found.push({ text: snippet(text.slice(open, close + 2)), problem: "invalid_name" });
    position = close + 2;
  }
  return found;
}

export type CopyError = { field: keyof MessageCopy; message: string };

/** How the fields are named to the merchant, mid-sentence. */
const FIELD_NAMES: Record<keyof MessageCopy, string> = {
  subject: "the subject",
  preheader: "the preview text",
  body: "the message",
  action: "the button label",
  secondaryAction: "the second button label",
};

const LIMITS: Record<keyof MessageCopy, number> = {
  subject: SUBJECT_MAX_LENGTH,
  preheader: PREHEADER_MAX_LENGTH,
  body: BODY_MAX_LENGTH,
  action: BUTTON_MAX_LENGTH,
  secondaryAction: BUTTON_MAX_LENGTH,
};

const FIELDS = ["subject", "preheader", "body", "action", "secondaryAction"] as const satisfies readonly (keyof MessageCopy)[];

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function malformedMessage(found: MalformedPlaceholder, where: string): string {
  switch (found.problem) {
    case "unclosed":
      return `"${found.text}" in ${where} is missing its closing }}. Placeholders are written like {{orderName}}.`;
    case "unopened":
      return `"${found.text}" in ${where} has a closing }} without an opening {{. Placeholders are written like {{orderName}}.`;
    case "empty":
      return `${capitalised(where)} has an empty placeholder ${found.text}. Put a name between the braces, like {{orderName}}, or remove it.`;
    case "invalid_name":
      return `"${found.text}" in ${where} is not a placeholder name: use one word of letters and digits, like {{orderName}}.`;
  }
}

/**
 * Everything wrong with a merchant's wording of one message, field by field, in the order the
 * fields appear in the form. An empty list means it can be saved. Button labels are optional.
 */
export function checkMessageCopy(type: MessageType, copy: MessageCopy): CopyError[] {
  const allowed = allowedPlaceholders(type);
  const allowedList = allowed.map((name) => `{{${name}}}`).join(", ");
  const errors: CopyError[] = [];
  for (const field of FIELDS) {
    const text = copy[field] ?? "";
    const where = FIELD_NAMES[field];
    if ((field === "subject" || field === "body") && text.trim() === "") {
      errors.push({ field, message: `${capitalised(where)} cannot be empty.` });
      continue;
    }
    if (text.length > LIMITS[field]) {
      errors.push({
        field,
        message: `${capitalised(where)} is ${text.length.toLocaleString("en")} characters long; it can be at most ${LIMITS[field].toLocaleString("en")}.`,
      });
    }
    if (field !== "body" && /[\r\n]/.test(text)) {
      errors.push({ field, message: `${capitalised(where)} must be a single line.` });
    }
    for (const found of findMalformedPlaceholders(text)) errors.push({ field, message: malformedMessage(found, where) });
    for (const name of findUnknownPlaceholders(text, allowed)) {
      errors.push({ field, message: `Unknown placeholder {{${name}}} in ${where}. You can use: ${allowedList}.` });
    }
  }
  return errors;
}
