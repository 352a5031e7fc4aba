import prisma from "../db.server";
import { checkHealth } from "../shops/health.server";

// For load balancers and uptime checks: 200 when the database answers, 503 otherwise.
export const loader = async () => {
  const health = await checkHealth(prisma);
  return new Response(JSON.stringify(health), {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
};
