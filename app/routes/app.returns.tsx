import { UpcomingSection } from "../admin/upcoming-section";

export default function ReturnsPage() {
  return (
    <UpcomingSection title="Returns" heading="No return requests yet">
      {"Shoppers ask for a return from your store's order lookup. You decide who pays the label for each reason; wrong or damaged items get a prepaid label and a goodwill discount."}
    </UpcomingSection>
  );
}
