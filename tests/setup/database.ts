import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "~/utils/db.server";
import { admin, postgresUrl } from "./postgres-server";

/**
 * A fresh database per test file, with all migrations applied: a copy of the run's template database
 * (tests/setup/template.ts applied the migrations once) — a SQLite file beside the template, or a PostgreSQL
 * database created from the template on TEST_POSTGRES_URL's server (default postgresql://postgres@127.0.0.1:5432)
 * and dropped afterwards.
 */
const template = inject("templateDatabase");
const kind = template.kind;
const name = `cg_test_${process.pid}_${randomBytes(4).toString("hex")}`;
const sqliteFile = template.kind === "sqlite" ? join(template.folder, `${name}.db`) : "";

process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";
process.env.SEED_DEMO = "false";


process.env.DATABASE_URL = kind === "postgresql" ? postgresUrl(name) : `file:${sqliteFile}`;

/**
 * PostgreSQL refuses CREATE DATABASE while another session is connected to the template (SQLSTATE 55006), which
 * happens for a moment when several test processes start at once: wait and try again rather than fail.
 */
async function createDatabase(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`CREATE DATABASE "${name}" TEMPLATE "${(template as { name: string }).name}"`);
      // a test database: a commit need not wait for the disk (what every query sees is unchanged)
      await admin(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((done) => setTimeout(done, 100 * attempt));
    }
  }
}

beforeAll(async () => {
  if (kind === "postgresql") await createDatabase();
  else copyFileSync(template.file, sqliteFile);
});

afterAll(async () => {
  await disconnectDb();
  if (kind === "postgresql") {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${sqliteFile}${suffix}`, { force: true });
  }
});
