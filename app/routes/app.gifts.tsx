import { UpcomingSection } from "../admin/upcoming-section";

export default function GiftsPage() {
  return (
    <UpcomingSection title="Gifts & loyalty" heading="Thank your customers">
      {"Add a small gift to an order, or leave your packers an instruction such as “put a pen and a catalog in #1042”. Reward repeat customers with a loyalty discount."}
    </UpcomingSection>
  );
}
