/**
 * Programmatic API of the project's migrate tool: drives Prisma's WebAssembly schema engine
 * (`@prisma/schema-engine-wasm`) through the app's own driver adapters. Used by scripts/db.ts (the CLI),
 * the app start script and the integration tests.
 *
 * Every function opens its own connections and disposes all of them before returning (also on error),
 * so a long-running caller (app server, test worker) is left with nothing open.
 * See docs/decisions/002-databases-and-migrations.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  HistoryDiagnostic,
  MigrationFeedback,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";
import { loadSchemaEngine, takePanicMessage, type SchemaEngine } from "./wasm.ts";
import { createPgDatabase, dropPgDatabase, factoryFor, type TrackedFactory } from "./adapters.ts";
import {
  assertLockfileMatches,
  defaultMigrationsDir,
  defaultSchemaPath,
  migrationList,
  newMigrationDirName,
  readMigrations,
  writeMigration,
} from "./migrations.ts";
import { derivePostgresSchema, readSchema } from "./schema.ts";
import { parseDatabaseUrl, redactUrl, type DatabaseTarget, type Provider } from "./url.ts";

export { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "./url.ts";
export type { Provider, DatabaseTarget } from "./url.ts";

/** Server used for the temporary PostgreSQL databases of `create` and `diff`. */
export const DEFAULT_SCRATCH_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type Log = (msg: string) => void;

export interface CommonOptions {
  /** Progress messages for humans. Default: silent. */
  log?: Log;
  /** Migrations folder. Default: `<repo>/prisma/<provider>/migrations`, provider taken from the URL. */
  migrationsDir?: string;
}

const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export class MigrateError extends Error {
  override name = "MigrateError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

// ───────────────────────────── engine session ─────────────────────────────

interface Session {
  engine: SchemaEngine;
  factory: TrackedFactory;
  consumeError(id: number): unknown;
}

interface OpenOptions {
  schema?: { path: string; content: string };
  /** SQLite bug 1 workaround mode, see adapters.ts. */
  createMigrationsTable?: boolean;
  log?: Log;
}

const engineDebug = Boolean(process.env.MIGRATE_DEBUG);

async function openSession(target: DatabaseTarget, options: OpenOptions = {}): Promise<Session> {
  const SchemaEngineClass = await loadSchemaEngine();
  const factory = factoryFor(target, { createMigrationsTable: options.createMigrationsTable ?? true });
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const onLog = (line: string) => {
    if (engineDebug) {
      process.stderr.write(`[schema-engine] ${line}\n`);
      return;
    }
    try {
      const event = JSON.parse(line) as { level?: string; fields?: { message?: string } };
      if (event.level === "WARN" || event.level === "ERROR") options.log?.(`schema engine: ${event.fields?.message ?? line}`);
    } catch {
      /* not JSON: ignore */
    }
  };
  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: options.schema ? [[options.schema.path, options.schema.content]] : undefined },
      onLog,
      bound,
    );
    return { engine, factory, consumeError: (id) => bound.errorRegistry.consumeError(id)?.error };
  } catch (error) {
    await factory.close().catch(() => undefined);
    throw translateError(error, (id) => bound.errorRegistry.consumeError(id)?.error);
  }
}

async function closeSession(session: Session): Promise<void> {
  try {
    session.engine.free();
  } finally {
    await session.factory.close();
  }
}

async function withSession<T>(target: DatabaseTarget, options: OpenOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  const session = await openSession(target, options);
  let result: T;
  try {
    result = await fn(session);
  } catch (error) {
    await closeSession(session).catch(() => undefined);
    throw translateError(error, session.consumeError);
  }
  await closeSession(session);
  return result;
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const cause = (error as { cause?: Record<string, unknown> }).cause;
    if (cause && typeof cause === "object") {
      const msg = cause.originalMessage ?? cause.message ?? cause.reason ?? cause.cause;
      if (typeof msg === "string") return msg;
      if (typeof cause.kind === "string") return `${cause.kind}${cause.db ? ` (${String(cause.db)})` : ""}`;
    }
    if (error instanceof Error) return error.message;
  }
  return String(error);
}

/** Turns engine errors into MigrateError with the real driver error in place of "External error id#N". */
function translateError(error: unknown, consumeError: (id: number) => unknown): unknown {
  if (error instanceof MigrateError) return error;
  const panic = takePanicMessage();
  const raw = (error instanceof Error ? error.message : String(error)).replace(/^external connector error\n/, "");
  const code = (error as { code?: unknown })?.code;
  let message = raw.replace(/External error id#(\d+)/g, (match, id: string) => {
    const real = consumeError(Number(id));
    return real === undefined ? match : describe(real);
  });
  // The wasm engine appends a span trace ("   0: sql_schema_connector::… with migration_name=…"): keep the
  // migration name, drop the trace (shown with MIGRATE_DEBUG=1).
  const traceStart = message.search(/\n\s+0: \w+::/);
  if (traceStart >= 0) {
    const trace = message.slice(traceStart);
    message = message.slice(0, traceStart).trimEnd();
    const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
    if (migration && /apply_migration|apply_script/.test(trace)) {
      message =
        `migration ${migration} failed to apply: ${message}\n` +
        `Fix the database or the migration, then run \`resolve --rolled-back ${migration}\` ` +
        `(or \`resolve --applied ${migration}\` if you completed it by hand) and deploy again.`;
    }
    if (engineDebug) message += `\n${trace}`;
  }
  if (panic) message = `the schema engine panicked: ${panic}${message && message !== "unreachable" ? `\n${message}` : ""}`;
  if (!(error instanceof Error) && !panic && message === raw) return error;
  return new MigrateError(message, typeof code === "string" ? code : undefined);
}

function resolveTarget(databaseUrl: string): DatabaseTarget {
  try {
    return parseDatabaseUrl(databaseUrl);
  } catch (error) {
    throw new MigrateError((error as Error).message);
  }
}

// ───────────────────────────── deploy ─────────────────────────────

/**
 * Applies pending migrations to the database at `databaseUrl` (SQLite file, created with its folder if
 * missing, or PostgreSQL database). Returns the names of the migrations applied, in order.
 */
export async function deployMigrations(databaseUrl: string, options: CommonOptions = {}): Promise<{ applied: string[] }> {
  const target = resolveTarget(databaseUrl);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(target.provider);
  const log = options.log ?? (() => undefined);
  assertLockfileMatchesOrThrow(migrationsDir, target.provider);
  const migrations = readMigrations(migrationsDir);
  if (migrations.length === 0) log(`No migrations found in ${migrationsDir}`);
  const apply = () =>
    withSession(target, { log }, async ({ engine }) => {
      const out = await engine.applyMigrations({ migrationsList: migrationList(migrationsDir), filters: FILTERS });
      return out.appliedMigrationNames;
    });
  let applied: string[];
  try {
    applied = await apply();
  } catch (error) {
    // Like `prisma migrate deploy`: create a missing PostgreSQL database, then apply.
    if (target.provider !== "postgresql" || !/Database `[^`]*` does not exist/.test(String((error as Error)?.message))) throw error;
    await createPgDatabase(target.pg, target.pg.database);
    log(`Created PostgreSQL database "${target.pg.database}"`);
    applied = await apply();
  }
  for (const name of applied) log(`Applied migration ${name}`);
  if (applied.length === 0 && migrations.length > 0) log("No pending migrations to apply.");
  return { applied };
}

function assertLockfileMatchesOrThrow(migrationsDir: string, provider: Provider): void {
  try {
    assertLockfileMatches(migrationsDir, provider);
  } catch (error) {
    throw new MigrateError((error as Error).message);
  }
}

// ───────────────────────────── status ─────────────────────────────

export interface MigrationStatus {
  provider: Provider;
  migrationsDir: string;
  /** Migration folder names found on disk. */
  migrations: string[];
  /** On disk, not applied to the database. */
  pending: string[];
  /** Recorded in the database, missing on disk. */
  missingLocally: string[];
  /** Recorded as failed (must be resolved). */
  failed: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  hasMigrationsTable: boolean;
  history: HistoryDiagnostic | null;
  upToDate: boolean;
}

export async function migrationStatus(databaseUrl: string, options: CommonOptions = {}): Promise<MigrationStatus> {
  const target = resolveTarget(databaseUrl);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(target.provider);
  assertLockfileMatchesOrThrow(migrationsDir, target.provider);
  if (target.provider === "sqlite" && !existsSync(target.file)) {
    // Do not create the file just to look at it.
    const migrations = readMigrations(migrationsDir).map((m) => m.name);
    return {
      provider: target.provider,
      migrationsDir,
      migrations,
      pending: migrations,
      missingLocally: [],
      failed: [],
      edited: [],
      hasMigrationsTable: false,
      history: migrations.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: migrations } : null,
      upToDate: migrations.length === 0,
    };
  }
  const out: DiagnoseMigrationHistoryOutput = await withSession(
    target,
    { createMigrationsTable: false, log: options.log },
    ({ engine }) =>
      engine.diagnoseMigrationHistory({
        migrationsList: migrationList(migrationsDir),
        optInToShadowDatabase: false,
        filters: FILTERS,
      }),
  );
  const h = out.history;
  const pending = h && h.diagnostic !== "migrationsDirectoryIsBehind" ? h.unappliedMigrationNames : [];
  const missingLocally = h && h.diagnostic !== "databaseIsBehind" ? h.unpersistedMigrationNames : [];
  return {
    provider: target.provider,
    migrationsDir,
    migrations: readMigrations(migrationsDir).map((m) => m.name),
    pending,
    missingLocally,
    failed: out.failedMigrationNames,
    edited: out.editedMigrationNames,
    hasMigrationsTable: out.hasMigrationsTable,
    history: h,
    upToDate: h === null && out.failedMigrationNames.length === 0 && out.editedMigrationNames.length === 0,
  };
}

// ───────────────────────────── reset ─────────────────────────────

/** Drops everything in the database, then applies all migrations. */
export async function resetDatabase(databaseUrl: string, options: CommonOptions = {}): Promise<{ applied: string[] }> {
  const target = resolveTarget(databaseUrl);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(target.provider);
  assertLockfileMatchesOrThrow(migrationsDir, target.provider);
  const log = options.log ?? (() => undefined);
  if (target.provider === "sqlite") {
    // Bug 4: the engine's reset leaves SQLite tables in place. Deleting the file is a complete reset.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(target.file + suffix, { force: true });
    log(`Deleted ${target.file}`);
  } else {
    await withSession(target, { log }, ({ engine }) => engine.reset({ filter: FILTERS }));
    log(`Dropped all objects in ${redactUrl(target.url)}`);
  }
  return deployMigrations(databaseUrl, { ...options, migrationsDir });
}

// ───────────────────────────── resolve ─────────────────────────────

export async function resolveMigration(
  databaseUrl: string,
  action: { applied: string } | { rolledBack: string },
  options: CommonOptions = {},
): Promise<void> {
  const target = resolveTarget(databaseUrl);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(target.provider);
  assertLockfileMatchesOrThrow(migrationsDir, target.provider);
  await withSession(target, { log: options.log }, async ({ engine }) => {
    if ("applied" in action) {
      if (!readMigrations(migrationsDir).some((m) => m.name === action.applied)) {
        throw new MigrateError(`migration "${action.applied}" not found in ${migrationsDir}`);
      }
      await engine.markMigrationApplied({ migrationName: action.applied, migrationsList: migrationList(migrationsDir) });
    } else {
      await engine.markMigrationRolledBack({ migrationName: action.rolledBack });
    }
  });
}

// ──────────────────────── scratch databases (create, diff) ────────────────────────

interface Scratch {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

async function scratchDatabase(provider: Provider, scratchPostgresUrl: string): Promise<Scratch> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "commonground-migrate-"));
    const file = join(dir, "scratch.db");
    return { target: { provider, url: `file:${file}`, file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = resolveTarget(scratchPostgresUrl);
  if (server.provider !== "postgresql") throw new MigrateError(`MIGRATE_POSTGRES_URL must be a postgresql:// URL`);
  const name = `commonground_migrate_scratch_${Date.now()}_${randomBytes(4).toString("hex")}`;
  try {
    await createPgDatabase(server.pg, name);
  } catch (error) {
    throw new MigrateError(
      `cannot create a temporary PostgreSQL database on ${redactUrl(scratchPostgresUrl)}: ${(error as Error).message}\n` +
        "Start PostgreSQL or set MIGRATE_POSTGRES_URL to a server where this user may CREATE DATABASE.",
    );
  }
  const pgCfg = { ...server.pg, database: name };
  return {
    target: { provider, url: `postgresql://scratch/${name}`, pg: pgCfg },
    drop: () => dropPgDatabase(server.pg, name),
  };
}

async function withScratch<T>(provider: Provider, scratchPostgresUrl: string, fn: (t: DatabaseTarget) => Promise<T>): Promise<T> {
  const scratch = await scratchDatabase(provider, scratchPostgresUrl);
  try {
    return await fn(scratch.target);
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}

// ───────────────────────────── create ─────────────────────────────

export interface CreateOptions {
  /** Human name, e.g. "add households" → folder `<timestamp>_add_households`. */
  name: string;
  /** Create an empty migration (for hand-written SQL) even without schema changes. */
  empty?: boolean;
  /** The hand-edited SQLite schema. Default `<repo>/prisma/sqlite/schema.prisma`. */
  sqliteSchemaPath?: string;
  /** The derived PostgreSQL schema. Default `<repo>/prisma/postgresql/schema.prisma`. */
  postgresSchemaPath?: string;
  sqliteMigrationsDir?: string;
  postgresMigrationsDir?: string;
  /** Server for the temporary PostgreSQL database. Default env MIGRATE_POSTGRES_URL or DEFAULT_SCRATCH_POSTGRES_URL. */
  scratchPostgresUrl?: string;
  log?: Log;
  /** For tests: fixed clock for the migration timestamp. */
  now?: Date;
}

export interface ProviderPlan {
  provider: Provider;
  script: string | null;
  warnings: MigrationFeedback[];
  unexecutableSteps: MigrationFeedback[];
}

export interface CreateResult {
  /** null when the schema has no changes (and `empty` was not requested): nothing was written. */
  name: string | null;
  files: string[];
  plans: ProviderPlan[];
}

/** Generates the next migration for one provider against a scratch database (the developer's DB is untouched). */
export async function planMigration(
  provider: Provider,
  schema: { path: string; content: string },
  migrationsDir: string,
  opts: { name: string; empty?: boolean; scratchPostgresUrl?: string; log?: Log },
): Promise<ProviderPlan> {
  const scratchUrl = opts.scratchPostgresUrl ?? process.env.MIGRATE_POSTGRES_URL ?? DEFAULT_SCRATCH_POSTGRES_URL;
  assertLockfileMatchesOrThrow(migrationsDir, provider);
  return withScratch(provider, scratchUrl, (target) =>
    withSession(target, { schema, log: opts.log }, async ({ engine }) => {
      const migrationsList = migrationList(migrationsDir);
      const first = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
      if (first.action.tag === "reset") throw new MigrateError(`${provider}: ${first.action.reason}`);
      await engine.applyMigrations({ migrationsList, filters: FILTERS });
      // Bug 3: after applying on a fresh database, diagnose again before creating.
      const second = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
      if (second.action.tag === "reset") throw new MigrateError(`${provider}: ${second.action.reason}`);
      const files = [{ path: schema.path, content: schema.content }];
      const loss = await engine.evaluateDataLoss({ migrationsList, schema: { files }, filters: FILTERS });
      const created = await engine.createMigration({
        draft: Boolean(opts.empty),
        migrationName: opts.name,
        migrationsList,
        schema: { files },
        filters: FILTERS,
      });
      return {
        provider,
        script: created.migrationScript,
        warnings: loss.warnings,
        unexecutableSteps: loss.unexecutableSteps,
      };
    }),
  );
}

function withWarningsHeader(plan: ProviderPlan): string {
  let script = plan.script ?? "";
  if (script !== "" && !script.endsWith("\n")) script += "\n";
  const notes = [
    ...plan.warnings.map((w) => `  - ${w.message}`),
    ...plan.unexecutableSteps.map((w) => `  - ${w.message}`),
  ];
  if (notes.length === 0) return script;
  return `/*\n  Warnings:\n\n${notes.join("\n")}\n\n*/\n${script}`;
}

/**
 * Creates the next migration for BOTH providers (same folder name), from the SQLite schema and the
 * PostgreSQL schema derived from it. Writes nothing if neither provider has changes.
 */
export async function createMigrations(options: CreateOptions): Promise<CreateResult> {
  const log = options.log ?? (() => undefined);
  const sqliteSchemaPath = options.sqliteSchemaPath ?? defaultSchemaPath("sqlite");
  const postgresSchemaPath = options.postgresSchemaPath ?? defaultSchemaPath("postgresql");
  const sqliteMigrationsDir = options.sqliteMigrationsDir ?? defaultMigrationsDir("sqlite");
  const postgresMigrationsDir = options.postgresMigrationsDir ?? defaultMigrationsDir("postgresql");

  let sqliteSchema: string;
  let postgresSchema: string;
  try {
    sqliteSchema = readSchema(sqliteSchemaPath, "sqlite");
    postgresSchema = derivePostgresSchema(sqliteSchema);
  } catch (error) {
    throw new MigrateError((error as Error).message);
  }
  if (!existsSync(postgresSchemaPath) || readFileSync(postgresSchemaPath, "utf8") !== postgresSchema) {
    mkdirSync(dirname(postgresSchemaPath), { recursive: true });
    writeFileSync(postgresSchemaPath, postgresSchema);
    log(`Wrote ${postgresSchemaPath} (derived from ${sqliteSchemaPath})`);
  }
  const dirName = newMigrationDirName(options.name, [sqliteMigrationsDir, postgresMigrationsDir], options.now);
  const common = { name: dirName.replace(/^\d{14}_/, ""), empty: options.empty, scratchPostgresUrl: options.scratchPostgresUrl, log };

  log("Generating the SQLite and PostgreSQL migrations (in temporary databases)…");
  // Both engines run concurrently (each with its own connections): create takes as long as the slower one.
  // allSettled: both finish (and drop their temporary databases) before any error is reported.
  const settled = await Promise.allSettled([
    planMigration("sqlite", { path: sqliteSchemaPath, content: sqliteSchema }, sqliteMigrationsDir, common),
    planMigration("postgresql", { path: postgresSchemaPath, content: postgresSchema }, postgresMigrationsDir, common),
  ]);
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  const [sqlitePlan, postgresPlan] = settled.map((r) => (r as PromiseFulfilledResult<ProviderPlan>).value) as [
    ProviderPlan,
    ProviderPlan,
  ];
  const plans = [sqlitePlan, postgresPlan];
  if (!options.empty && plans.every((p) => p.script === null || p.script.trim() === "")) {
    return { name: null, files: [], plans };
  }
  const files = [
    writeMigration(sqliteMigrationsDir, "sqlite", dirName, withWarningsHeader(sqlitePlan) || "-- This migration has no changes for SQLite.\n"),
    writeMigration(
      postgresMigrationsDir,
      "postgresql",
      dirName,
      withWarningsHeader(postgresPlan) || "-- This migration has no changes for PostgreSQL.\n",
    ),
  ];
  return { name: dirName, files, plans };
}

// ───────────────────────────── diff ─────────────────────────────

/** SQL that would bring the database state built by the migrations folder to the schema. "" = in sync. */
export async function diffMigrationsToSchema(
  provider: Provider,
  options: {
    /** The hand-edited SQLite schema (the PostgreSQL one is derived from it in memory). */
    sqliteSchemaPath?: string;
    /** Only used as the file name in engine messages for PostgreSQL. */
    postgresSchemaPath?: string;
    migrationsDir?: string;
    scratchPostgresUrl?: string;
    log?: Log;
  } = {},
): Promise<string> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(provider);
  const scratchUrl = options.scratchPostgresUrl ?? process.env.MIGRATE_POSTGRES_URL ?? DEFAULT_SCRATCH_POSTGRES_URL;
  const sqliteSchemaPath = options.sqliteSchemaPath ?? defaultSchemaPath("sqlite");
  // The PostgreSQL schema is always derived from the SQLite one, so a stale checked-in copy does not matter.
  const schemaPath = provider === "sqlite" ? sqliteSchemaPath : (options.postgresSchemaPath ?? defaultSchemaPath("postgresql"));
  let content: string;
  try {
    const sqlite = readSchema(sqliteSchemaPath, "sqlite");
    content = provider === "sqlite" ? sqlite : derivePostgresSchema(sqlite);
  } catch (error) {
    throw new MigrateError((error as Error).message);
  }
  assertLockfileMatchesOrThrow(migrationsDir, provider);
  return withScratch(provider, scratchUrl, (target) =>
    withSession(target, { schema: { path: schemaPath, content }, log: options.log }, async ({ engine }) => {
      const out = await engine.diff({
        from: { tag: "migrations", ...migrationList(migrationsDir) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
        script: true,
        exitCode: null,
        filters: FILTERS,
      });
      const sql = out.stdout ?? "";
      return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
    }),
  );
}
