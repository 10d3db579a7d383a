/**
 * Guards the repository's own schema and migrations (CI): the PostgreSQL schema is derived from the SQLite
 * one, the SQLite history applies to an empty database and produces exactly the current schema (the
 * PostgreSQL half: repo-migrations.postgresql.test.ts).
 */
import { existsSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { deployMigrations, diffMigrationsToSchema, migrationStatus } from "./engine.ts";
import { defaultMigrationsDir, defaultSchemaPath, readMigrations } from "./migrations.ts";
import { checkSync } from "./schema.ts";

const names = (p: "sqlite" | "postgresql") => readMigrations(defaultMigrationsDir(p)).map((m) => m.name);
const dir = mkdtempSync(join(tmpdir(), "cg-repo-migrations-"));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("repository schema", () => {
  test("both schemas and both migration histories exist", () => {
    expect(existsSync(defaultSchemaPath("sqlite"))).toBe(true);
    expect(existsSync(defaultSchemaPath("postgresql"))).toBe(true);
    expect(names("sqlite").length).toBeGreaterThan(0);
  });

  test("prisma/postgresql/schema.prisma is in sync with prisma/sqlite/schema.prisma", () => {
    const state = checkSync({ sqlitePath: defaultSchemaPath("sqlite"), postgresPath: defaultSchemaPath("postgresql") });
    expect(state.inSync, "run `npm run db:sync-schema`").toBe(true);
  });
});

describe("repository migrations", () => {
  test("both providers have the same migration names", () => {
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  test("apply to a fresh SQLite file and match the schema", async () => {
    const url = `file:${join(dir, "fresh.db")}`;
    expect((await deployMigrations(url)).applied).toEqual(names("sqlite"));
    expect((await migrationStatus(url)).upToDate).toBe(true);
    expect(await diffMigrationsToSchema("sqlite"), "the schema has changes without a migration: npm run db:create -- --name …").toBe("");
  });
});
