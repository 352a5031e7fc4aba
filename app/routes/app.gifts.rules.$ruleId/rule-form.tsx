// The gift rule form: when the gift is given (trigger), what it is, its limits (stock, monthly
// budget, cost of one), and a preview of the recent orders it would have gone to. The server's
// checks speak the merchant's language; a refused save keeps what was typed.
import { useEffect, useRef, useState } from "react";
import { Form, Link, useFetcher, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Layout, List, Page, Select, Text, TextField } from "@shopify/polaris";
import { showToast } from "../app.messages.$messageId/resend-button";
import { GIFT_CHOICES, TRIGGER_CHOICES } from "../app.gifts._index/gift-words";
import type { RuleActionResult, RulePage } from "./rule-page.server";
import { DELETE_INTENT, PREVIEW_INTENT, RULE_FIELDS, SAVE_INTENT, type RuleEntries, type RuleField } from "./rule-fields";

type FieldErrors = Partial<Record<RuleField, string>>;

export function RuleForm({ page, result }: { page: RulePage; result: RuleActionResult | undefined }) {
  const navigate = useNavigate();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const refused = result?.intent === SAVE_INTENT && !result.ok ? result : undefined;
  const [values, setValues] = useState<RuleEntries>(() => refused?.values ?? page.entries);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const errors: FieldErrors = refused?.errors ?? {};
  const set = (field: RuleField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const check = (field: RuleField) => (checked: boolean) => setValues((current) => ({ ...current, [field]: checked ? "on" : "" }));
  const busy = navigation.state !== "idle";
  const sending = navigation.formData?.get("intent");

  useEffect(() => {
    if (result?.ok && (result.intent === SAVE_INTENT || result.intent === DELETE_INTENT)) {
      showToast(result.message);
      navigate(result.redirectTo);
    }
  }, [result, navigate]);

  return (
    <Page
      backAction={{ content: "Gifts & loyalty", url: "/app/gifts" }}
      title={page.isNew ? "New gift rule" : page.name}
      primaryAction={{ content: "Save", loading: busy && sending === SAVE_INTENT, onAction: () => formRef.current?.requestSubmit() }}
    >
      <Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="intent" value={SAVE_INTENT} />
        {RULE_FIELDS.map((field) => (
          <input key={field} type="hidden" name={field} value={values[field]} />
        ))}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {refused && (
                <Banner tone="critical" title="The rule was not saved">
                  <p>Check the fields marked below.</p>
                </Banner>
              )}
              <Card>
                <BlockStack gap="300">
                  <TextField label="Rule name" value={values.name} onChange={set("name")} error={errors.name ?? errors.id} autoComplete="off" helpText="For you only, such as “Pen for first orders”." />
                  <Checkbox label="On: give this gift to new orders that meet the rule" checked={values.active === "on"} onChange={check("active")} />
                </BlockStack>
              </Card>
              <TriggerCard values={values} errors={errors} set={set} currency={page.currency} />
              <GiftCard values={values} errors={errors} set={set} check={check} />
              <LimitsCard values={values} errors={errors} set={set} currency={page.currency} />
              <PreviewCard ruleId={page.ruleId} values={values} days={page.previewDays} />
              <InlineStack align="space-between" blockAlign="center">
                <InlineStack gap="200" blockAlign="center">
                  {!page.isNew &&
                    (confirmDelete ? (
                      <>
                        <Text as="span">Delete “{page.name}”? The gifts it gave stay in the history.</Text>
                        <Button tone="critical" variant="primary" loading={busy && sending === DELETE_INTENT} onClick={() => submit({ intent: DELETE_INTENT }, { method: "post" })}>
                          Delete
                        </Button>
                        <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
                      </>
                    ) : (
                      <Button tone="critical" onClick={() => setConfirmDelete(true)}>
                        Delete rule
                      </Button>
                    ))}
                </InlineStack>
                <Button variant="primary" submit loading={busy && sending === SAVE_INTENT}>
                  Save
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

type CardProps = { values: RuleEntries; errors: FieldErrors; set: (field: RuleField) => (value: string) => void };

function TriggerCard({ values, errors, set, currency }: CardProps & { currency: string }) {
  const [products, chooseProducts] = usePicker("product");
  return (
    <Card>
      <BlockStack gap="300">
        <Select label="When is the gift given?" options={TRIGGER_CHOICES} value={values.triggerKind} onChange={set("triggerKind")} error={errors.triggerKind} />
        {values.triggerKind === "first_order" && (
          <Text as="p" tone="subdued">
            With a customer’s first paid order.
          </Text>
        )}
        {values.triggerKind === "every_nth_order" && (
          <TextField
            label="Every how many orders"
            type="number"
            min={1}
            value={values.triggerN}
            onChange={set("triggerN")}
            error={errors.triggerN}
            helpText="3 gives the gift with a customer’s 3rd, 6th, 9th … paid order."
            autoComplete="off"
          />
        )}
        {values.triggerKind === "order_value_above" && (
          <TextField
            label="Order total above"
            inputMode="decimal"
            suffix={currency}
            value={values.triggerAmount}
            onChange={set("triggerAmount")}
            error={errors.triggerAmount}
            helpText="Orders whose total is more than this, such as 50 or 49.99."
            autoComplete="off"
          />
        )}
        {values.triggerKind === "customer_tagged" && (
          <TextField label="Customer tag" value={values.triggerTag} onChange={set("triggerTag")} error={errors.triggerTag} helpText="One tag, such as VIP (capitals don’t matter)." autoComplete="off" />
        )}
        {values.triggerKind === "products_bought" && (
          <BlockStack gap="200">
            <TextField
              label="Products"
              multiline={2}
              value={values.triggerProductIds}
              onChange={set("triggerProductIds")}
              error={errors.triggerProductIds}
              helpText="The gift comes with orders holding at least one of them: product IDs, separated by commas."
              autoComplete="off"
            />
            {products && (
              <InlineStack>
                <Button onClick={() => chooseProducts(values.triggerProductIds, true).then((ids) => ids && set("triggerProductIds")(ids.join(", ")))}>Choose products</Button>
              </InlineStack>
            )}
          </BlockStack>
        )}
        {values.triggerKind === "late_order_apology" && (
          <Text as="p" tone="subdued">
            When Aftercare apologises to a customer for a late order (from the order’s Care status).
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function GiftCard({ values, errors, set, check }: CardProps & { check: (field: RuleField) => (checked: boolean) => void }) {
  const [variants, chooseVariant] = usePicker("variant");
  return (
    <Card>
      <BlockStack gap="300">
        <Select label="What is the gift?" options={GIFT_CHOICES} value={values.giftKind} onChange={set("giftKind")} error={errors.giftKind} />
        {values.giftKind === "packer_instruction" && (
          <TextField
            label="What the packer puts in the parcel"
            value={values.giftText}
            onChange={set("giftText")}
            error={errors.giftText}
            placeholder="A branded pen and our catalog"
            helpText="Written in the order’s note and the order tagged aftercare-gift, so your packers can find it."
            autoComplete="off"
          />
        )}
        {values.giftKind === "add_product" && (
          <BlockStack gap="200">
            <TextField
              label="Product variant"
              value={values.giftVariantId}
              onChange={set("giftVariantId")}
              error={errors.giftVariantId}
              helpText="Added to the order free of charge, while nothing of it is shipped yet: the variant’s ID."
              autoComplete="off"
            />
            {variants && (
              <InlineStack>
                <Button onClick={() => chooseVariant(values.giftVariantId, false).then((ids) => ids?.[0] && set("giftVariantId")(ids[0]))}>Choose variant</Button>
              </InlineStack>
            )}
            <Checkbox label="Tell the customer their order changed" checked={values.giftNotify === "on"} onChange={check("giftNotify")} />
          </BlockStack>
        )}
        {values.giftKind === "discount_card" && (
          <BlockStack gap="200">
            <InlineStack gap="300" wrap>
              <TextField label="Discount" type="number" min={1} max={100} suffix="%" value={values.giftPercent} onChange={set("giftPercent")} error={errors.giftPercent} autoComplete="off" />
              <TextField label="Valid for" type="number" min={1} max={365} suffix="days" value={values.giftValidDays} onChange={set("giftValidDays")} error={errors.giftValidDays} autoComplete="off" />
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued">
              A code for this customer only, usable once on their next order, sent in a thank-you message and shown on their order
              status page.
            </Text>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function LimitsCard({ values, errors, set, currency }: CardProps & { currency: string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          Limits
        </Text>
        <InlineStack gap="300" wrap>
          <TextField
            label="Gifts in stock"
            type="number"
            min={0}
            value={values.stock}
            onChange={set("stock")}
            error={errors.stock}
            helpText="Each gift given takes one off. Empty: no limit."
            autoComplete="off"
          />
          <TextField
            label="Monthly budget"
            inputMode="decimal"
            suffix={currency}
            value={values.monthlyBudget}
            onChange={set("monthlyBudget")}
            error={errors.monthlyBudget}
            helpText="No gift once the month’s cost would pass it. Empty: no limit."
            autoComplete="off"
          />
          <TextField
            label="Cost of one gift"
            inputMode="decimal"
            suffix={currency}
            value={values.unitCost}
            onChange={set("unitCost")}
            error={errors.unitCost}
            helpText="What one gift costs you, counted against the budget."
            autoComplete="off"
          />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/** Which recent orders the rule, as typed (saved or not), would have given its gift to. */
function PreviewCard({ ruleId, values, days }: { ruleId: string; values: RuleEntries; days: number }) {
  const fetcher = useFetcher<RuleActionResult>({ key: `gift-rule-preview-${ruleId}` });
  const preview = fetcher.state === "idle" && fetcher.data?.intent === PREVIEW_INTENT ? fetcher.data : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="100">
            <Text as="h2" variant="headingSm">
              Preview
            </Text>
            <Text as="p" tone="subdued">
              The orders of the last {days} days this rule would have given its gift to, stock and budget aside.
            </Text>
          </BlockStack>
          <Button loading={fetcher.state !== "idle"} onClick={() => fetcher.submit({ ...values, intent: PREVIEW_INTENT }, { method: "post" })}>
            Preview
          </Button>
        </InlineStack>
        {preview && !preview.ok && (
          <Banner tone="warning" title="No preview for this rule yet">
            <List>
              {Object.entries(preview.errors).map(([field, message]) => (
                <List.Item key={field}>{message}</List.Item>
              ))}
            </List>
          </Banner>
        )}
        {preview?.ok &&
          (preview.matches.length === 0 ? (
            <Text as="p">No order of the last {preview.days} days would have got this gift.</Text>
          ) : (
            <BlockStack gap="200">
              <Text as="p" fontWeight="semibold">
                {preview.matches.length} {preview.matches.length === 1 ? "order" : "orders"} would have got this gift:
              </Text>
              <List>
                {preview.matches.map((match) => (
                  <List.Item key={match.orderId}>
                    <Link to={match.href}>{match.name}</Link>, {match.placed}: {match.reasonWords}
                  </List.Item>
                ))}
              </List>
            </BlockStack>
          ))}
      </BlockStack>
    </Card>
  );
}

/**
 * Shopify's resource picker, inside the Shopify admin only (App Bridge; not in demo mode). The
 * first value says whether it can be offered — known after the page is in the browser, so the
 * server's page and the first render agree.
 */
function usePicker(type: "product" | "variant"): [boolean, (current: string, multiple: boolean) => Promise<string[] | null>] {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    setAvailable(typeof window !== "undefined" && "shopify" in window && typeof window.shopify?.resourcePicker === "function");
  }, []);
  const choose = async (current: string, multiple: boolean) => {
    const resource = type === "product" ? "Product" : "ProductVariant";
    const selectionIds = current
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((id) => ({ id: id.startsWith("gid://") ? id : `gid://shopify/${resource}/${id}` }));
    const picked = await window.shopify.resourcePicker({ type, action: "select", multiple, selectionIds });
    return picked ? picked.map((item) => item.id) : null;
  };
  return [available, choose];
}
