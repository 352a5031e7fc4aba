// Re-extracts the Admin API 2026-10 introspection committed at
// app/types/admin-2026-10.schema.json.gz from the npm package @shopify/dev-mcp, and checks
// it is byte-for-byte the file we expect. Needs the npm registry; the app never does.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "@shopify/dev-mcp@1.16.0";
const ENTRY = "package/dist/data/admin_2026-10.json.gz";
const SHA256 = "f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "app/types/admin-2026-10.schema.json.gz");
const work = mkdtempSync(path.join(tmpdir(), "admin-schema-"));
try {
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], { encoding: "utf8" }).trim().split("\n").pop();
  execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", work, ENTRY]);
  const bytes = readFileSync(path.join(work, ENTRY));
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== SHA256) {
    console.error(`${PACKAGE} ${ENTRY} has sha256 ${digest}, expected ${SHA256}`);
    process.exit(1);
  }
  writeFileSync(target, bytes);
  console.log(`wrote ${path.relative(root, target)} (${bytes.length} bytes, sha256 ${digest})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
