// Contact details: the shop's name and how shoppers reach it, printed at the foot of every
// message and on the storefront contact card.
import { useState } from "react";
import { BlockStack, Card, FormLayout, Layout, TextField } from "@shopify/polaris";
import { SettingsForm, useSettingsForm } from "./settings-form";

export const CONTACT_INTENT = "contact";

type ContactValues = Record<"shopName" | "contactEmail" | "contactPhone" | "company" | "address1" | "address2" | "city" | "zip" | "province" | "countryCode" | "responseTimeHours", string>;

export function ContactSection({ values }: { values: ContactValues }) {
  const { fetcher, result, errors, submittingIntent } = useSettingsForm(CONTACT_INTENT);
  const [form, setForm] = useState(values);
  const field = (name: keyof ContactValues) => ({
    name,
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
    error: errors[name],
  });

  return (
    <Layout.AnnotatedSection
      id="contact"
      title="Contact details"
      description="Printed at the foot of every message and on your storefront’s contact card, so shoppers can reach you. Read from your Shopify settings at first; what you change here is kept."
    >
      <Card>
        <SettingsForm intent={CONTACT_INTENT} form={fetcher.Form} result={result} submitting={submittingIntent === CONTACT_INTENT}>
          <BlockStack gap="400">
            <FormLayout>
              <TextField label="Shop name shown to customers" autoComplete="organization" {...field("shopName")} />
              <FormLayout.Group>
                <TextField label="Contact email" type="email" autoComplete="email" {...field("contactEmail")} />
                <TextField label="Phone" type="tel" autoComplete="tel" {...field("contactPhone")} />
              </FormLayout.Group>
              <TextField label="Company" autoComplete="organization" {...field("company")} />
              <TextField label="Address" autoComplete="address-line1" {...field("address1")} />
              <TextField label="Apartment, suite, etc." autoComplete="address-line2" {...field("address2")} />
              <FormLayout.Group condensed>
                <TextField label="Postal code" autoComplete="postal-code" {...field("zip")} />
                <TextField label="City" autoComplete="address-level2" {...field("city")} />
              </FormLayout.Group>
              <FormLayout.Group condensed>
                <TextField label="Region" autoComplete="address-level1" {...field("province")} />
                <TextField label="Country code" helpText="Two letters, for example FR." maxLength={2} autoComplete="country" {...field("countryCode")} />
              </FormLayout.Group>
              <TextField
                label="We usually answer within"
                type="number"
                min={1}
                max={168}
                suffix="hours"
                autoComplete="off"
                helpText="Shown to shoppers next to your contact details."
                {...field("responseTimeHours")}
              />
            </FormLayout>
          </BlockStack>
        </SettingsForm>
      </Card>
    </Layout.AnnotatedSection>
  );
}
