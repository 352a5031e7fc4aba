import { UpcomingSection } from "../admin/upcoming-section";

export default function MessagesPage() {
  return (
    <UpcomingSection title="Messages" heading="Nothing sent yet">
      {"Order confirmations, dispatch notes, delay apologies and delivery check-ins appear here, in each shopper's language, with a preview and a resend button."}
    </UpcomingSection>
  );
}
