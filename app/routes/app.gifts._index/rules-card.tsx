// The gift rules: what starts each one, what it gives, whether it is on, and this month's gifts,
// cost against the budget, and stock left. The switch posts through its own fetcher.
import { useEffect } from "react";
import { Link, useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, Checkbox, EmptyState, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { showToast } from "../app.messages.$messageId/resend-button";
import type { GiftsPage, ToggleRuleResult } from "./gifts-page.server";
import { TOGGLE_RULE_INTENT } from "./intents";

type Rule = GiftsPage["rules"][number];

export function RulesCard({ rules, thisMonth }: { rules: Rule[]; thisMonth: string }) {
  if (rules.length === 0) {
    return (
      <Card>
        <EmptyState heading="Thank your customers with a gift" image="/empty-state.svg" action={{ content: "New rule", url: "/app/gifts/rules/new" }}>
          <p>
            A rule gives a gift when an order meets it: a customer’s first order, every 3rd order, an order above an amount. The
            gift can be a note for your packer (“put a pen and a catalog in”), a free product added to the order, or a discount code
            for the next one.
          </p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <Box padding="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Gift rules
          </Text>
          <Text as="span" tone="subdued">
            Gifts and cost in {thisMonth}
          </Text>
        </InlineStack>
      </Box>
      <IndexTable
        resourceName={{ singular: "gift rule", plural: "gift rules" }}
        itemCount={rules.length}
        selectable={false}
        headings={[
          { title: "Rule" },
          { title: "When" },
          { title: "Gift" },
          { title: "On" },
          { title: "Given", alignment: "end" },
          { title: "Cost / budget", alignment: "end" },
          { title: "Stock left", alignment: "end" },
        ]}
      >
        {rules.map((rule, index) => (
          <IndexTable.Row id={rule.id} key={rule.id} position={index}>
            <IndexTable.Cell>
              <Link to={rule.href}>
                <Text as="span" fontWeight="semibold">
                  {rule.name}
                </Text>
              </Link>
            </IndexTable.Cell>
            <IndexTable.Cell>{rule.triggerWords}</IndexTable.Cell>
            <IndexTable.Cell>
              <Box maxWidth="20rem">
                <Text as="span" breakWord>
                  {rule.giftWords}
                </Text>
              </Box>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <ActiveSwitch rule={rule} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {rule.givenThisMonth}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BudgetCell rule={rule} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {rule.stockLeft === null ? "No limit" : rule.stockLeft === 0 ? <Badge tone="critical">Out of stock</Badge> : rule.stockLeft}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

function BudgetCell({ rule }: { rule: Rule }) {
  const tone = rule.budgetUse === "over" ? "critical" : rule.budgetUse === "near" ? "caution" : undefined;
  return (
    <BlockStack inlineAlign="end">
      <Text as="span" numeric tone={tone}>
        {rule.budget === null ? rule.costThisMonth : `${rule.costThisMonth} of ${rule.budget}`}
      </Text>
      {rule.budgetUse === "over" && (
        <Text as="span" variant="bodySm" tone="critical">
          Budget reached: no more gifts this month
        </Text>
      )}
    </BlockStack>
  );
}

/** The rule's on/off switch; it shows the answer as a toast, and next to it when refused. */
function ActiveSwitch({ rule }: { rule: Rule }) {
  const fetcher = useFetcher<ToggleRuleResult>({ key: `gift-rule-active-${rule.id}` });
  const pending = fetcher.formData ? fetcher.formData.get("active") === "on" : null;
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (result) showToast(result.message, !result.ok);
  }, [result]);
  const checked = pending ?? rule.active;
  return (
    <BlockStack gap="100">
      <Checkbox
        label={`${rule.name} is on`}
        labelHidden
        checked={checked}
        disabled={fetcher.state !== "idle"}
        onChange={(value) => fetcher.submit({ intent: TOGGLE_RULE_INTENT, ruleId: rule.id, active: value ? "on" : "" }, { method: "post" })}
      />
      {result && !result.ok && (
        <Text as="span" variant="bodySm" tone="critical">
          {result.message}
        </Text>
      )}
    </BlockStack>
  );
}
