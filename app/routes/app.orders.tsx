import { UpcomingSection } from "../admin/upcoming-section";

export default function OrdersPage() {
  return (
    <UpcomingSection title="Orders" heading="Every order, from placed to delivered">
      {"As orders come in, each gets a care timeline: placed, confirmed, dispatched, in transit, delivered, checked in, reviewed. Orders that are late or still unconfirmed rise to the top with the reason and the next step."}
    </UpcomingSection>
  );
}
