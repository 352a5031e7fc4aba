// Quiet hours (no message reaches a shopper at night, in their own time zone) and the staff
// who get the daily digest and alerts.
import { useState } from "react";
import { Card, FormLayout, Layout, Select, TextField } from "@shopify/polaris";
import { SettingsForm, useSettingsForm } from "./settings-form";

export const NOTIFICATIONS_INTENT = "notifications";

type NotificationValues = Record<"quietHoursStart" | "quietHoursEnd" | "digestRecipients" | "alertRecipients" | "digestHour" | "reviewUrl", string>;

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, "0")}:00` }));

export function NotificationsSection({ values, timezone }: { values: NotificationValues; timezone: string }) {
  const { fetcher, result, errors, submittingIntent } = useSettingsForm(NOTIFICATIONS_INTENT);
  const [form, setForm] = useState(values);
  const field = (name: keyof NotificationValues) => ({
    name,
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
    error: errors[name],
    autoComplete: "off",
  });

  return (
    <Layout.AnnotatedSection
      id="notifications"
      title="Quiet hours and notifications"
      description="Messages composed during quiet hours wait until the morning in the shopper’s own time zone. Your team gets a daily digest and an alert when something needs attention."
    >
      <Card>
        <SettingsForm intent={NOTIFICATIONS_INTENT} form={fetcher.Form} result={result} submitting={submittingIntent === NOTIFICATIONS_INTENT}>
          <FormLayout>
            <FormLayout.Group condensed>
              <TextField label="Quiet from" type="time" helpText="HH:MM, in the shopper’s time." {...field("quietHoursStart")} />
              <TextField label="Until" type="time" {...field("quietHoursEnd")} />
            </FormLayout.Group>
            <TextField
              label="Daily digest goes to"
              multiline={2}
              placeholder="owner@your-shop.com, team@your-shop.com"
              helpText="Email addresses separated by commas. Leave empty for no digest."
              {...field("digestRecipients")}
            />
            <Select
              label="Digest sent at"
              name="digestHour"
              options={HOURS}
              value={form.digestHour}
              onChange={(value) => setForm((current) => ({ ...current, digestHour: value }))}
              helpText={`Your shop’s time (${timezone}).`}
              error={errors.digestHour}
            />
            <TextField
              label="Alerts go to"
              multiline={2}
              placeholder="support@your-shop.com"
              helpText="Who hears at once when a shopper reports a problem or a message cannot be sent."
              {...field("alertRecipients")}
            />
            <TextField
              label="Review page"
              type="url"
              placeholder="https://your-shop.com/pages/reviews"
              helpText="Where the review request sends shoppers ({{reviewUrl}} in its text)."
              {...field("reviewUrl")}
            />
          </FormLayout>
        </SettingsForm>
      </Card>
    </Layout.AnnotatedSection>
  );
}
