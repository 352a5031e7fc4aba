// Re-extracts the Discount Function API 2026-10 schema committed at
// extensions/loyalty-discount/schema.graphql from the npm package @shopify/dev-mcp (the same
// file `shopify app function schema` would download, which needs a Partner login). The package
// ships the introspection JSON; this prints it as SDL. `--check` compares instead of writing and
// exits 1 on a difference. Needs the npm registry; the app and its tests never do.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, printSchema } from "graphql";

const PACKAGE = "@shopify/dev-mcp@1.16.0";
const ENTRY = "package/dist/data/functions_discount_2026-10.json.gz";
const SHA256 = "93b4c780e2aa57a8d65987b272a6a67a64d407925ac563217c91e0eedfa49ce3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "extensions/loyalty-discount/schema.graphql");
const check = process.argv.includes("--check");
const work = mkdtempSync(path.join(tmpdir(), "function-schema-"));
try {
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], { encoding: "utf8" }).trim().split("\n").pop();
  execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", work, ENTRY]);
  const bytes = readFileSync(path.join(work, ENTRY));
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== SHA256) {
    console.error(`${PACKAGE} ${ENTRY} has sha256 ${digest}, expected ${SHA256}`);
    process.exit(1);
  }
  const introspection = JSON.parse(gunzipSync(bytes).toString("utf8"));
  const sdl = `${printSchema(buildClientSchema(introspection.data ?? introspection))}\n`;
  const relative = path.relative(root, target);
  if (check) {
    let committed = "";
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      // missing: reported as a difference below
    }
    if (committed !== sdl) {
      console.error(`${relative} differs from ${PACKAGE} ${ENTRY}; run node scripts/extract-function-schema.mjs`);
      process.exit(1);
    }
    console.log(`${relative} matches ${PACKAGE} ${ENTRY}`);
  } else {
    writeFileSync(target, sdl);
    console.log(`wrote ${relative} (${Buffer.byteLength(sdl)} bytes) from ${ENTRY} (sha256 ${digest})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
