import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { admin, postgresUrl, serverUrl } from "./postgres-server";

/**
 * Global setup of the integration projects: the migrations are applied ONCE per run into a template database, and
 * every test file starts from a copy of it (tests/setup/database.ts) instead of applying all migrations again —
 * the schema engine's start and 26 migrations cost seconds per file. The copy is the same schema and the same
 * migration history, so every test still sees a database exactly as `npm run db:deploy` leaves it.
 *
 * Where the files live: SQLite copies go to /dev/shm when the machine has it (memory: no disk sync on every
 * commit, same SQLite semantics), PostgreSQL copies are created with `synchronous_commit = off` (a commit does not
 * wait for the disk; what a query sees is unchanged). Docs: docs/testing.md.
 */
declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: { kind: "sqlite"; file: string; folder: string } | { kind: "postgresql"; name: string };
  }
}



/**
 * `npm run db:deploy` in a process of its own: the schema engine (WebAssembly) is instantiated once per process,
 * and the two projects' setups share this process.
 */
function deploy(databaseUrl: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "deploy", "--url", databaseUrl], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test" },
  });
  if (result.status !== 0) throw new Error(`Could not apply the migrations to the test template ${databaseUrl}:\n${result.stdout}${result.stderr}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return createTemplate(project);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Templates and test databases left by runs that were killed (their process is gone). */
async function dropAbandonedDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^cg_(template|test)_[0-9]+_[0-9a-f]+$'`);
    for (const { datname } of rows) {
      if (!processAlive(Number(datname.split("_")[2]))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

async function createTemplate(project: TestProject): Promise<() => Promise<void>> {
  const name = `cg_template_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (project.name === "postgresql") {
    await dropAbandonedDatabases();
    await admin(`CREATE DATABASE "${name}" TEMPLATE template0`);
    deploy(postgresUrl(name));
    project.provide("templateDatabase", { kind: "postgresql", name });
    return async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }
  const folder = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "cg-tests-"));
  const file = join(folder, `${name}.db`);
  deploy(`file:${file}`);
  project.provide("templateDatabase", { kind: "sqlite", file, folder });
  return async () => {
    rmSync(folder, { recursive: true, force: true });
  };
}

