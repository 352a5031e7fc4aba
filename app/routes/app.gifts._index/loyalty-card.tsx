// The loyalty settings: on or off, the tiers (each with its members), and the period orders are
// counted over. The tiers are edited as rows and sent as the lines the service reads
// ("name | min paid orders | min spend | percent").
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, InlineError, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { showToast } from "../app.messages.$messageId/resend-button";
import type { GiftsPage, SaveLoyaltyResult } from "./gifts-page.server";
import { SAVE_LOYALTY_INTENT } from "./intents";

type Loyalty = GiftsPage["loyalty"];
type TierRow = { key: number; name: string; minPaidOrders: string; minSpend: string; percent: string; members: number | null };

/** The service's tier lines from the rows (rows left entirely empty are dropped). */
export function tierLines(rows: readonly Omit<TierRow, "key" | "members">[]): string {
  return rows
    .filter((row) => [row.name, row.minPaidOrders, row.minSpend, row.percent].some((value) => value.trim() !== ""))
    .map((row) => [row.name, row.minPaidOrders, row.minSpend, row.percent].map((value) => value.trim()).join(" | "))
    .join("\n");
}

let nextKey = 0;

export function LoyaltyCard({ loyalty, currency }: { loyalty: Loyalty; currency: string }) {
  const fetcher = useFetcher<SaveLoyaltyResult>({ key: "loyalty-settings" });
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const [enabled, setEnabled] = useState(loyalty.enabled);
  const [periodDays, setPeriodDays] = useState(loyalty.periodDays === null ? "" : String(loyalty.periodDays));
  const [rows, setRows] = useState<TierRow[]>(() =>
    loyalty.tiers.map((tier) => ({
      key: nextKey++,
      name: tier.name,
      minPaidOrders: tier.minPaidOrders === null ? "" : String(tier.minPaidOrders),
      minSpend: tier.minSpend ?? "",
      percent: String(tier.percent),
      members: tier.members,
    })),
  );
  useEffect(() => {
    if (result?.ok) showToast(result.message);
  }, [result]);

  const update = (key: number, field: "name" | "minPaidOrders" | "minSpend" | "percent", value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  return (
    <Card>
      <fetcher.Form method="post" noValidate>
        <input type="hidden" name="intent" value={SAVE_LOYALTY_INTENT} />
        <input type="hidden" name="enabled" value={enabled ? "on" : ""} />
        <input type="hidden" name="tiers" value={tierLines(rows)} />
        <input type="hidden" name="periodDays" value={periodDays} />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Loyalty
            </Text>
            <Text as="p" tone="subdued">
              Returning customers get their tier’s discount at checkout, automatically. Their tier shows in your theme (the Loyalty
              status block) and on the thank-you and order status pages.
            </Text>
          </BlockStack>
          {result && !result.ok && (
            <Banner tone="critical">
              <p>{errors.enabled ?? result.message}</p>
            </Banner>
          )}
          <Checkbox label="Give loyalty discounts" helpText="Turning it off stops the discount; your customers keep their tier." checked={enabled} onChange={setEnabled} />
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Tiers
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              A tier is reached with at least the paid orders and at least the spend it asks for (leave one empty to ignore it). The
              highest discount reached applies.
            </Text>
            {rows.map((row, index) => (
              <InlineGrid key={row.key} columns={{ xs: 1, md: "2fr 1fr 1fr 1fr auto" }} gap="200" alignItems="end">
                <TextField label="Tier name" labelHidden={index > 0} value={row.name} onChange={(value) => update(row.key, "name", value)} autoComplete="off" />
                <TextField
                  label="Paid orders"
                  labelHidden={index > 0}
                  type="number"
                  min={1}
                  value={row.minPaidOrders}
                  onChange={(value) => update(row.key, "minPaidOrders", value)}
                  autoComplete="off"
                />
                <TextField
                  label={`Spend (${currency})`}
                  labelHidden={index > 0}
                  inputMode="decimal"
                  value={row.minSpend}
                  onChange={(value) => update(row.key, "minSpend", value)}
                  autoComplete="off"
                />
                <TextField label="Discount" labelHidden={index > 0} type="number" min={1} max={100} suffix="%" value={row.percent} onChange={(value) => update(row.key, "percent", value)} autoComplete="off" />
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Box minWidth="6rem">
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.members === null ? "New tier" : `${row.members} ${row.members === 1 ? "member" : "members"}`}
                    </Text>
                  </Box>
                  <Button variant="tertiary" accessibilityLabel={`Remove ${row.name || "this tier"}`} onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                    Remove
                  </Button>
                </InlineStack>
              </InlineGrid>
            ))}
            {errors.tiers && <InlineError message={errors.tiers} fieldID="loyalty-tiers" />}
            <InlineStack>
              <Button
                onClick={() => setRows((current) => [...current, { key: nextKey++, name: "", minPaidOrders: "", minSpend: "", percent: "", members: null }])}
                disabled={rows.length >= 10}
              >
                Add tier
              </Button>
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued">
              {loyalty.withoutTier} {loyalty.withoutTier === 1 ? "customer has" : "customers have"} no tier yet
              {loyalty.otherMembers > 0 ? `; ${loyalty.otherMembers} still in tiers you renamed or removed, until their tier is worked out again` : ""}.
            </Text>
          </BlockStack>
          <Box maxWidth="20rem">
            <TextField
              label="Count orders from the last"
              type="number"
              min={1}
              suffix="days"
              value={periodDays}
              onChange={setPeriodDays}
              helpText="Leave empty to count every order ever paid."
              error={errors.periodDays}
              autoComplete="off"
            />
          </Box>
          <InlineStack align="end">
            <Button variant="primary" submit loading={fetcher.state !== "idle"}>
              Save loyalty
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
