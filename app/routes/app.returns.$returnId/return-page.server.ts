// One return as its page shows it: every string ready to print, the documents without their
// bytes, the steps it has been through, and the buttons its status allows.
import type { Db } from "~/db.server";
import { formatDateTime, formatMoney, formatRelative, usableTimeZone } from "~/orders/order-format";
import type { StatusBadge } from "~/orders/order-labels";
import {
  LABEL_PROVIDER_NAMES,
  decisionSummary,
  documentName,
  reasonName,
  returnActions,
  returnActorName,
  returnSourceName,
  returnStatusBadge,
  returnTimelineFacts,
  returnTimelineName,
  type DecisionSummary,
  type LabelProvider,
  type ReturnAction,
} from "~/returns/return-labels";
import { getReturn } from "~/returns/return-service.server";
import { getReturnSettings } from "~/returns/return-settings.server";
import type { DocumentView } from "./return-documents-card";
import type { ReturnTimelineEntry } from "./return-timeline";

export type ReturnPageView = {
  id: string;
  returnNumber: string;
  status: StatusBadge;
  order: { name: string; href: string };
  requested: { iso: string; relative: string; absolute: string };
  source: string;
  reason: string;
  shopFault: boolean;
  comment: string | null;
  lines: { key: string; title: string; quantity: number; price: string | null }[];
  value: string | null;
  decision: DecisionSummary;
  labelPaidBy: "shop" | "customer";
  facts: { label: string; value: string; url?: string }[];
  photo: DocumentView | null;
  documents: DocumentView[];
  timeline: ReturnTimelineEntry[];
  actions: ReturnAction[];
  labelProviders: { value: LabelProvider; label: string }[];
  defaultProvider: LabelProvider;
};

/** One of the shop's returns; null when the shop has none with this id. */
export async function loadReturnPage(db: Db, shop: string, id: string, now: Date): Promise<ReturnPageView | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const detail = await getReturn(db, shop, id);
  if (!detail) return null;
  const [settings, shopSettings] = await Promise.all([getReturnSettings(db, shop), db.shopSettings.findUnique({ where: { shop }, select: { timezone: true } })]);
  const zone = usableTimeZone(shopSettings?.timezone);
  const row = detail.case;
  const at = (date: Date) => formatDateTime(date, zone);

  const documents: DocumentView[] = detail.documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    name: documentName(document.kind),
    filename: document.filename,
    contentType: document.contentType,
    href: `/app/returns/${row.id}/documents/${document.id}`,
  }));

  const facts: ReturnPageView["facts"] = [];
  if (row.labelProvider) facts.push({ label: "Label", value: LABEL_PROVIDER_NAMES[row.labelProvider as LabelProvider] ?? row.labelProvider });
  if (row.carrier) facts.push({ label: "Carrier", value: row.carrier });
  if (row.trackingNumber) facts.push({ label: "Tracking number", value: row.trackingNumber, ...(row.trackingUrl ? { url: row.trackingUrl } : {}) });
  if (row.goodwillCode) facts.push({ label: "Goodwill code", value: row.goodwillCode });
  const currency = row.lines.find((line) => line.currency)?.currency;
  if (row.refundAmount) facts.push({ label: "Refunded", value: currency ? formatMoney(row.refundAmount, currency) : row.refundAmount });
  if (row.declineReason) facts.push({ label: "Declined because", value: row.declineReason });
  if (row.decidedAt) facts.push({ label: "Decided", value: at(row.decidedAt) });
  if (row.receivedAt) facts.push({ label: "Received", value: at(row.receivedAt) });
  if (row.closedAt) facts.push({ label: "Closed", value: at(row.closedAt) });

  // EasyPost is offered only with a key; a label of their own the merchant can always upload.
  const labelProviders = (["printable", ...(settings.hasEasypostKey ? (["easypost"] as const) : []), "upload"] as const).map((value) => ({ value, label: LABEL_PROVIDER_NAMES[value] }));
  const defaultProvider = labelProviders.some((choice) => choice.value === settings.labelProvider) ? settings.labelProvider : "printable";

  return {
    id: row.id,
    returnNumber: row.returnNumber,
    status: returnStatusBadge(row.status),
    order: { name: detail.orderName ?? `Order ${row.orderId}`, href: `/app/orders/${row.orderId}` },
    requested: { iso: row.requestedAt.toISOString(), relative: formatRelative(row.requestedAt, now, zone), absolute: at(row.requestedAt) },
    source: returnSourceName(row.source),
    reason: reasonName(row.reason),
    shopFault: row.decision.shopFault,
    comment: row.comment?.trim() ? row.comment : null,
    lines: row.lines.map((line, index) => ({
      key: `${line.lineItemId}-${index}`,
      title: line.title,
      quantity: line.quantity,
      price: line.unitPrice !== null && line.currency ? formatMoney(line.unitPrice, line.currency) : null,
    })),
    value: valueOf(row.lines),
    decision: decisionSummary(row.decision, row.labelPaidBy, row.reason),
    labelPaidBy: row.labelPaidBy,
    facts,
    photo: documents.find((document) => document.kind === "photo") ?? null,
    documents,
    timeline: detail.timeline
      .map((event, index) => ({
        id: `${event.kind}-${index}`,
        label: returnTimelineName(event.kind),
        source: returnActorName(event.source),
        occurredAt: event.occurredAt.toISOString(),
        time: at(event.occurredAt),
        facts: returnTimelineFacts(event.detail),
      }))
      .reverse(),
    actions: returnActions(row.status),
    labelProviders,
    defaultProvider,
  };
}

function valueOf(lines: readonly { quantity: number; unitPrice: string | null; currency: string | null }[]): string | null {
  const priced = lines.filter((line) => line.unitPrice !== null && line.currency);
  const currency = priced[0]?.currency;
  if (!currency || priced.some((line) => line.currency !== currency)) return null;
  const cents = priced.reduce((sum, line) => sum + Math.round(Number(line.unitPrice) * 100) * line.quantity, 0);
  return Number.isFinite(cents) ? formatMoney((cents / 100).toFixed(2), currency) : null;
}
