/**
 * `npm test`: type-check, lint, schema sync check, unit tests, the integration suite on SQLite and on
 * PostgreSQL, then the browser tests. Without a reachable PostgreSQL server the PostgreSQL suite is skipped
 * with a loud warning — unless REQUIRE_POSTGRES=1 (set by .ci/run), which makes it mandatory.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";

const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

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

const hasPostgres = await postgresReachable();
const projects = ["--project", "unit", "--project", "sqlite"];
if (hasPostgres) {
  projects.push("--project", "postgresql", "--project", "tooling");
} else if (process.env.REQUIRE_POSTGRES === "1") {
  console.error(`✖ PostgreSQL is required (REQUIRE_POSTGRES=1) but ${serverUrl} is not reachable.`);
  process.exit(1);
}

step("Type-check", "npx", ["tsc", "--noEmit", "-p", "."]);
step("Lint", "npx", ["eslint", "--max-warnings", "0", "."]);
step("Schemas in sync", "npx", ["tsx", "scripts/sync-schema.ts", "--check"]);
step(`Unit and integration tests (${hasPostgres ? "SQLite and PostgreSQL" : "SQLite only"})`, "npx", [
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

if (!hasPostgres) {
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! SKIPPED: the PostgreSQL integration suite and the migrate tool's tests — no server at ${serverUrl}.\n!! Start PostgreSQL (see README) or set TEST_POSTGRES_URL; CI runs it always.\n${bar}`);
}
const { passed, failed, skipped } = totals();
console.log(`\nAll tests passed.\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
