// The shape of every shopper-facing text, per language. Texts use `{{placeholder}}` (see
// ../catalog.ts); a paragraph whose placeholder has no value is left out of the message, so
// optional parts (a gift, a discount code) sit in paragraphs of their own.
import type { MessageType } from "../catalog";

/** One message: merchants can edit all of it per language in the admin. */
export type MessageCopy = {
  subject: string;
  /** Short preview line shown by mail clients after the subject. */
  preheader: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  /** Label of the main button, when the message has one (confirm, track, answer, review). */
  action?: string;
  /** Label of the second button (the check-in's "there is a problem"). */
  secondaryAction?: string;
};

export type LocaleCopy = {
  messages: Record<MessageType, MessageCopy>;
  /** Labels inside messages (the order summary and the footer). */
  labels: {
    order: string;
    orderDate: string;
    total: string;
    trackingNumber: string;
    carrier: string;
    expectedDelivery: string;
    discountCode: string;
    returnNumber: string;
    contactHeading: string;
    phone: string;
    email: string;
    address: string;
    /** "We answer within {{hours}} hours" */
    responseTime: string;
    /** Why the shopper gets this email: "You are receiving this email because you ordered from {{shopName}}." */
    whyReceived: string;
    unsubscribe: string;
  };
  /** The shopper pages opened from links in messages (served through the app proxy). */
  pages: {
    confirm: {
      title: string;
      intro: string; // "{{orderName}}: please check your order and address."
      confirmButton: string;
      correctHeading: string;
      correctHint: string;
      address1: string;
      address2: string;
      city: string;
      zip: string;
      country: string;
      phone: string;
      note: string;
      submitCorrection: string;
      confirmed: string;
      corrected: string;
    };
    checkIn: {
      title: string;
      question: string; // "Did {{orderName}} arrive well?"
      arrivedWell: string;
      problem: string;
      thanksGood: string;
      thanksProblem: string;
    };
    problem: {
      title: string;
      intro: string;
      describe: string;
      submit: string;
      thanks: string;
      returnLink: string;
    };
    unsubscribe: {
      title: string;
      done: string; // "{{email}} will no longer receive promotional emails from {{shopName}}."
      transactionalNote: string;
    };
    errors: {
      expired: string;
      used: string;
      invalid: string;
      generic: string;
    };
    contactUs: string;
  };
};
