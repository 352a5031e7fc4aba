// What a feature asks for when it wants a message sent: the type, the order, the reason that
// makes it distinct (a parcel, a flag, a return) and the facts only the caller knows (a new
// delivery date, a discount code, a label). Pure: validated here, composed by a job.
import { z } from "zod";
import { MESSAGE_TYPES } from "./catalog";

const IsoDate = z.string().datetime({ offset: true });

export const MessageFactsSchema = z
  .object({
    expectedDelivery: IsoDate,
    delayReason: z.string().max(300),
    giftDescription: z.string().max(300),
    discountCode: z.string().max(64),
    returnNumber: z.string().max(64),
    returnDeadline: IsoDate,
    returnAddressLines: z.array(z.string().max(200)).max(8),
    tierName: z.string().max(80),
    discountPercent: z.number().min(0).max(100),
    discountExpires: IsoDate,
    thankYouNote: z.string().max(1000),
  })
  .partial()
  .strict();

export type MessageFacts = z.infer<typeof MessageFactsSchema>;

export const AttachmentSchema = z.object({
  filename: z.string().min(1).max(120),
  contentType: z.string().min(1).max(100),
  contentBase64: z.string().max(2_000_000),
});

export type MessageAttachment = z.infer<typeof AttachmentSchema>;

export const MessageRequestSchema = z.object({
  type: z.enum(MESSAGE_TYPES),
  /** Shopify's numeric order id. */
  orderId: z.string().regex(/^\d+$/),
  /** What makes this message distinct from another of its type for the order (dedupe). */
  reason: z.string().max(120).default(""),
  facts: MessageFactsSchema.default({}),
  attachments: z.array(AttachmentSchema).max(3).default([]),
  /** Sent even when the merchant turned the type off (a merchant's explicit action). */
  requestedBy: z.enum(["automatic", "merchant"]).default("automatic"),
});

export type MessageRequest = z.input<typeof MessageRequestSchema>;
export type ParsedMessageRequest = z.output<typeof MessageRequestSchema>;
