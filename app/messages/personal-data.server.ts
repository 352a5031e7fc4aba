// What shopper messages, shopper answers and returns hold about a customer, for Shopify's
// privacy requests (registered in app/compliance/personal-data.server.ts).
//
// - The outbox keeps each message's recipient and text. A redact blanks them but keeps the
//   row and its dedupe key, so that the same message is still never sent twice.
// - Shopper answers on the timeline can carry personal text (a corrected address, a problem
//   report): a redact erases those details; the facts (answered, when) stay.
// - Returns keep the shopper's comment and documents (the label shows the address, a photo
//   may show anything): a redact erases the comment and the documents.
// - Unsubscribes are kept, as a hash of the address only, so that the opt-out keeps being
//   honoured (a shopper who asked for no promotion does not get it again after an erasure).
import type { CustomerQuery, PersonalDataHolder } from "../compliance/personal-data.server";
import type { Db } from "../db.server";

/** Timeline kinds whose detail holds the shopper's own words or address. */
export const PERSONAL_TIMELINE_KINDS = ["address_correction_requested", "problem_reported"];

async function orderIdsOf(db: Db, { shop, customer, orderIds }: CustomerQuery): Promise<string[]> {
  const orders = await db.orderCare.findMany({ where: { shop, customerId: customer.id }, select: { orderId: true } });
  return [...new Set([...orders.map((order) => order.orderId), ...orderIds])];
}

function outboxWhere(query: CustomerQuery, orderIds: string[]) {
  const email = query.customer.email?.trim();
  const addresses = email ? [...new Set([email, email.toLowerCase()])] : [];
  return { shop: query.shop, audience: "shopper", OR: [{ orderId: { in: orderIds } }, ...(addresses.length ? [{ toAddress: { in: addresses } }] : [])] };
}

export const shopperMessagesPersonalData: PersonalDataHolder = {
  name: "Messages to the customer, their answers and their returns",

  async collect(db, query) {
    const orderIds = await orderIdsOf(db, query);
    const [messages, answers, returns] = await Promise.all([
      db.outboxMessage.findMany({
        where: outboxWhere(query, orderIds),
        select: { orderId: true, type: true, locale: true, toAddress: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
        orderBy: { createdAt: "asc" },
      }),
      db.timelineEvent.findMany({
        where: { shop: query.shop, orderId: { in: orderIds }, kind: { in: PERSONAL_TIMELINE_KINDS } },
        select: { orderId: true, kind: true, occurredAt: true, detail: true },
        orderBy: { occurredAt: "asc" },
      }),
      db.returnCase.findMany({
        where: { shop: query.shop, orderId: { in: orderIds } },
        select: { orderId: true, returnNumber: true, status: true, reason: true, comment: true, requestedAt: true },
        orderBy: { requestedAt: "asc" },
      }),
    ]);
    return [
      ...messages.map((message) => ({ section: "message", ...message })),
      ...answers.map((answer) => ({ section: "answer", ...answer })),
      ...returns.map((request) => ({ section: "return", ...request })),
    ];
  },

  async redact(db, query) {
    const orderIds = await orderIdsOf(db, query);
    const { shop } = query;
    const messages = await db.outboxMessage.updateMany({
      where: outboxWhere(query, orderIds),
      data: { toAddress: "", subject: "(erased at the customer's request)", html: "", text: "", headers: "{}", attachments: null, statusReason: "Erased at the customer's request." },
    });
    const answers = await db.timelineEvent.updateMany({ where: { shop, orderId: { in: orderIds }, kind: { in: PERSONAL_TIMELINE_KINDS } }, data: { detail: null } });
    const cases = await db.returnCase.findMany({ where: { shop, orderId: { in: orderIds } }, select: { id: true } });
    const comments = await db.returnCase.updateMany({ where: { shop, orderId: { in: orderIds } }, data: { comment: null } });
    const documents = await db.returnDocument.deleteMany({ where: { shop, returnId: { in: cases.map((row) => row.id) } } });
    return messages.count + answers.count + comments.count + documents.count;
  },
};
