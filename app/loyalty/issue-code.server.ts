// Issues a discount code the app gives away (a gift card's code, a loyalty reward, goodwill
// after a return, an apology, a thank-you for a review): created in Shopify with
// discountCodeBasicCreate and kept as an IssuedDiscountCode row.
//
// Once per (source, order, customer): asking again returns the same code, whatever the retries
// or the callers running at the same time. The database decides, without a unique key on those
// three columns: the code itself is drawn from a random source derived from them (HMAC-SHA256
// under the app's secret, so nobody without the secret can predict a code), which makes two
// concurrent calls for the same triple draw the same code, and the unique key (shop, code)
// lets one of them claim it. A code Shopify already knows from elsewhere (TAKEN: a merchant's
// own code that happens to match) is drawn again with the next attempt number.
//
// A code for a customer is theirs only (context.customers, once). Without a customer (a guest
// checkout), the code can be used once by whoever has it.
import { createHmac } from "node:crypto";
import { getConfig } from "~/config.server";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import type { AdminClient } from "~/shopify.server";
import { AdminApiError, adminQuery } from "~/shopify/admin-graphql.server";
import { DISCOUNT_CODE_BASIC_CREATE_MUTATION } from "~/shopify/graphql/discount-code-basic-create";
import type { DiscountCodeBasicCreateMutation } from "~/types/admin.generated";
import { generateDiscountCode, singleCustomerCodeInput, type DiscountCodeBasicInput } from "./discount-codes";

export const CODE_SOURCES = ["gift", "loyalty", "goodwill", "apology", "review"] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

export type IssueCodeRequest = {
  source: CodeSource;
  /** Shopify's customer: the numeric id or its gid://shopify/Customer/… */
  customerId: string | null;
  /** Shopify's numeric order id the code is given for. */
  orderId: string | null;
  /** Percent off the next order, more than 0 and at most 100. */
  percent: number;
  /** The code works from `now` for this many days. */
  validDays: number;
  /** Printed before the random part: "SORRY" gives SORRY-7K3M-Q9XP. */
  prefix: string;
};

export type IssuedCode = { code: string; expiresAt: Date; id: string };

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 5;
/** Only to let the builder check the rest of a guest's code; replaced by `context.all`. */
const GUEST_PLACEHOLDER = "gid://shopify/Customer/0";
const TITLES: Record<CodeSource, string> = {
  gift: "Thank-you gift",
  loyalty: "Loyalty reward",
  goodwill: "Goodwill after a return",
  apology: "Apology for a late order",
  review: "Thank you for your review",
};

type Admin = Pick<AdminClient, "graphql">;

export async function issueDiscountCode(db: Db, admin: Admin, shop: string, request: IssueCodeRequest, now: Date): Promise<IssuedCode> {
  const customerId = numericCustomerId(request.customerId);
  if (!(Number.isFinite(request.percent) && request.percent > 0 && request.percent <= 100)) throw new RangeError(`the percent must be more than 0 and at most 100, not ${request.percent}`);
  if (!(Number.isInteger(request.validDays) && request.validDays >= 1)) throw new RangeError(`a code is valid for a whole number of days, at least 1, not ${request.validDays}`);
  const identity = { shop, source: request.source, orderId: request.orderId, customerId };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const existing = await db.issuedDiscountCode.findFirst({ where: identity, orderBy: [{ issuedAt: "asc" }, { id: "asc" }] });
    if (existing?.shopifyDiscountId) return { code: existing.code, expiresAt: existing.expiresAt, id: existing.id };

    let row = existing;
    if (!row) {
      const code = generateDiscountCode(request.prefix, derivedRandom([shop, request.source, request.orderId ?? "", customerId ?? "", String(attempt)]));
      try {
        row = await db.issuedDiscountCode.create({
          data: { ...identity, code, percent: Math.round(request.percent), expiresAt: new Date(now.getTime() + request.validDays * DAY_MS), issuedAt: now },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The same triple claimed this code a moment ago (it is ours: loop and read it), or,
        // in a 1 in 2^39 chance, another triple holds it (the next attempt draws another).
        continue;
      }
    }

    const created = await createInShopify(admin, row.code, request, customerId, row.issuedAt, row.expiresAt);
    if (created.status === "taken") {
      if (existing) {
        // Our own earlier attempt created it in Shopify and stopped before recording the id.
        return { code: row.code, expiresAt: row.expiresAt, id: row.id };
      }
      await db.issuedDiscountCode.deleteMany({ where: { shop, id: row.id, shopifyDiscountId: null } });
      continue;
    }
    await db.issuedDiscountCode.updateMany({ where: { shop, id: row.id }, data: { shopifyDiscountId: created.id } });
    return { code: row.code, expiresAt: row.expiresAt, id: row.id };
  }
  throw new Error(`Could not find a free discount code for ${request.source} after ${MAX_ATTEMPTS} tries.`);
}

async function createInShopify(
  admin: Admin,
  code: string,
  request: IssueCodeRequest,
  customerId: string | null,
  startsAt: Date,
  endsAt: Date,
): Promise<{ status: "created"; id: string } | { status: "taken" }> {
  const title = `${TITLES[request.source]} ${code}`;
  // The pure builder checks the code, the percent and the dates; a guest's code differs only in
  // who may use it (anyone holding it, still once).
  const forCustomer = (customerGid: string) => singleCustomerCodeInput({ title, code, percent: request.percent, customerGid, startsAt, endsAt });
  const input: DiscountCodeBasicInput | (Omit<DiscountCodeBasicInput, "context"> & { context: { all: "ALL" } }) = customerId
    ? forCustomer(`gid://shopify/Customer/${customerId}`)
    : { ...forCustomer(GUEST_PLACEHOLDER), context: { all: "ALL" } };
  const data = await adminQuery<DiscountCodeBasicCreateMutation>(admin, DISCOUNT_CODE_BASIC_CREATE_MUTATION, { input });
  const payload = data.discountCodeBasicCreate;
  const errors = payload?.userErrors ?? [];
  if (errors.some((error) => error.code === "TAKEN" && (error.field ?? []).includes("code"))) return { status: "taken" };
  if (errors.length > 0 || !payload?.codeDiscountNode) {
    throw new AdminApiError(
      `DiscountCodeBasicCreate: ${errors.map((error) => `${error.field?.join(".") ?? "input"}: ${error.message}`).join("; ") || "no discount was created"}`,
      "DiscountCodeBasicCreate",
      errors.map((error) => error.code ?? "USER_ERROR"),
    );
  }
  return { status: "created", id: payload.codeDiscountNode.id };
}

/** A source of numbers in [0, 1) from HMAC-SHA256 of the parts under the app's secret: 8 draws of 32 bits. */
function derivedRandom(parts: string[]): () => number {
  const digest = createHmac("sha256", getConfig().apiSecret).update("aftercare/discount-code\n").update(parts.join("\n")).digest();
  let offset = 0;
  return () => {
    if (offset + 4 > digest.length) throw new Error("the derived random source is used up");
    const value = digest.readUInt32BE(offset) / 2 ** 32;
    offset += 4;
    return value;
  };
}

function numericCustomerId(customerId: string | null): string | null {
  if (customerId === null || customerId.trim() === "") return null;
  const match = /^(?:gid:\/\/shopify\/Customer\/)?(\d+)$/.exec(customerId.trim());
  if (!match?.[1]) throw new RangeError(`not a customer id: ${customerId}`);
  return match[1];
}
