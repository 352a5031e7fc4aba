// `npm run demo`: the app's admin for a demo shop, on localhost, with no Shopify account.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, startDemoStack } from "./demo-stack.ts";

const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`› ${line}`);

execFileSync(process.execPath, [path.join(ROOT, "scripts/setup.mjs"), "--no-migrate"], { cwd: ROOT, stdio: "inherit" });
const stack = await startDemoStack({ port, build: true, log });

console.log(`
  Aftercare demo is running for ${stack.shop} (${stack.orderCount} orders in the Admin API stand-in).

    Admin:     ${stack.adminUrl}
    Health:    ${stack.appUrl}/healthz
    Webhooks:  npm run demo:webhook -- --help   (signed with this run's secret)

  Demo mode skips Shopify OAuth and only runs on localhost. Press Ctrl-C to stop.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("\n› stopping");
    stack.stop().then(() => process.exit(0));
  });
}
