/**
 * Guards the repository's own schema and migrations (CI): the PostgreSQL schema is derived from the SQLite
 * one, both migration histories apply to empty databases, and they produce exactly the current schema.
 */
import { existsSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { deployMigrations, diffMigrationsToSchema, migrationStatus } from "./engine.ts";
import { defaultMigrationsDir, defaultSchemaPath, readMigrations } from "./migrations.ts";
import { checkSync } from "./schema.ts";
import { TEST_POSTGRES_URL, tempPgDatabase } from "./test-helpers.ts";

const hasSchema = existsSync(defaultSchemaPath("sqlite"));
const names = (p: "sqlite" | "postgresql") => readMigrations(defaultMigrationsDir(p)).map((m) => m.name);
const hasMigrations = hasSchema && names("sqlite").length > 0;
const dir = mkdtempSync(join(tmpdir(), "cg-repo-migrations-"));
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasSchema)("repository schema", () => {
  test("prisma/postgresql/schema.prisma is in sync with prisma/sqlite/schema.prisma", () => {
    const state = checkSync({ sqlitePath: defaultSchemaPath("sqlite"), postgresPath: defaultSchemaPath("postgresql") });
    expect(state.inSync, "run `npm run db:sync-schema`").toBe(true);
  });
});

describe.skipIf(!hasMigrations)("repository migrations", () => {
  test("both providers have the same migration names", () => {
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  test("apply to a fresh SQLite file and match the schema", async () => {
    const url = `file:${join(dir, "fresh.db")}`;
    expect((await deployMigrations(url)).applied).toEqual(names("sqlite"));
    expect((await migrationStatus(url)).upToDate).toBe(true);
    expect(await diffMigrationsToSchema("sqlite"), "the schema has changes without a migration: npm run db:create -- --name …").toBe("");
  });

  test("apply to a fresh PostgreSQL database and match the schema", async () => {
    const db = await tempPgDatabase("repo");
    cleanups.push(db.drop);
    expect((await deployMigrations(db.url)).applied).toEqual(names("postgresql"));
    expect((await migrationStatus(db.url)).upToDate).toBe(true);
    expect(await diffMigrationsToSchema("postgresql", { scratchPostgresUrl: TEST_POSTGRES_URL })).toBe("");
  });
});
