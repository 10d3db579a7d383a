/**
 * `npm test`: type-check, lint, schema sync check, unit tests, the integration suite on SQLite and on
 * PostgreSQL, the migrate tool's tests, then the browser tests. Without a reachable PostgreSQL server the
 * PostgreSQL suites are dropped — unless REQUIRE_POSTGRES=1 (set by .ci/run), which makes them mandatory —
 * and the run says so twice: where the decision is made, and in the closing line ("PASSED WITH SKIPS", the
 * dropped tests counted as skipped). A run can never look fully green without PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";

const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const POSTGRES_PROJECTS = ["postgresql", "tooling-postgresql"];

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function step(title: string, command: string, args: string[]): void {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** How many tests the dropped PostgreSQL projects hold (collected, not run), so the totals show them. */
function countDroppedTests(): number {
  const args = ["vitest", "list", "--json", ...POSTGRES_PROJECTS.flatMap((p) => ["--project", p])];
  const listed = spawnSync("npx", args, { encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) {
    console.error(`✖ could not count the PostgreSQL tests (vitest list failed):\n${listed.stderr}`);
    process.exit(1);
  }
  return (JSON.parse(listed.stdout) as unknown[]).length;
}

const bar = "!".repeat(78);
const hasPostgres = await postgresReachable();
const projects = ["--project", "unit", "--project", "sqlite", "--project", "tooling"];
let dropped = 0;
if (hasPostgres) {
  for (const p of POSTGRES_PROJECTS) projects.push("--project", p);
} else if (process.env.REQUIRE_POSTGRES === "1") {
  console.error(`✖ PostgreSQL is required (REQUIRE_POSTGRES=1) but ${serverUrl} is not reachable.`);
  process.exit(1);
} else {
  dropped = countDroppedTests();
  console.warn(`\n${bar}\n!! NO POSTGRESQL at ${serverUrl}: ${dropped} tests of the PostgreSQL integration suite and\n!! the migrate tool's PostgreSQL tests will NOT run. Start PostgreSQL (see README) or set TEST_POSTGRES_URL.\n${bar}`);
}

step("Type-check", "npx", ["tsc", "--noEmit", "-p", "."]);
step("Lint", "npx", ["eslint", "--max-warnings", "0", "."]);
step("Schemas in sync", "npx", ["tsx", "scripts/sync-schema.ts", "--check"]);
step(`Unit, integration and migrate-tool tests (${hasPostgres ? "SQLite and PostgreSQL" : "SQLite only"})`, "npx", [
  "vitest",
  "run",
  ...projects,
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
step("Browser tests", "npx", ["playwright", "test"]);

/** One closing line with the totals of both runners (CI reads it). */
function totals(): { passed: number; failed: number; skipped: number } {
  const vitest = JSON.parse(readFileSync("test-results/vitest.json", "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const playwright = JSON.parse(readFileSync("test-results/playwright.json", "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return {
    passed: vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky,
    failed: vitest.numFailedTests + playwright.stats.unexpected,
    skipped: vitest.numPendingTests + vitest.numTodoTests + playwright.stats.skipped,
  };
}

const { passed, failed, skipped } = totals();
if (dropped > 0) {
  console.warn(`\n${bar}\n!! SKIPPED: ${dropped} PostgreSQL tests — no server at ${serverUrl}. CI runs them always.\n${bar}`);
  console.log(`\nPASSED WITH SKIPS (no PostgreSQL).\nTests: ${passed} passed, ${failed} failed, ${skipped + dropped} skipped`);
} else {
  console.log(`\nAll tests passed.\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
