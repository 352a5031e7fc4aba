// The return settings, one form: the policy (window, final-sale tags, and per reason who pays
// the postage, whether it is approved on its own and what goodwill the shopper gets), where
// parcels go back to, and how labels are made. Field errors from the server are shown on their
// fields; what was typed stays until it is saved. The EasyPost key is write-only.
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, ChoiceList, Divider, FormLayout, InlineGrid, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { GOODWILL_KINDS, MAX_WINDOW_DAYS } from "~/returns/return-policy";
import { GOODWILL_NAMES, LABEL_PROVIDER_NAMES, type LabelProvider } from "~/returns/return-labels";
import { showToast } from "../app.messages.$messageId/resend-button";
import type { AddressField, ReturnSettingsPageView, ReturnSettingsResult } from "./return-settings-page.server";

const GOODWILL_CHOICES = GOODWILL_KINDS.map((kind) => ({ value: kind, label: kind === "discount_code" ? "Discount code on the next order" : GOODWILL_NAMES[kind] }));
const PROVIDER_CHOICES = (Object.keys(LABEL_PROVIDER_NAMES) as LabelProvider[]).map((value) => ({ value, label: LABEL_PROVIDER_NAMES[value] }));

export function ReturnSettingsForm({ page }: { page: ReturnSettingsPageView }) {
  const fetcher = useFetcher<ReturnSettingsResult>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.errors : {};
  const [values, setValues] = useState(page.values);
  const [easypostKey, setEasypostKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  // Ticked, the address fields show the contact address and are not sent: none is stored.
  const [sameAsContact, setSameAsContact] = useState(page.usesContactAddress && page.hasContactAddress);

  // Saved: the form shows what is stored now, and the key field is emptied (never shown again).
  const savedValues = JSON.stringify(page.values);
  useEffect(() => {
    setValues(JSON.parse(savedValues) as Record<string, string>);
  }, [savedValues]);
  useEffect(() => {
    setSameAsContact(page.usesContactAddress && page.hasContactAddress);
  }, [page.usesContactAddress, page.hasContactAddress]);
  useEffect(() => {
    if (result?.ok) {
      setEasypostKey("");
      setRemoveKey(false);
      showToast(result.message);
    }
  }, [result]);

  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const field = (name: string) => ({ name, value: values[name] ?? "", onChange: (value: string) => set(name, value), error: errors[name], autoComplete: "off" });
  const ticked = (name: string) => values[name] === "on";
  const provider = (values.labelProvider ?? page.labelProvider) as LabelProvider;
  const address = (name: AddressField) => ({ ...field(`returnAddress.${name}`), ...(sameAsContact ? { value: page.contactAddress[name], disabled: true } : {}) });

  return (
    // The server's checks speak the merchant's language; the browser's own are turned off.
    <fetcher.Form method="post" noValidate>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>
              <p>{result.message}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection
          id="window"
          title="Return window"
          description="How long shoppers have to start a return, counted from delivery (or from dispatch when the carrier gives no delivery date), and which products are final sale."
        >
          <Card>
            <FormLayout>
              <TextField label="Days to start a return" type="number" min={1} max={MAX_WINDOW_DAYS} suffix="days" {...field("windowDays")} />
              <TextField
                label="Final-sale product tags"
                helpText="Products with any of these tags cannot be returned. Separate tags with commas, for example final-sale, gift card."
                {...field("excludedProductTags")}
              />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="reasons"
          title="Policy by reason"
          description="A wrong, damaged, faulty or misdescribed item is your shop’s mistake: most shops pay the postage, approve at once and add a goodwill gesture. For other reasons you decide."
        >
          <Card>
            <BlockStack gap="400">
              {page.reasons.map((row, index) => (
                <BlockStack key={row.reason} gap="300">
                  {index > 0 && <Divider />}
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h3" variant="headingSm">
                      {row.name}
                    </Text>
                    {row.shopFault && <Badge tone="critical">Shop’s fault</Badge>}
                  </InlineStack>
                  <InlineGrid columns={{ xs: 1, sm: 2 }} gap="200">
                    <Checkbox
                      label="You pay the return postage"
                      helpText="A prepaid label is sent to the shopper."
                      name={`${row.reason}.shopPays`}
                      value="on"
                      checked={ticked(`${row.reason}.shopPays`)}
                      onChange={(checked) => set(`${row.reason}.shopPays`, checked ? "on" : "")}
                    />
                    <Checkbox
                      label="Approve automatically"
                      helpText="Otherwise the request waits for you."
                      name={`${row.reason}.autoApprove`}
                      value="on"
                      checked={ticked(`${row.reason}.autoApprove`)}
                      onChange={(checked) => set(`${row.reason}.autoApprove`, checked ? "on" : "")}
                    />
                  </InlineGrid>
                  <InlineGrid columns={{ xs: 1, sm: 2 }} gap="200">
                    <Select label="Goodwill" options={GOODWILL_CHOICES} {...field(`${row.reason}.goodwill`)} />
                    {values[`${row.reason}.goodwill`] === "discount_code" ? (
                      <TextField label="Discount" type="number" min={1} max={100} suffix="%" {...field(`${row.reason}.goodwillPercent`)} />
                    ) : (
                      <Box />
                    )}
                  </InlineGrid>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="address"
          title="Return address"
          description="Where parcels come back to: printed on the return label and in the return instructions."
        >
          <Card>
            <BlockStack gap="300">
              {page.hasContactAddress && (
                <Checkbox
                  label="Same as my contact address"
                  helpText="Parcels go to the address in your contact details, and follow it when it changes. Untick to send returns somewhere else, such as a warehouse."
                  checked={sameAsContact}
                  onChange={setSameAsContact}
                />
              )}
              {!page.hasContactAddress && page.usesContactAddress && (
                <Banner tone="warning">
                  <p>Your shop has no contact address yet, so return labels have nowhere to send parcels. Enter the return address below.</p>
                </Banner>
              )}
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Company" {...address("company")} autoComplete="organization" />
                  <TextField label="For the attention of" {...address("name")} autoComplete="name" />
                </FormLayout.Group>
                <TextField label="Address" {...address("address1")} autoComplete="address-line1" />
                <TextField label="Apartment, suite, etc." {...address("address2")} autoComplete="address-line2" />
                <FormLayout.Group condensed>
                  <TextField label="Postal code" {...address("zip")} autoComplete="postal-code" />
                  <TextField label="City" {...address("city")} autoComplete="address-level2" />
                </FormLayout.Group>
                <FormLayout.Group condensed>
                  <TextField label="Region" {...address("province")} autoComplete="address-level1" />
                  <TextField label="Country code" helpText="Two letters, for example FR." maxLength={2} {...address("countryCode")} autoComplete="country" />
                </FormLayout.Group>
                <TextField label="Phone" type="tel" {...address("phone")} autoComplete="tel" />
              </FormLayout>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="labels"
          title="Return labels"
          description="How the label is made when you pay the postage: a printable PDF with the return number as a barcode, a file you upload from your carrier, or a label bought from EasyPost with your own account."
        >
          <Card>
            <BlockStack gap="400">
              <ChoiceList
                title="Labels"
                name="labelProvider"
                choices={PROVIDER_CHOICES}
                selected={[provider]}
                onChange={(selected) => set("labelProvider", selected[0] ?? "printable")}
                error={errors.labelProvider}
              />
              {provider === "easypost" && (
                <TextField
                  label="EasyPost API key"
                  type="password"
                  name="easypostApiKey"
                  value={easypostKey}
                  onChange={setEasypostKey}
                  error={errors.easypostApiKey}
                  autoComplete="new-password"
                  placeholder={page.easypostKeyStored ? "Stored" : ""}
                  helpText={
                    page.easypostKeyStored
                      ? "A key is stored, sealed, and never shown. Leave this empty to keep it."
                      : "Your production key, from the API keys page of your EasyPost account. It is stored sealed and never shown again."
                  }
                />
              )}
              {page.easypostKeyStored && provider !== "easypost" && (
                <Checkbox
                  label="Remove the stored EasyPost key"
                  name="removeEasypostKey"
                  value="on"
                  checked={removeKey}
                  onChange={setRemoveKey}
                />
              )}
              <TextField
                label="Packing notes"
                multiline={4}
                helpText="Printed on the packing slip, one instruction per line, for example “Put the item back in its original box.”"
                {...field("packingNotes")}
              />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.Section>
          <InlineStack align="end">
            <Button variant="primary" submit loading={fetcher.state !== "idle"}>
              Save
            </Button>
          </InlineStack>
        </Layout.Section>
      </Layout>
    </fetcher.Form>
  );
}
