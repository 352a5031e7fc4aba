/** @jsxImportSource preact */
// The block's view: a pure function of the metafield values (care-values.ts) and the buyer's
// language, so tests render it to a string. Renders nothing when there is nothing to show.
import type { CareValues, DiscountCard, LoyaltyProgress } from "./care-values";
import { Button, ClipboardItem, Heading, Paragraph, Progress, Section, Stack, Text } from "./elements";

/** The part of the extension's i18n API the view uses (translations live in ../locales). */
export type CareI18n = {
  translate: (key: string, options?: Record<string, string | number>) => string;
  formatDate: (date: Date) => string;
};

/** Where the block is shown: on the thank-you page this order is not counted for loyalty yet. */
export type CarePage = "thank_you" | "order_status";

export const DISCOUNT_CODE_ID = "aftercare-discount-code";

export function CareView({ values, i18n, page }: { values: CareValues; i18n: CareI18n; page: CarePage }) {
  const { gift, discountCard, loyalty } = values;
  if (!gift && !discountCard && !loyalty) return null;
  return (
    <Section heading={i18n.translate("heading")}>
      <Stack gap="large">
        {gift && (
          <Stack gap="small-200">
            <Heading>{i18n.translate("gift.title")}</Heading>
            <Paragraph>{gift.description}</Paragraph>
          </Stack>
        )}
        {discountCard && <DiscountCardView card={discountCard} i18n={i18n} />}
        {loyalty && <LoyaltyView loyalty={loyalty} i18n={i18n} page={page} />}
      </Stack>
    </Section>
  );
}

function DiscountCardView({ card, i18n }: { card: DiscountCard; i18n: CareI18n }) {
  return (
    <Stack gap="small-200">
      <Heading>{i18n.translate("discount.title")}</Heading>
      <Paragraph>{i18n.translate("discount.body", { percent: card.percent, date: i18n.formatDate(card.expiresAt) })}</Paragraph>
      <Stack direction="inline" gap="base" alignItems="center">
        <Text type="strong">{card.code}</Text>
        <ClipboardItem id={DISCOUNT_CODE_ID} text={card.code} />
        <Button variant="secondary" command="--copy" commandFor={DISCOUNT_CODE_ID}>
          {i18n.translate("discount.copy")}
        </Button>
      </Stack>
    </Stack>
  );
}

function LoyaltyView({ loyalty, i18n, page }: { loyalty: LoyaltyProgress; i18n: CareI18n; page: CarePage }) {
  const { tier, percent, paidOrders, nextTier, nextPercent, ordersToNext } = loyalty;
  const toNext = nextTier === null ? null : nextTierWords(nextTier, nextPercent, ordersToNext, i18n);
  return (
    <Stack gap="small-200">
      <Heading>{i18n.translate("loyalty.title")}</Heading>
      <Paragraph>{tier === null ? i18n.translate("loyalty.no_tier") : i18n.translate("loyalty.tier", { tier, percent })}</Paragraph>
      {toNext !== null && <Paragraph>{toNext}</Paragraph>}
      {nextTier !== null && ordersToNext !== null && ordersToNext > 0 && (
        <Progress value={paidOrders} max={paidOrders + ordersToNext} accessibilityLabel={i18n.translate("loyalty.progress_label")} />
      )}
      {nextTier === null && tier !== null && <Paragraph>{i18n.translate("loyalty.top_tier")}</Paragraph>}
      {page === "thank_you" && (
        <Text color="subdued" type="small">
          {i18n.translate("loyalty.pending_order")}
        </Text>
      )}
    </Stack>
  );
}

function nextTierWords(nextTier: string, nextPercent: number | null, ordersToNext: number | null, i18n: CareI18n): string {
  const words =
    ordersToNext !== null && ordersToNext > 0
      ? i18n.translate("loyalty.orders_to_next", { count: ordersToNext, tier: nextTier })
      : i18n.translate("loyalty.next_tier", { tier: nextTier });
  return nextPercent !== null && nextPercent > 0 ? `${words} ${i18n.translate("loyalty.next_discount", { percent: nextPercent })}` : words;
}
