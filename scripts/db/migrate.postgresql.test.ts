/**
 * The migrate tool on both engines. Creating a migration plans it on SQLite and PostgreSQL together, so this
 * file needs a PostgreSQL server (project "tooling-postgresql"); migrate.sqlite.test.ts covers deploy, status,
 * resolve and reset on SQLite alone and always runs. Timings belong in bench/, not here: the child-process
 * test's spawn timeout only stops a hung process.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createMigrations,
  deployMigrations,
  diffMigrationsToSchema,
  migrationStatus,
  resetDatabase,
  resolveMigration,
} from "./engine.ts";
import { checksum, REPO_ROOT } from "./migrations.ts";
import { GENERATED_HEADER } from "./schema.ts";
import { TEST_POSTGRES_URL, tempPgDatabase, tempProject, type TempProject } from "./test-helpers.ts";

let project: TempProject;
let initName: string;
const cleanups: Array<() => Promise<void>> = [];

function createOpts(name: string) {
  return {
    name,
    sqliteSchemaPath: project.sqliteSchema,
    postgresSchemaPath: project.postgresSchema,
    sqliteMigrationsDir: project.sqliteMigrations,
    postgresMigrationsDir: project.postgresMigrations,
    scratchPostgresUrl: TEST_POSTGRES_URL,
  };
}

async function pgDatabase(label: string): Promise<string> {
  const db = await tempPgDatabase(label);
  cleanups.push(db.drop);
  return db.url;
}

async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  project = tempProject();
  const created = await createMigrations(createOpts("init"));
  initName = created.name!;
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  rmSync(project.root, { recursive: true, force: true });
});

describe("create", () => {
  test("writes the same timestamped migration for both providers, lockfiles and the derived schema", () => {
    expect(initName).toMatch(/^\d{14}_init$/);
    const sqlite = readFileSync(join(project.sqliteMigrations, initName, "migration.sql"), "utf8");
    const postgres = readFileSync(join(project.postgresMigrations, initName, "migration.sql"), "utf8");
    expect(sqlite).toContain('CREATE TABLE "User"');
    expect(sqlite).toContain("AUTOINCREMENT");
    expect(postgres).toContain('CREATE TYPE "Role" AS ENUM');
    expect(postgres).toContain("SERIAL");
    expect(readFileSync(join(project.sqliteMigrations, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(readFileSync(join(project.postgresMigrations, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    const pgSchema = readFileSync(project.postgresSchema, "utf8");
    expect(pgSchema.startsWith(GENERATED_HEADER)).toBe(true);
    expect(pgSchema).toContain('provider = "postgresql"');
    expect(pgSchema).toContain('"../../app/generated/postgresql"');
  });

  test("with no schema change creates nothing", async () => {
    const result = await createMigrations(createOpts("nothing"));
    expect(result.name).toBeNull();
    expect(result.files).toEqual([]);
    const dirs = (dir: string) => readdirSync(dir).filter((n) => n !== "migration_lock.toml");
    expect(dirs(project.sqliteMigrations)).toEqual([initName]);
    expect(dirs(project.postgresMigrations)).toEqual([initName]);
  });

  test("plans while another session is connected to template1 (as a second migrate or test run is)", async () => {
    const template1 = new URL(TEST_POSTGRES_URL);
    template1.pathname = "/template1";
    const other = new pg.Client({ connectionString: template1.toString() });
    await other.connect();
    try {
      const result = await createMigrations(createOpts("still-nothing"));
      expect(result.name).toBeNull();
    } finally {
      await other.end();
    }
  });

  test("rejects a name without letters or digits", async () => {
    await expect(createMigrations(createOpts("!!!"))).rejects.toThrow(/invalid migration name/);
  });
});

describe("deploy and status", () => {
  test("SQLite: status on a missing file, deploy creates folder and file, records Prisma's history", async () => {
    const file = join(project.root, "data", "nested", "app.db");
    const url = `file:${file}`;
    const before = await migrationStatus(url, { migrationsDir: project.sqliteMigrations });
    expect(before.pending).toEqual([initName]);
    expect(before.upToDate).toBe(false);
    expect(existsSync(file)).toBe(false);

    const log: string[] = [];
    expect(await deployMigrations(url, { migrationsDir: project.sqliteMigrations, log: (m) => log.push(m) })).toEqual({
      applied: [initName],
    });
    expect(log).toContain(`Applied migration ${initName}`);
    expect(await deployMigrations(url, { migrationsDir: project.sqliteMigrations })).toEqual({ applied: [] });

    const after = await migrationStatus(url, { migrationsDir: project.sqliteMigrations });
    expect(after).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [], hasMigrationsTable: true });

    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare("SELECT * FROM _prisma_migrations").all() as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        migration_name: initName,
        checksum: checksum(readFileSync(join(project.sqliteMigrations, initName, "migration.sql"), "utf8")),
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[0]!.finished_at).not.toBeNull();
      db.prepare("SELECT id, email, role, balance, organisationId FROM User").all();
    } finally {
      db.close();
    }
  });

  test("PostgreSQL: deploy to an empty database, then status", async () => {
    const url = await pgDatabase("deploy");
    expect((await migrationStatus(url, { migrationsDir: project.postgresMigrations })).pending).toEqual([initName]);
    expect(await deployMigrations(url, { migrationsDir: project.postgresMigrations })).toEqual({ applied: [initName] });
    expect(await deployMigrations(url, { migrationsDir: project.postgresMigrations })).toEqual({ applied: [] });
    expect(await migrationStatus(url, { migrationsDir: project.postgresMigrations })).toMatchObject({ upToDate: true });
    const rows = await pgQuery<{ migration_name: string; checksum: string }>(
      url,
      "SELECT migration_name, checksum FROM _prisma_migrations",
    );
    expect(rows).toEqual([
      {
        migration_name: initName,
        checksum: checksum(readFileSync(join(project.postgresMigrations, initName, "migration.sql"), "utf8")),
      },
    ]);
  });

  test("PostgreSQL: deploy creates a missing database", async () => {
    const db = await tempPgDatabase("missing");
    await db.drop();
    cleanups.push(db.drop);
    expect(await deployMigrations(db.url, { migrationsDir: project.postgresMigrations })).toEqual({ applied: [initName] });
  });

  test("refuses a migrations folder locked to the other provider", async () => {
    await expect(
      deployMigrations(`file:${join(project.root, "data", "x.db")}`, { migrationsDir: project.postgresMigrations }),
    ).rejects.toThrow(/provider "postgresql"/);
  });

  test("a caller process exits by itself after deploying to PostgreSQL (no leftover handles)", async () => {
    const url = await pgDatabase("exit");
    const script = `
      import { deployMigrations } from ${JSON.stringify(join(REPO_ROOT, "scripts/db/engine.ts"))};
      const r = await deployMigrations(${JSON.stringify(url)}, { migrationsDir: ${JSON.stringify(project.postgresMigrations)} });
      console.log(JSON.stringify(r));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 8000,
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ applied: [initName] });
  });
});

describe("schema changes, failures, reset, resolve, diff", () => {
  let secondName: string;

  beforeAll(async () => {
    appendFileSync(project.sqliteSchema, `\nmodel Parcel {\n  id    Int    @id @default(autoincrement())\n  label String\n}\n`);
  });

  test("diff shows the pending change for both providers", async () => {
    const sqlite = await diffMigrationsToSchema("sqlite", {
      sqliteSchemaPath: project.sqliteSchema,
      migrationsDir: project.sqliteMigrations,
    });
    expect(sqlite).toContain('CREATE TABLE "Parcel"');
    const postgres = await diffMigrationsToSchema("postgresql", {
      sqliteSchemaPath: project.sqliteSchema,
      postgresSchemaPath: project.postgresSchema,
      migrationsDir: project.postgresMigrations,
      scratchPostgresUrl: TEST_POSTGRES_URL,
    });
    expect(postgres).toContain('CONSTRAINT "Parcel_pkey" PRIMARY KEY');
  });

  test("a second migration is created and deploy applies only it", async () => {
    const created = await createMigrations(createOpts("add parcels"));
    secondName = created.name!;
    expect(secondName).toMatch(/^\d{14}_add_parcels$/);
    expect(secondName > initName).toBe(true);
    expect(readFileSync(project.postgresSchema, "utf8")).toContain("model Parcel");

    const file = join(project.root, "data", "nested", "app.db");
    expect(await deployMigrations(`file:${file}`, { migrationsDir: project.sqliteMigrations })).toEqual({
      applied: [secondName],
    });
    expect(await diffMigrationsToSchema("sqlite", { sqliteSchemaPath: project.sqliteSchema, migrationsDir: project.sqliteMigrations })).toBe("");
  });

  test("a failing migration is reported, shown by status, and can be resolved", async () => {
    const dir = join(project.root, "broken-migrations");
    cpSync(project.sqliteMigrations, dir, { recursive: true });
    const bad = "29990101000000_broken";
    cpSync(join(dir, initName), join(dir, bad), { recursive: true });
    writeFileSync(join(dir, bad, "migration.sql"), 'CREATE TABLE "User" ("id" INTEGER);\n');
    const url = `file:${join(project.root, "data", "broken.db")}`;

    await expect(deployMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`migration ${bad} failed to apply: table "User" already exists`),
    );
    const status = await migrationStatus(url, { migrationsDir: dir });
    expect(status.failed).toEqual([bad]);
    expect(status.upToDate).toBe(false);
    await expect(deployMigrations(url, { migrationsDir: dir })).rejects.toThrow(/P3009|failed migrations/);

    await resolveMigration(url, { rolledBack: bad }, { migrationsDir: dir });
    writeFileSync(join(dir, bad, "migration.sql"), 'CREATE TABLE "Fixed" ("id" INTEGER);\n');
    expect(await deployMigrations(url, { migrationsDir: dir })).toEqual({ applied: [bad] });
    expect((await migrationStatus(url, { migrationsDir: dir })).upToDate).toBe(true);

    // An edited, already-applied migration is flagged.
    appendFileSync(join(dir, bad, "migration.sql"), "-- edited\n");
    expect((await migrationStatus(url, { migrationsDir: dir })).edited).toEqual([bad]);
  });

  test("resolve --applied records a migration without running it", async () => {
    const url = `file:${join(project.root, "data", "resolved.db")}`;
    await resolveMigration(url, { applied: initName }, { migrationsDir: project.sqliteMigrations });
    const status = await migrationStatus(url, { migrationsDir: project.sqliteMigrations });
    expect(status.pending).toEqual([secondName]);
    await expect(
      resolveMigration(url, { applied: "20000101000000_nope" }, { migrationsDir: project.sqliteMigrations }),
    ).rejects.toThrow(/not found/);
  });

  test("reset drops data and re-applies everything (SQLite and PostgreSQL)", async () => {
    const file = join(project.root, "data", "nested", "app.db");
    const db = new Database(file);
    db.prepare("INSERT INTO Organisation (id, name, createdAt) VALUES ('o1', 'Org', 0)").run();
    db.close();
    expect((await resetDatabase(`file:${file}`, { migrationsDir: project.sqliteMigrations })).applied).toEqual([
      initName,
      secondName,
    ]);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM Organisation").get()).toEqual({ n: 0 });
    after.close();

    const url = await pgDatabase("reset");
    await deployMigrations(url, { migrationsDir: project.postgresMigrations });
    await pgQuery(url, `INSERT INTO "Organisation" (id, name) VALUES ('o1', 'Org')`);
    expect((await resetDatabase(url, { migrationsDir: project.postgresMigrations })).applied).toEqual([initName, secondName]);
    expect(await pgQuery(url, `SELECT count(*)::int AS n FROM "Organisation"`)).toEqual([{ n: 0 }]);
  });
});
