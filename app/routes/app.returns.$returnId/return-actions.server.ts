// The return page's actions: the form read (a multipart form when a label file comes with it,
// refused before it is read when it is too big), what the merchant typed checked with answers
// on its fields, then the return service called. Its refusals come back as the answer's
// message, for the page to show above the forms.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import type { AdminClient } from "~/shopify.server";
import { isReturnAction, type ReturnAction } from "~/returns/return-labels";
import { approveReturn, attachLabel, cancelReturn, completeReturn, declineReturn, markReceived, type ActionResult, type LabelChoice } from "~/returns/return-service.server";
import { MAX_LABEL_BYTES, labelFileProblem, labelFilename, sniffLabelType } from "./label-upload";

export type ReturnActionResult =
  | { intent: ReturnAction; ok: true; message: string; warning?: string }
  | { intent: ReturnAction | null; ok: false; message: string; errors?: Record<string, string> };

/** What the service keeps of a note or a reason (longer text is refused, not cut). */
const MAX_TEXT = 500;
/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export type ActionForm = { fields: Record<string, string>; file: File | null };

/** The submitted form; null (with why) when it cannot be read. */
export async function readActionForm(request: Request): Promise<{ ok: true; form: ActionForm } | { ok: false; message: string }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const data = await request.formData();
    return { ok: true, form: { fields: textFields(data), file: null } };
  }
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_LABEL_BYTES + FORM_OVERHEAD_BYTES) return { ok: false, message: tooBig() };
  try {
    const data = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_LABEL_BYTES }));
    const file = data.get("file");
    return { ok: true, form: { fields: textFields(data), file: file instanceof File ? file : null } };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, message: tooBig() };
    throw error;
  }
}

function tooBig(): string {
  return "The label file is larger than 10 MB. Export it again at a lower resolution, or as a PDF.";
}

function textFields(data: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of data) if (typeof value === "string") fields[key] = value;
  return fields;
}

type Deps = { db: Db; admin: Pick<AdminClient, "graphql">; queue: Pick<JobQueue, "enqueue"> };

const DONE: Record<ReturnAction, string> = {
  approve: "Return approved.",
  decline: "Return declined.",
  label: "Label ready and sent to the shopper.",
  receive: "Return marked as received.",
  refund: "Refunded: the return is closed.",
  exchange: "Exchange recorded: the return is closed.",
  store_credit: "Store credit given: the return is closed.",
  cancel: "Return cancelled.",
};

/** One action on one of the shop's returns (the route has checked the return is the shop's). */
export async function handleReturnAction(deps: Deps, shop: string, id: string, form: ActionForm, now: Date): Promise<ReturnActionResult> {
  const intent = form.fields.intent;
  if (!isReturnAction(intent)) return { intent: null, ok: false, message: "That action is not known. Reload the page and try again." };
  const { db, admin, queue } = deps;
  const text = (name: string) => (form.fields[name] ?? "").trim();
  const refuse = (errors: Record<string, string>): ReturnActionResult => ({ intent, ok: false, message: "Nothing was done: correct what is marked below.", errors });

  let outcome: ActionResult;
  switch (intent) {
    case "approve": {
      const message = text("message");
      if (message.length > MAX_TEXT) return refuse({ message: `Keep the message to ${MAX_TEXT} characters (it has ${message.length}).` });
      outcome = await approveReturn(db, admin, queue, shop, id, message ? { message } : {}, now);
      break;
    }
    case "decline": {
      const reason = text("reason");
      if (reason === "") return refuse({ reason: "Say why the return is declined: the shopper reads it." });
      if (reason.length > MAX_TEXT) return refuse({ reason: `Keep the reason to ${MAX_TEXT} characters (it has ${reason.length}).` });
      outcome = await declineReturn(db, admin, queue, shop, id, { reason }, now);
      break;
    }
    case "label": {
      const choice = await labelChoice(form);
      if (!choice.ok) return refuse(choice.errors);
      outcome = await attachLabel(db, admin, queue, shop, id, choice.value, now);
      break;
    }
    case "receive":
      outcome = await markReceived(db, admin, shop, id, now);
      break;
    case "refund":
    case "exchange":
    case "store_credit":
      outcome = await completeReturn(db, admin, queue, shop, id, { resolution: intent }, now);
      break;
    case "cancel": {
      const reason = text("reason");
      if (reason.length > MAX_TEXT) return refuse({ reason: `Keep the reason to ${MAX_TEXT} characters (it has ${reason.length}).` });
      outcome = await cancelReturn(db, admin, queue, shop, id, { by: "merchant", ...(reason ? { reason } : {}) }, now);
      break;
    }
  }
  if (!outcome.ok) return { intent, ok: false, message: outcome.error };
  return { intent, ok: true, message: DONE[intent], ...(outcome.warning ? { warning: outcome.warning } : {}) };
}

async function labelChoice(form: ActionForm): Promise<{ ok: true; value: LabelChoice } | { ok: false; errors: Record<string, string> }> {
  const provider = (form.fields.provider ?? "").trim();
  if (provider === "printable" || provider === "easypost") return { ok: true, value: { provider } };
  if (provider !== "upload") return { ok: false, errors: { provider: "Choose how the label is made." } };

  const errors: Record<string, string> = {};
  const file = form.file;
  let bytes: Uint8Array | null = null;
  let contentType: ReturnType<typeof sniffLabelType> = null;
  if (!file) errors.file = "Choose the label file to upload.";
  else {
    const problem = labelFileProblem({ size: file.size, type: "" });
    if (problem) errors.file = problem;
    else {
      bytes = new Uint8Array(await file.arrayBuffer());
      contentType = sniffLabelType(bytes);
      if (!contentType) errors.file = "This file is not a PDF or an image (PNG, JPEG, GIF or WebP). Upload the label as your carrier gave it.";
    }
  }
  const trackingNumber = (form.fields.trackingNumber ?? "").trim();
  if (trackingNumber === "") errors.trackingNumber = "Enter the label’s tracking number, so you and the shopper can follow the parcel.";
  else if (trackingNumber.length > 100 || /\s/.test(trackingNumber)) errors.trackingNumber = "A tracking number is one word of at most 100 characters.";
  const carrier = (form.fields.carrier ?? "").trim();
  if (carrier.length > 100) errors.carrier = "At most 100 characters.";
  const trackingUrl = (form.fields.trackingUrl ?? "").trim();
  if (trackingUrl !== "" && !isHttpsUrl(trackingUrl)) errors.trackingUrl = "The tracking page is a web address starting with https://.";

  if (Object.keys(errors).length > 0 || !file || !bytes || !contentType) return { ok: false, errors };
  return {
    ok: true,
    value: {
      provider: "upload",
      filename: labelFilename(file.name, contentType),
      contentType,
      data: bytes,
      trackingNumber,
      ...(carrier ? { carrier } : {}),
      ...(trackingUrl ? { trackingUrl } : {}),
    },
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Whether the shop has this return (actions on another shop's return are answered 404). */
export async function shopHasReturn(db: Db, shop: string, id: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return false;
  return (await db.returnCase.findFirst({ where: { id, shop }, select: { id: true } })) !== null;
}
