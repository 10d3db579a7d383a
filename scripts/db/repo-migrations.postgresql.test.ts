/**
 * The repository's PostgreSQL migration history applies to an empty database and produces exactly the
 * current schema (project "tooling-postgresql"; the SQLite half is repo-migrations.test.ts).
 */
import { afterAll, expect, test } from "vitest";
import { deployMigrations, diffMigrationsToSchema, migrationStatus } from "./engine.ts";
import { defaultMigrationsDir, readMigrations } from "./migrations.ts";
import { TEST_POSTGRES_URL, tempPgDatabase } from "./test-helpers.ts";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
});

test("apply to a fresh PostgreSQL database and match the schema", async () => {
  const names = readMigrations(defaultMigrationsDir("postgresql")).map((m) => m.name);
  expect(names.length).toBeGreaterThan(0);
  const db = await tempPgDatabase("repo");
  cleanups.push(db.drop);
  expect((await deployMigrations(db.url)).applied).toEqual(names);
  expect((await migrationStatus(db.url)).upToDate).toBe(true);
  expect(await diffMigrationsToSchema("postgresql", { scratchPostgresUrl: TEST_POSTGRES_URL })).toBe("");
});
