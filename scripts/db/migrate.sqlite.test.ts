/**
 * The migrate tool on SQLite alone (project "tooling": runs with or without a PostgreSQL server). The
 * migrations are the repository's own, copied to a scratch folder so a test may break one.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { deployMigrations, migrationStatus, resetDatabase, resolveMigration } from "./engine.ts";
import { defaultMigrationsDir, readMigrations } from "./migrations.ts";

const root = mkdtempSync(join(tmpdir(), "cg-migrate-sqlite-"));
const migrationsDir = join(root, "migrations");
cpSync(defaultMigrationsDir("sqlite"), migrationsDir, { recursive: true });
const names = readMigrations(migrationsDir).map((m) => m.name);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the migrate tool on SQLite", () => {
  test("the repository has SQLite migrations to work with", () => {
    expect(names.length).toBeGreaterThan(1);
  });

  test("status on a missing file, deploy creates folder and file, a second deploy applies nothing", async () => {
    const file = join(root, "data", "nested", "app.db");
    const url = `file:${file}`;
    expect(await migrationStatus(url, { migrationsDir })).toMatchObject({ upToDate: false, pending: names });
    expect(existsSync(file)).toBe(false);
    const log: string[] = [];
    expect(await deployMigrations(url, { migrationsDir, log: (m) => log.push(m) })).toEqual({ applied: names });
    expect(log).toContain(`Applied migration ${names[0]}`);
    expect(await deployMigrations(url, { migrationsDir })).toEqual({ applied: [] });
    expect(await migrationStatus(url, { migrationsDir })).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name").all();
      expect(rows).toEqual(names.map((migration_name) => ({ migration_name })));
    } finally {
      db.close();
    }
  });

  test("resolve --applied records the first migration without running it; the rest stay pending", async () => {
    const url = `file:${join(root, "data", "resolved.db")}`;
    await resolveMigration(url, { applied: names[0]! }, { migrationsDir });
    expect((await migrationStatus(url, { migrationsDir })).pending).toEqual(names.slice(1));
    await expect(resolveMigration(url, { applied: "20000101000000_nope" }, { migrationsDir })).rejects.toThrow(/not found/);
  });

  test("reset drops the data and re-applies every migration", async () => {
    const file = join(root, "data", "reset.db");
    await deployMigrations(`file:${file}`, { migrationsDir });
    const db = new Database(file);
    db.prepare("INSERT INTO Organisation (id, name, slug, createdAt, updatedAt) VALUES ('o1', 'Org', 'org', 0, 0)").run();
    db.close();
    expect((await resetDatabase(`file:${file}`, { migrationsDir })).applied).toEqual(names);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM Organisation").get()).toEqual({ n: 0 });
    after.close();
  });

  test("an edited migration that was applied is reported by status", async () => {
    const url = `file:${join(root, "data", "edited.db")}`;
    await deployMigrations(url, { migrationsDir });
    appendFileSync(join(migrationsDir, names[0]!, "migration.sql"), "-- edited\n");
    expect((await migrationStatus(url, { migrationsDir })).edited).toEqual([names[0]]);
  });
});
