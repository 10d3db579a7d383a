/**
 * Backups and restores of the database of a DATABASE_URL (README "Operations").
 *
 * SQLite: `VACUUM INTO` a new file — one read transaction, so the copy is consistent while the app keeps
 * writing (writers wait for it at most their busy timeout; a 100 MB database takes well under a second).
 * Restore checks the file (integrity, a Commonground schema), keeps a copy of the current database next to
 * the backups, then replaces the database file atomically. Stop the app before restoring.
 *
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner` (client tools of the
 * server's major version or newer: PG_DUMP / PG_RESTORE may name them; the connection goes through PG*
 * environment variables, so the password never appears in a process list).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { quotePgIdent } from "./adapters.ts";
import { parseDatabaseUrl, redactUrl, type DatabaseTarget, type PgConnectionConfig } from "./url.ts";

export class BackupError extends Error {}

type Log = (line: string) => void;

const SQLITE_SUFFIXES = ["-wal", "-shm", "-journal"];

/** `commonground-<label>-YYYYMMDDTHHMMSSmmmZ` (UTC, with milliseconds), sortable by name. */
export function backupFileName(label: string, extension: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `commonground-${label}-${stamp}.${extension}`;
}

export async function backupDatabase(databaseUrl: string, out: string, log: Log = () => undefined): Promise<{ file: string; bytes: number }> {
  const target = parseDatabaseUrl(databaseUrl);
  const file = resolve(out);
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name`);
  mkdirSync(dirname(file), { recursive: true });
  if (target.provider === "sqlite") backupSqlite(target.file, file);
  else await backupPostgres(target, file);
  const bytes = statSync(file).size;
  log(`Backed up ${describe(target)} to ${file} (${(bytes / 1024).toFixed(0)} KiB)`);
  return { file, bytes };
}

export async function restoreDatabase(databaseUrl: string, from: string, log: Log = () => undefined): Promise<{ previous: string | null }> {
  const target = parseDatabaseUrl(databaseUrl);
  const file = resolve(from);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (target.provider === "sqlite") {
    checkSqliteBackup(file);
    let previous: string | null = null;
    if (existsSync(target.file) && statSync(target.file).size > 0) {
      previous = join(defaultBackupDir(target), backupFileName("before-restore", "db"));
      await backupDatabase(databaseUrl, previous);
      log(`Kept the current database as ${previous}`);
    }
    mkdirSync(dirname(target.file), { recursive: true });
    const temporary = `${target.file}.restoring`;
    copyFileSync(file, temporary);
    for (const suffix of SQLITE_SUFFIXES) rmSync(`${target.file}${suffix}`, { force: true });
    renameSync(temporary, target.file);
    log(`Restored ${describe(target)} from ${file}`);
    return { previous };
  }
  await restorePostgres(target, file);
  log(`Restored ${describe(target)} from ${file}`);
  return { previous: null };
}

/** Where automatic backups go: BACKUP_DIR, else `backups/` beside the SQLite file, else ./data/backups. */
export function defaultBackupDir(target: DatabaseTarget, configured = process.env.BACKUP_DIR): string {
  if (configured) return resolve(configured);
  return target.provider === "sqlite" ? join(dirname(target.file), "backups") : resolve("data/backups");
}

/**
 * Before `npm start` applies migrations to an existing SQLite database: a backup in the backup folder, and
 * only the newest `keep` automatic backups kept. Returns the file, or null when there was nothing to back up.
 */
export async function backupBeforeMigrations(databaseUrl: string, keep: number, log: Log, dir?: string): Promise<string | null> {
  const target = parseDatabaseUrl(databaseUrl);
  if (keep <= 0 || target.provider !== "sqlite" || !existsSync(target.file) || statSync(target.file).size === 0) return null;
  const folder = dir ?? defaultBackupDir(target);
  let name = backupFileName("before-migrate", "db");
  while (existsSync(join(folder, name))) name = backupFileName("before-migrate", "db", new Date(Date.now() + 1));
  const { file } = await backupDatabase(databaseUrl, join(folder, name));
  const automatic = readdirSync(folder)
    .filter((entry) => /^commonground-before-migrate-\d{8}T\d{9}Z\.db$/.test(entry))
    .sort();
  for (const old of automatic.slice(0, Math.max(0, automatic.length - keep))) rmSync(join(folder, old), { force: true });
  log(`Backed up the database before migrating: ${file} (keeping the last ${keep}, BACKUP_KEEP)`);
  return file;
}

function describe(target: DatabaseTarget): string {
  return target.provider === "sqlite" ? `SQLite database ${target.file}` : `PostgreSQL database ${redactUrl(target.url)}`;
}

function backupSqlite(source: string, file: string): void {
  if (!existsSync(source)) throw new BackupError(`the SQLite database ${source} does not exist`);
  const db = new Database(source, { fileMustExist: true, timeout: 30_000 });
  try {
    const temporary = join(dirname(file), `.${basename(file)}.partial`);
    rmSync(temporary, { force: true });
    db.prepare("VACUUM INTO ?").run(temporary);
    renameSync(temporary, file);
  } finally {
    db.close();
  }
}

function checkSqliteBackup(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${file} is damaged (quick_check: ${String(check)})`);
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) throw new BackupError(`${file} is not a Commonground backup (no _prisma_migrations table)`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function pgEnvironment(cfg: PgConnectionConfig): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, PGHOST: cfg.host, PGPORT: String(cfg.port), PGUSER: cfg.user, PGDATABASE: cfg.database };
  if (cfg.password !== undefined) environment.PGPASSWORD = cfg.password;
  else delete environment.PGPASSWORD;
  if (cfg.ssl) environment.PGSSLMODE = cfg.ssl === true ? "verify-full" : "require";
  return environment;
}

function majorVersion(tool: string): number {
  const result = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new BackupError(
      `${tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) ` +
        `or set ${tool.includes("restore") ? "PG_RESTORE" : "PG_DUMP"} to their path`,
    );
  }
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout.replace(/^[^)]*\)/, ""));
  return match ? Number(match[1]) : 0;
}

function run(tool: string, args: string[], environment: NodeJS.ProcessEnv): void {
  const result = spawnSync(tool, args, { env: environment, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) throw new BackupError(`${tool}: ${result.error.message}`);
  if (result.status !== 0) throw new BackupError(`${tool} failed: ${result.stderr.trim() || `exit ${result.status}`}`);
}

/** The server's major version, to refuse a pg_dump older than the server (it would refuse anyway, less clearly). */
async function serverMajor(target: Extract<DatabaseTarget, { provider: "postgresql" }>): Promise<number> {
  const client = new pg.Client({ ...target.pg });
  try {
    await client.connect();
    const result = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(result.rows[0]!.server_version_num) / 10_000);
  } catch (error) {
    throw new BackupError(`cannot reach ${describe(target)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkTool(tool: string, target: Extract<DatabaseTarget, { provider: "postgresql" }>): Promise<void> {
  const toolMajor = majorVersion(tool);
  const server = await serverMajor(target);
  if (toolMajor < server) {
    throw new BackupError(
      `${tool} is version ${toolMajor} but the server is PostgreSQL ${server}: install the version ${server} client tools ` +
        `and point ${tool.includes("restore") ? "PG_RESTORE" : "PG_DUMP"} at them (e.g. /usr/lib/postgresql/${server}/bin/)`,
    );
  }
}

async function backupPostgres(target: Extract<DatabaseTarget, { provider: "postgresql" }>, file: string): Promise<void> {
  const tool = process.env.PG_DUMP ?? "pg_dump";
  await checkTool(tool, target);
  const temporary = join(dirname(file), `.${basename(file)}.partial`);
  const args = ["--format=custom", "--no-owner", "--no-privileges", `--file=${temporary}`];
  if (target.pg.schema) args.push(`--schema=${target.pg.schema}`);
  try {
    run(tool, args, pgEnvironment(target.pg));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Restoring into a new database is the usual case (a fresh server, a test copy): create it when missing. */
async function createDatabaseIfMissing(target: Extract<DatabaseTarget, { provider: "postgresql" }>): Promise<void> {
  const client = new pg.Client({ ...target.pg, database: target.pg.database === "postgres" ? "template1" : "postgres" });
  try {
    await client.connect();
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [target.pg.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quotePgIdent(target.pg.database)} TEMPLATE template0`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function restorePostgres(target: Extract<DatabaseTarget, { provider: "postgresql" }>, file: string): Promise<void> {
  const tool = process.env.PG_RESTORE ?? "pg_restore";
  const list = spawnSync(tool, ["--list", file], { encoding: "utf8" });
  if (list.error) majorVersion(tool); // explains a missing pg_restore
  if (list.status !== 0 || !/_prisma_migrations/.test(list.stdout)) {
    throw new BackupError(`${file} is not a Commonground PostgreSQL backup (pg_dump custom format with a _prisma_migrations table)`);
  }
  await createDatabaseIfMissing(target);
  await checkTool(tool, target);
  run(tool, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${target.pg.database}`, file], pgEnvironment(target.pg));
}
