// Customers of the demo shop: who buys how often, their marketing consent, and
// the Customer records (whose totals are filled in once their orders exist).

import { COUNTRIES, COUNTRY_MIX } from "./demo-countries.ts";
import type { IdAllocator } from "./demo-ids.ts";
import { formatCents, moneyV2, parseAmountToCents, SHOP_CURRENCY } from "./demo-money.ts";
import { createPerson, mailingAddress } from "./demo-people.ts";
import type { Person } from "./demo-people.ts";
import type { DemoRandom } from "./demo-random.ts";
import { DAY, iso, latest, MINUTE } from "./demo-time.ts";
import type { CustomerRecord, EmailMarketingState, MarketingOptInLevel, OrderRecord, SmsMarketingState } from "./demo-types.ts";

export type Buyer = {
  person: Person;
  orderCount: number;
  emailState: EmailMarketingState;
  smsState: SmsMarketingState | null;
  hasAccount: boolean;
  /** Days between a newsletter sign-up and the first order, or null if the account was made at checkout. */
  signedUpDaysBefore: number | null;
  note: string | null;
};

const CUSTOMER_NOTES = [
  "Prefers parcels without an invoice inside (buys gifts).",
  "Asked to be called before cash-on-delivery parcels are sent.",
  "Runs a small café — interested in bulk mugs.",
];

/** How many orders each buyer places: two thirds once, one third 2–5 times. */
function orderCountFor(random: DemoRandom, remaining: number): number {
  const count = random.chance(1 / 3) ? random.weighted([[2, 50], [3, 28], [4, 14], [5, 8]]) : 1;
  return Math.min(count, remaining);
}

function emailStateFor(random: DemoRandom, doubleOptIn: boolean): EmailMarketingState {
  return random.weighted([["SUBSCRIBED", 40], ["NOT_SUBSCRIBED", 46], ["UNSUBSCRIBED", 8], ["PENDING", doubleOptIn ? 8 : 0]]);
}

export function planBuyers(random: DemoRandom, orderCount: number): Buyer[] {
  const buyers: Buyer[] = [];
  const usedEmails = new Set<string>();
  for (let remaining = orderCount; remaining > 0; ) {
    const country = COUNTRIES[random.weighted(COUNTRY_MIX)];
    const person = createPerson(random, country, usedEmails);
    const count = orderCountFor(random, remaining);
    const emailState = emailStateFor(random, country.code === "DE");
    buyers.push({
      person,
      orderCount: count,
      emailState,
      smsState: person.phone ? random.weighted([["NEVER_SUBSCRIBED", 80], ["SUBSCRIBED", 15], ["UNSUBSCRIBED", 5]]) : null,
      hasAccount: random.chance(count > 1 ? 0.55 : 0.2),
      signedUpDaysBefore: emailState === "SUBSCRIBED" && random.chance(0.35) ? random.float(3, 400) : null,
      note: random.chance(0.03) ? random.pick(CUSTOMER_NOTES) : null,
    });
    remaining -= count;
  }
  return buyers;
}

function optInLevel(state: string, doubleOptIn: boolean): MarketingOptInLevel | null {
  if (state === "NOT_SUBSCRIBED" || state === "NEVER_SUBSCRIBED") return null;
  return doubleOptIn ? "CONFIRMED_OPT_IN" : "SINGLE_OPT_IN";
}

/** When the consent last changed: at sign-up, or some time later for an unsubscribe. */
function consentChangedAt(random: DemoRandom, state: string, createdAt: number, now: number): number | null {
  if (state === "NOT_SUBSCRIBED" || state === "NEVER_SUBSCRIBED") return null;
  if (state === "UNSUBSCRIBED") return createdAt + random.next() * (now - createdAt);
  return createdAt;
}

export type CustomerDraft = { record: CustomerRecord; lastActivity: number };

export function createCustomer(random: DemoRandom, ids: IdAllocator, buyer: Buyer, firstOrderAt: number, now: number): CustomerDraft {
  const { id, legacyResourceId } = ids.take("Customer");
  const p = buyer.person;
  const createdAt = buyer.signedUpDaysBefore === null ? firstOrderAt - random.float(2, 15) * MINUTE : firstOrderAt - buyer.signedUpDaysBefore * DAY;
  const doubleOptIn = p.country.code === "DE";
  const emailChangedAt = consentChangedAt(random, buyer.emailState, createdAt, now);
  const smsChangedAt = buyer.smsState ? consentChangedAt(random, buyer.smsState, createdAt, now) : null;
  const record: CustomerRecord = {
    __typename: "Customer",
    id,
    legacyResourceId,
    firstName: p.firstName,
    lastName: p.lastName,
    displayName: `${p.firstName} ${p.lastName}`,
    locale: p.locale,
    note: buyer.note,
    state: buyer.hasAccount ? "ENABLED" : "DISABLED",
    verifiedEmail: true,
    taxExempt: false,
    tags: [],
    numberOfOrders: String(buyer.orderCount),
    amountSpent: moneyV2(0, SHOP_CURRENCY),
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt),
    defaultEmailAddress: {
      __typename: "CustomerEmailAddress",
      emailAddress: p.email,
      marketingState: buyer.emailState,
      marketingOptInLevel: optInLevel(buyer.emailState, doubleOptIn),
      marketingUpdatedAt: emailChangedAt === null ? null : iso(emailChangedAt),
      validFormat: true,
    },
    defaultPhoneNumber:
      p.phone && buyer.smsState
        ? {
            __typename: "CustomerPhoneNumber",
            phoneNumber: p.phone.e164,
            smsMarketingConsent: {
              __typename: "CustomerSmsMarketingConsent",
              state: buyer.smsState,
              optInLevel: optInLevel(buyer.smsState, false),
              updatedAt: smsChangedAt === null ? null : iso(smsChangedAt),
              collectedFrom: buyer.smsState === "NEVER_SUBSCRIBED" ? null : "SHOPIFY",
            },
          }
        : null,
    defaultAddress: mailingAddress(ids, p.country, p),
  };
  return { record, lastActivity: latest(createdAt, emailChangedAt, smsChangedAt) };
}

const SPENDING_STATUSES = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);

/** Amount actually received and kept: paid orders minus their refunds, in the shop currency. */
function amountSpentCents(orders: readonly OrderRecord[]): number {
  return orders
    .filter((o) => SPENDING_STATUSES.has(o.displayFinancialStatus) && o.cancelledAt === null)
    .reduce((sum, o) => sum + parseAmountToCents(o.totalPriceSet.shopMoney.amount) - parseAmountToCents(o.totalRefundedSet.shopMoney.amount), 0);
}

export function finishCustomer(draft: CustomerDraft, orders: readonly OrderRecord[]): CustomerRecord {
  const c = draft.record;
  const spent = amountSpentCents(orders);
  c.amountSpent = { amount: formatCents(spent), currencyCode: SHOP_CURRENCY };
  const tags = new Set<string>();
  if (orders.length >= 4 || spent >= 20000) tags.add("VIP");
  if (orders.length >= 2) tags.add("repeat");
  const firstOrder = orders[0];
  const signedUpEarly = firstOrder !== undefined && Date.parse(firstOrder.createdAt) - Date.parse(c.createdAt) > DAY;
  if (signedUpEarly && c.defaultEmailAddress.marketingState === "SUBSCRIBED") tags.add("newsletter");
  c.tags = [...tags].sort((a, b) => a.localeCompare(b));
  c.updatedAt = iso(latest(draft.lastActivity, ...orders.map((o) => Date.parse(o.createdAt))));
  return c;
}
