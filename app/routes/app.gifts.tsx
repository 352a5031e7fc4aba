// /app/gifts: the Gifts & loyalty section. Its pages are the overview (app.gifts._index) and a
// gift rule's form (app.gifts.rules.$ruleId).
import { Outlet } from "@remix-run/react";

export default function GiftsSection() {
  return <Outlet />;
}
