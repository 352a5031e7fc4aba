// The admin's sections, in navigation order.
export const ADMIN_SECTIONS = [
  { path: "/app", label: "Needs attention" },
  { path: "/app/dashboard", label: "Dashboard" },
  { path: "/app/confirmations", label: "Confirmations" },
  { path: "/app/orders", label: "Orders" },
  { path: "/app/returns", label: "Returns" },
  { path: "/app/gifts", label: "Gifts & loyalty" },
  { path: "/app/messages", label: "Messages" },
  { path: "/app/settings", label: "Settings" },
] as const;
