// The watch settings form: one section per subject, every field as text the merchant edits.
// What is typed stays on screen until it is saved; a refused save marks the fields at fault.
import { useEffect, useState, type ReactNode } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { CHECKED, WEEKDAYS, formatBusinessTime, type WatchFormField, type WatchFormValues } from "~/watch/watch-settings-form";
import type { WatchSettingsSaveResult } from "./watch-settings-page.server";
import { showToast } from "../app.messages.$messageId/resend-button";

type Props = { values: WatchFormValues; saved: boolean; timeZones: string[] };

export function WatchSettingsForm({ values: initial, saved, timeZones }: Props) {
  const fetcher = useFetcher<WatchSettingsSaveResult>({ key: "watch-settings" });
  const [values, setValues] = useState<WatchFormValues>(initial);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors: Partial<Record<WatchFormField | "form", string>> = result && !result.ok ? (result.errors ?? {}) : {};

  useEffect(() => {
    if (result) showToast(result.message, !result.ok);
  }, [result]);

  const text = (field: WatchFormField) => ({
    value: values[field],
    onChange: (value: string) => setValues((current) => ({ ...current, [field]: value })),
    error: errors[field],
    autoComplete: "off",
  });
  const box = (field: WatchFormField) => ({
    checked: values[field] === CHECKED,
    onChange: (checked: boolean) => setValues((current) => ({ ...current, [field]: checked ? CHECKED : "" })),
    error: errors[field],
  });
  const minutes = (hours: WatchFormField, rest: WatchFormField) => Number(values[hours]) * 60 + Number(values[rest]);
  const confirmWithin = minutes("confirmHours", "confirmMinutes");
  const atRisk = minutes("atRiskHours", "atRiskMinutes");

  const save = () => {
    // As a browser posts a form: unticked boxes are not sent.
    const posted = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
    fetcher.submit(posted, { method: "post" });
  };

  return (
    <Layout>
      {!saved && (
        <Layout.Section>
          <Banner tone="info" title="These are the defaults">
            <p>Nothing is saved yet: orders are watched with these settings, taken from your shop’s time zone and country. Adjust and save them.</p>
          </Banner>
        </Layout.Section>
      )}
      {result && (!result.ok || errors.form) && (
        <Layout.Section>
          <Banner tone="critical" title={result.message}>
            {errors.form && <p>{errors.form}</p>}
          </Banner>
        </Layout.Section>
      )}

      <Section title="Business hours" description="When your team works. Delays in business hours or days count only these; dates are in your shop’s time zone.">
        <Select label="Time zone" options={timeZones.map((zone) => ({ label: zone.replaceAll("_", " "), value: zone }))} {...text("timeZone")} />
        <BlockStack gap="100">
          <Text as="p">Working days</Text>
          <InlineStack gap="300">
            {WEEKDAYS.map(({ field, label }) => (
              <Checkbox key={field} label={label} {...box(field)} error={undefined} />
            ))}
          </InlineStack>
          {errors.day1 && (
            <Text as="p" tone="critical">
              {errors.day1}
            </Text>
          )}
        </BlockStack>
        <FormLayout.Group condensed>
          <TextField label="Opens at" placeholder="09:00" {...text("opensAt")} />
          <TextField label="Closes at" placeholder="17:00" {...text("closesAt")} />
          <TextField label="Order cut-off" placeholder="14:00" helpText="Orders after it count from the next working day. Empty: none." {...text("cutoffAt")} />
        </FormLayout.Group>
        <TextField label="Holidays" helpText="Days you are closed, one date a line: 2026-12-25" multiline={3} {...text("holidays")} />
      </Section>

      <Section title="Confirmation" description="Orders to confirm with the customer (usually by phone) before they are dispatched. An order is flagged “Not confirmed” when it is not confirmed in time.">
        <BlockStack gap="100">
          <Text as="p">Confirm</Text>
          <Checkbox label="Every order" {...box("confirmAll")} />
          <Checkbox label="Cash-on-delivery orders" {...box("confirmCashOnDelivery")} />
          <Checkbox label="A customer’s first order" {...box("confirmFirstOrders")} />
          <InlineStack gap="200" blockAlign="center">
            <Checkbox label="Orders above" {...box("confirmAboveAmount")} />
            <Box maxWidth="10rem">
              <TextField label="Amount" labelHidden inputMode="decimal" placeholder="150.00" {...text("confirmAmount")} disabled={values.confirmAboveAmount !== CHECKED} />
            </Box>
          </InlineStack>
          <InlineStack gap="200" blockAlign="center">
            <Checkbox label="Orders tagged" {...box("confirmTagged")} />
            <Box maxWidth="14rem">
              <TextField label="Tag" labelHidden placeholder="call-first" {...text("confirmTag")} disabled={values.confirmTagged !== CHECKED} />
            </Box>
          </InlineStack>
        </BlockStack>
        <FormLayout.Group condensed>
          <TextField label="Within (hours)" type="number" min={0} {...text("confirmHours")} />
          <TextField label="and minutes" type="number" min={0} max={59} {...text("confirmMinutes")} />
        </FormLayout.Group>
        <Text as="p" tone="subdued">
          {Number.isFinite(confirmWithin) ? `Flagged after ${formatBusinessTime(confirmWithin)} of business time without confirmation.` : ""}
        </Text>
      </Section>

      <Section title="Dispatch" description="How soon an order leaves once it is ready (placed, paid, and confirmed when it must be).">
        <TextField label="Dispatch within (business days)" type="number" min={1} {...text("dispatchDays")} />
        <TextField
          label="Other delays by shipping method"
          helpText="One a line, the method’s title as customers see it at checkout: Express = 1"
          multiline={3}
          {...text("dispatchByMethod")}
        />
        <TextField
          label="Warn before dispatch is due (hours)"
          type="number"
          min={0}
          helpText={Number.isFinite(atRisk) && atRisk > 0 ? `Flagged “Dispatch due soon” ${formatBusinessTime(atRisk)} of business time before.` : "0 hours and 0 minutes: no warning."}
          {...text("atRiskHours")}
        />
        <TextField label="and minutes" type="number" min={0} max={59} {...text("atRiskMinutes")} />
      </Section>

      <Section title="Delivery" description="Calendar days from dispatch to delivery, by where the parcel goes. A parcel the carrier still expects on time is not late.">
        <TextField label="Your country" helpText="Two-letter code. Deliveries there are domestic." placeholder="FR" {...text("shopCountry")} />
        <TextField label="Your region" helpText="Two-letter codes, separated by commas (the EU by default)." multiline={2} {...text("regionCountries")} />
        <FormLayout.Group condensed>
          <TextField label="Domestic (days)" type="number" min={0} {...text("deliveryDomestic")} />
          <TextField label="Region (days)" type="number" min={0} {...text("deliveryRegion")} />
          <TextField label="Elsewhere (days)" type="number" min={0} {...text("deliveryInternational")} />
        </FormLayout.Group>
        <InlineStack gap="200" blockAlign="center">
          <Checkbox label="Flag a parcel stalled in transit after" {...box("stalledOn")} />
          <Box maxWidth="6rem">
            <TextField label="Days" labelHidden type="number" min={1} {...text("stalledAfterDays")} disabled={values.stalledOn !== CHECKED} />
          </Box>
          <Text as="span">days without news from the carrier</Text>
        </InlineStack>
        <Checkbox label="Flag parcels dispatched without a tracking number" {...box("flagNoTracking")} />
      </Section>

      <Section title="In Shopify" description="How flags show on the orders in Shopify, for your team and for Shopify Flow.">
        <Checkbox label="Tag flagged orders in Shopify" helpText="Tags are added while a flag is open and removed when it clears." {...box("mirrorToShopify")} />
        <TextField label="Tag prefix" helpText={`Tags look like ${values.tagPrefix || "aftercare:"}late-dispatch.`} {...text("tagPrefix")} disabled={values.mirrorToShopify !== CHECKED} />
        <Checkbox label="Hold fulfilment until the order is confirmed" helpText="Orders that need confirming cannot be fulfilled before." {...box("holdUntilConfirmed")} />
      </Section>

      <Layout.Section>
        <InlineStack align="end">
          <Button variant="primary" onClick={save} loading={fetcher.state !== "idle"}>
            Save
          </Button>
        </InlineStack>
      </Layout.Section>
    </Layout>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <FormLayout>{children}</FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}
