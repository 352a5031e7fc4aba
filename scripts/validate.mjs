// Everything CI checks, in order: set-up, lint, types, the suite on SQLite, the
// integration suite on PostgreSQL, the production build, and the browser test against
// it. Ends with one line "validate: N passed, N failed" summing every test run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const reports = path.join(root, "tmp/reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(label, command, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failures.push(label);
    console.log(`✗ ${label} failed (${seconds}s)`);
  } else {
    console.log(`✓ ${label} (${seconds}s)`);
  }
}

function vitest(label, args, env = {}) {
  const report = path.join(reports, `${label.replace(/\W+/g, "-")}.json`);
  step(label, bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  } else {
    totals.failed += 1;
  }
}

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

if (wanted("setup")) step("set-up (schema, Prisma clients, codegen, SQLite)", process.execPath, ["scripts/setup.mjs"]);
if (wanted("lint")) step("lint", bin("eslint"), ["--max-warnings=0", "."]);
if (wanted("typecheck")) step("typecheck", bin("tsc"), ["--noEmit"]);
if (wanted("test")) vitest("tests on SQLite", []);
if (wanted("test:pg")) vitest("integration tests on PostgreSQL", ["tests/integration"], { TEST_DATABASE: "postgres" });
if (wanted("build")) step("build", bin("remix"), ["vite:build"]);
if (wanted("e2e")) vitest("browser test", ["--config", "vitest.e2e.config.ts"]);

console.log("");
if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`);
console.log(`validate: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
