// Return labels, three ways (return-settings.server.ts labelProvider):
//   printable  the app's own PDF (return-label-pdf.server.ts): a 4×6 label with the return
//              number as a barcode, the shopper's and the shop's addresses, and a packing slip.
//              It carries no postage and no tracking number: the shopper posts the parcel.
//   easypost   a prepaid label bought from EasyPost with the merchant's own key; the label file
//              is downloaded from EasyPost's address so it can go with the email.
//   upload     a file the merchant uploads (a label made in their carrier's site), with its
//              tracking number.
// Files are ReturnDocument rows (kind label, packing_slip or photo), always read by shop.
import type { ReturnDocument } from "@prisma/client";
import { getConfig } from "~/config.server";
import type { Db } from "~/db.server";
import { formatAddress, type PostalAddress } from "~/messages/format";
import type { ShopperLocale } from "~/messages/locales";
import type { MessageAttachment } from "~/messages/message-request";
import { getShopSettings } from "~/messages/shop-settings.server";
import { LabelProviderError, type Address, type LabelProvider, type ReturnLabel } from "./carrier-label";
import { createEasyPostLabelProvider } from "./easypost.server";
import { RETURN_COPY } from "./return-copy";
import { renderReturnLabelPdf } from "./return-label-pdf.server";
import { easypostApiKey, effectiveReturnAddress, getReturnSettings } from "./return-settings.server";

export type LabelDeps = {
  /** Makes the label provider from the merchant's key (tests point EasyPost at a stand-in). */
  labelProvider?: (apiKey: string) => LabelProvider;
  /** The app's secret (SHOPIFY_API_SECRET) that seals the key. */
  appSecret?: string;
  fetch?: typeof fetch;
};

export type DocumentKind = "label" | "packing_slip" | "photo";

/** What a message attachment may carry: the outbox keeps at most 2,000,000 base64 characters. */
export const MAX_LABEL_BYTES = 1_400_000;
const DOWNLOAD_TIMEOUT_MS = 15_000;
/** EasyPost needs a weight; the app does not read product weights yet. */
const DEFAULT_PARCEL_GRAMS = 1000;

export type LabelInput = {
  returnId: string;
  returnNumber: string;
  locale: ShopperLocale;
  items: { title: string; quantity: number }[];
  customerAddress: PostalAddress | null;
};

/** The app's PDF (label page and packing slip) in the shopper's language. */
export async function renderReturnPdf(db: Db, shop: string, input: LabelInput): Promise<Uint8Array> {
  const [settings, returnSettings, returnAddress] = await Promise.all([getShopSettings(db, shop), getReturnSettings(db, shop), effectiveReturnAddress(db, shop)]);
  const copy = RETURN_COPY[input.locale];
  const { packing, ...labels } = copy.label;
  return renderReturnLabelPdf({
    returnNumber: input.returnNumber,
    shopName: settings.shopName || shop.replace(/\.myshopify\.com$/, ""),
    returnAddressLines: returnAddress ? formatAddress(returnAddress, input.locale) : [],
    customerAddressLines: input.customerAddress ? formatAddress(input.customerAddress, input.locale) : [],
    items: input.items,
    packingInstructions: returnSettings.packingNotes.length > 0 ? returnSettings.packingNotes : packing,
    labels,
  });
}

/** The app's PDF for the return, made once and kept (as the label, or as the packing slip next to a carrier's label). */
export async function ensureAppPdf(db: Db, shop: string, input: LabelInput, kind: "label" | "packing_slip"): Promise<Pick<ReturnDocument, "id">> {
  const existing = await db.returnDocument.findFirst({ where: { shop, returnId: input.returnId, kind, contentType: "application/pdf", filename: appPdfName(input.returnNumber) }, select: { id: true } });
  if (existing) return existing;
  const data = await renderReturnPdf(db, shop, input);
  return storeReturnDocument(db, shop, input.returnId, { kind, filename: appPdfName(input.returnNumber), contentType: "application/pdf", data });
}

function appPdfName(returnNumber: string): string {
  return `return-${returnNumber}.pdf`;
}

export async function storeReturnDocument(db: Db, shop: string, returnId: string, document: { kind: DocumentKind; filename: string; contentType: string; data: Uint8Array }): Promise<Pick<ReturnDocument, "id">> {
  return db.returnDocument.create({
    data: { shop, returnId, kind: document.kind, filename: document.filename.slice(0, 120), contentType: document.contentType, data: Buffer.from(document.data) },
    select: { id: true },
  });
}

/** Buys a prepaid label from EasyPost with the merchant's key, from the shopper's shipping address to the return address. */
export async function buyCarrierLabel(db: Db, shop: string, input: LabelInput, deps: LabelDeps = {}): Promise<ReturnLabel> {
  const key = await easypostApiKey(db, shop, deps.appSecret ?? getConfig().apiSecret);
  if (!key) throw new LabelProviderError("auth", "No EasyPost API key is saved. Add it in the return settings, or choose another way to make labels.", { retryable: false });
  const to = carrierAddress(await effectiveReturnAddress(db, shop));
  const from = carrierAddress(input.customerAddress);
  if (!to) throw new LabelProviderError("invalid_address", "The return address is incomplete (street, town, postcode and country are needed for a label). Fill it in the return settings.", { retryable: false });
  if (!from) throw new LabelProviderError("invalid_address", "The order's shipping address is incomplete, so no label can be bought for it.", { retryable: false });
  const provider = deps.labelProvider ? deps.labelProvider(key) : createEasyPostLabelProvider({ apiKey: key });
  return provider.createReturnLabel({ from, to, parcel: { weightGrams: DEFAULT_PARCEL_GRAMS }, reference: input.returnNumber });
}

function carrierAddress(address: PostalAddress | null): Address | null {
  if (!address?.address1 || !address.city || !address.zip || !address.countryCode) return null;
  return {
    name: address.name || address.company || "",
    company: address.company ?? null,
    street1: address.address1,
    street2: address.address2 ?? null,
    city: address.city,
    province: address.provinceCode ? address.provinceCode.replace(/^[A-Z]{2}-/, "") : (address.province ?? null),
    zip: address.zip,
    countryCode: address.countryCode,
    phone: address.phone ?? null,
  };
}

/** The label file behind a provider's address, kept as the return's label. */
export async function downloadCarrierLabel(db: Db, shop: string, returnId: string, returnNumber: string, labelUrl: string, deps: LabelDeps = {}): Promise<Pick<ReturnDocument, "id">> {
  const existing = await db.returnDocument.findFirst({ where: { shop, returnId, kind: "label", NOT: { filename: appPdfName(returnNumber) } }, select: { id: true } });
  if (existing) return existing;
  const response = await (deps.fetch ?? fetch)(labelUrl, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`The label could not be downloaded from the carrier (HTTP ${response.status}); it will be tried again.`);
  const data = new Uint8Array(await response.arrayBuffer());
  const contentType = sniffLabelType(data) ?? response.headers.get("content-type")?.split(";")[0]?.trim() ?? "application/octet-stream";
  const extension = contentType === "application/pdf" ? "pdf" : contentType === "image/png" ? "png" : contentType === "image/jpeg" ? "jpg" : "bin";
  return storeReturnDocument(db, shop, returnId, { kind: "label", filename: `label-${returnNumber}.${extension}`, contentType, data });
}

export type UploadedLabel = { filename: string; contentType: string; data: Uint8Array };

/** A merchant's label file: a PDF, PNG or JPEG (by its bytes, not its name), small enough to email. */
export function checkUploadedLabel(file: UploadedLabel): { ok: true; contentType: string } | { ok: false; error: string } {
  if (file.data.byteLength === 0) return { ok: false, error: "The label file is empty." };
  if (file.data.byteLength > MAX_LABEL_BYTES) return { ok: false, error: `The label file is larger than ${Math.floor(MAX_LABEL_BYTES / 100_000) / 10} MB: it could not go with the email. Save it as a smaller PDF.` };
  const contentType = sniffLabelType(file.data);
  if (!contentType) return { ok: false, error: "The label must be a PDF, PNG or JPEG file." };
  return { ok: true, contentType };
}

function sniffLabelType(data: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => data[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}

/** The return's label (a carrier's or uploaded file first, then the app's PDF), as email attachments. */
export async function labelAttachments(db: Db, shop: string, returnId: string): Promise<MessageAttachment[]> {
  const documents = await db.returnDocument.findMany({ where: { shop, returnId, kind: { in: ["label", "packing_slip"] } }, orderBy: { createdAt: "desc" } });
  const label = documents.find((document) => document.kind === "label");
  const slip = documents.find((document) => document.kind === "packing_slip");
  return [label, slip]
    .filter((document): document is ReturnDocument => document !== undefined && document.data.byteLength <= MAX_LABEL_BYTES)
    .map((document) => ({ filename: document.filename, contentType: document.contentType, contentBase64: Buffer.from(document.data).toString("base64") }));
}
