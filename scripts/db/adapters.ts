/**
 * Migration-aware driver adapter factories for the wasm schema engine, built on the same driver adapters
 * the app uses (`@prisma/adapter-better-sqlite3`, `@prisma/adapter-pg`), with the workarounds documented in
 * docs/decisions/002-databases-and-migrations.md (the numbers are that record's list of engine and adapter bugs):
 *
 *  2. SQLite: `executeRaw` rejects multi-statement scripts (better-sqlite3 `prepare`) → fall back to
 *     `executeScript` (`db.exec`).
 *  5. PostgreSQL: catalog columns of type `"char"` (OID 18) cannot be decoded by adapter-pg → report them as
 *     `text` (OID 25); pg already returns their value as a string.
 *  6. PostgreSQL shadow database: adapter-pg's `connectToShadowDb` is unusable → we create and drop the
 *     shadow database ourselves with discrete connection settings.
 *  -  PostgreSQL: adapter-pg's `executeScript` splits the script on every ";" (breaks on semicolons inside
 *     string literals or function bodies) → send the whole script as one simple-protocol query instead.
 *
 * Every connection opened through a factory is tracked; `close()` disposes whatever the engine left open
 * (and drops leftover shadow databases), so callers can keep running and exit cleanly.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  IsolationLevel,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { DatabaseTarget, PgConnectionConfig } from "./url.ts";

export interface TrackedFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection still open and drops leftover shadow databases. Idempotent. */
  close(): Promise<void>;
}

/** Wraps an adapter so that its `dispose` is idempotent and tracked; `overrides` replace methods. */
function trackAdapter(
  inner: SqlDriverAdapter,
  open: Set<SqlDriverAdapter>,
  overrides: Partial<Pick<SqlDriverAdapter, "queryRaw" | "executeRaw" | "executeScript">> = {},
  afterDispose?: () => Promise<void>,
): SqlDriverAdapter {
  let disposed = false;
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: overrides.queryRaw ?? ((q: SqlQuery): Promise<SqlResultSet> => inner.queryRaw(q)),
    executeRaw: overrides.executeRaw ?? ((q: SqlQuery) => inner.executeRaw(q)),
    executeScript: overrides.executeScript ?? ((s: string) => inner.executeScript(s)),
    startTransaction: (level?: IsolationLevel): Promise<Transaction> => inner.startTransaction(level),
    async dispose() {
      if (disposed) return;
      disposed = true;
      open.delete(adapter);
      try {
        await inner.dispose();
      } finally {
        await afterDispose?.();
      }
    },
  };
  if (inner.getConnectionInfo) adapter.getConnectionInfo = () => inner.getConnectionInfo!();
  open.add(adapter);
  return adapter;
}

async function closeAll(open: Set<SqlDriverAdapter>): Promise<void> {
  const errors: unknown[] = [];
  for (const adapter of [...open]) {
    try {
      await adapter.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

// ───────────────────────────── SQLite ─────────────────────────────

function isMultiStatementError(error: unknown): boolean {
  return error instanceof Error && /more than one statement/i.test(error.message);
}

/** The migrations table exactly as Prisma's SQLite connector creates it. */
export const SQLITE_MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const MIGRATIONS_TABLE_COLUMNS = [
  "id",
  "checksum",
  "finished_at",
  "migration_name",
  "logs",
  "rolled_back_at",
  "started_at",
  "applied_steps_count",
];

function isMissingMigrationsTable(q: SqlQuery, error: unknown): boolean {
  if (!/_prisma_migrations/.test(q.sql)) return false;
  const cause = (error as { cause?: { kind?: string; originalMessage?: string; message?: string } })?.cause;
  if (cause?.kind === "TableDoesNotExist") return true;
  const message = `${cause?.originalMessage ?? cause?.message ?? ""} ${(error as Error)?.message ?? ""}`;
  return /no such table:\s*_prisma_migrations/i.test(message);
}

export interface SqliteFactoryOptions {
  /**
   * Bug 1: the wasm engine fails with P1014 when it reads `_prisma_migrations` on a database that has none.
   * `true` (commands that write): create the table the way Prisma does and retry the query.
   * `false` (read-only commands such as status): answer the query with an empty history instead.
   */
  createMigrationsTable: boolean;
}

export function sqliteFactory(file: string, options: SqliteFactoryOptions = { createMigrationsTable: true }): TrackedFactory {
  const open = new Set<SqlDriverAdapter>();
  const wrap = (inner: SqlDriverAdapter) =>
    trackAdapter(inner, open, {
      async queryRaw(q: SqlQuery) {
        try {
          return await inner.queryRaw(q);
        } catch (error) {
          if (!isMissingMigrationsTable(q, error)) throw error;
          if (!options.createMigrationsTable) {
            return { columnNames: MIGRATIONS_TABLE_COLUMNS, columnTypes: MIGRATIONS_TABLE_COLUMNS.map(() => 7), rows: [] };
          }
          await inner.executeScript(SQLITE_MIGRATIONS_TABLE_DDL);
          return inner.queryRaw(q);
        }
      },
      async executeRaw(q: SqlQuery) {
        try {
          return await inner.executeRaw(q);
        } catch (error) {
          if (q.args.length === 0 && isMultiStatementError(error)) {
            await inner.executeScript(q.sql);
            return 0;
          }
          throw error;
        }
      },
    });
  return {
    provider: "sqlite",
    adapterName: "@prisma/adapter-better-sqlite3",
    async connect() {
      mkdirSync(dirname(file), { recursive: true });
      return wrap(await new PrismaBetterSqlite3({ url: file }).connect());
    },
    async connectToShadowDb() {
      return wrap(await new PrismaBetterSqlite3({ url: ":memory:" }).connect());
    },
    close: () => closeAll(open),
  };
}

// ─────────────────────────── PostgreSQL ───────────────────────────

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function charAsText<T>(result: T): T {
  const results = Array.isArray(result) ? (result as QueryResultLike[]) : [result as QueryResultLike];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

/** A pg Client whose results report `"char"` columns as `text` (bug 5). */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : charAsText(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ret = (super.query as any)(...args);
    return ret && typeof ret.then === "function" ? ret.then(charAsText) : ret;
  }
}

export function pgPoolConfig(cfg: PgConnectionConfig, database = cfg.database): pg.PoolConfig {
  return {
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database,
    ssl: cfg.ssl,
    // One session, like Prisma's native engine: the advisory lock is taken and released on it.
    max: 1,
    idleTimeoutMillis: 0,
    options: cfg.schema ? `-c search_path="${cfg.schema.replace(/"/g, '""')}"` : undefined,
    Client: CharAsTextClient,
    application_name: "commonground-migrate",
  };
}

/** Runs `fn` with a single short-lived pg client on the given database (discrete settings). */
export async function withPgClient<T>(cfg: PgConnectionConfig, database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database,
    ssl: cfg.ssl,
    application_name: "commonground-migrate",
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function quotePgIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Databases are made from template0, which nobody can connect to: PostgreSQL refuses to copy a template another
 * session is connected to (SQLSTATE 55006), and this tool itself connects to template1 to drop "postgres".
 */
export async function createPgDatabase(cfg: PgConnectionConfig, name: string): Promise<void> {
  await withPgClient(cfg, maintenanceDatabase(cfg), (c) => c.query(`CREATE DATABASE ${quotePgIdent(name)} TEMPLATE template0`));
}

export async function dropPgDatabase(cfg: PgConnectionConfig, name: string): Promise<void> {
  await withPgClient(cfg, maintenanceDatabase(cfg), (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quotePgIdent(name)} WITH (FORCE)`),
  );
}

/** The database used to issue CREATE/DROP DATABASE: "postgres" unless that is the one being dropped. */
function maintenanceDatabase(cfg: PgConnectionConfig): string {
  return cfg.database === "postgres" ? "template1" : "postgres";
}

/** Maps a pg server error the way adapter-pg does for codes it has no special case for. */
function toDriverAdapterError(error: unknown): unknown {
  if (error instanceof pg.DatabaseError && typeof error.code === "string") {
    return new DriverAdapterError({
      kind: "postgres",
      code: error.code,
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
      originalCode: error.code,
      originalMessage: error.message,
    });
  }
  return error;
}

function pgAdapter(cfg: PgConnectionConfig, database: string, open: Set<SqlDriverAdapter>, afterDispose?: () => Promise<void>) {
  const pool = new pg.Pool(pgPoolConfig(cfg, database));
  return new PrismaPg(pool, { schema: cfg.schema, disposeExternalPool: true })
    .connect()
    .then((inner) =>
      trackAdapter(
        inner,
        open,
        {
          // Whole script in one simple-protocol round trip (pg allows several statements without params).
          async executeScript(script: string) {
            try {
              await pool.query(script);
            } catch (error) {
              throw toDriverAdapterError(error);
            }
          },
        },
        afterDispose,
      ),
    );
}

/** Empties a database: drops every non-system schema, then recreates `public`. */
async function emptyPgDatabase(cfg: PgConnectionConfig, database: string): Promise<void> {
  await withPgClient(cfg, database, async (c) => {
    const { rows } = await c.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    const drops = rows.map((r) => `DROP SCHEMA ${quotePgIdent(r.nspname)} CASCADE;`).join("\n");
    await c.query(`${drops}\nCREATE SCHEMA public;`);
  });
}

export function postgresFactory(cfg: PgConnectionConfig): TrackedFactory {
  const open = new Set<SqlDriverAdapter>();
  // Shadow databases we created: name → in use. CREATE DATABASE is slow on a busy server (≈0.5 s) and the
  // engine asks for a shadow database up to 4 times per `create`, so one is reused (emptied in between).
  const shadowDatabases = new Map<string, boolean>();
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => pgAdapter(cfg, cfg.database, open),
    async connectToShadowDb() {
      let name = [...shadowDatabases].find(([, inUse]) => !inUse)?.[0];
      if (name !== undefined) {
        await emptyPgDatabase(cfg, name);
      } else {
        name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
        await withPgClient(cfg, cfg.database, (c) => c.query(`CREATE DATABASE ${quotePgIdent(name!)} TEMPLATE template0`));
      }
      const shadow = name;
      shadowDatabases.set(shadow, true);
      return pgAdapter(cfg, shadow, open, async () => {
        shadowDatabases.set(shadow, false);
      });
    },
    async close() {
      try {
        await closeAll(open);
      } finally {
        for (const name of [...shadowDatabases.keys()]) {
          await dropPgDatabase(cfg, name).catch(() => undefined);
          shadowDatabases.delete(name);
        }
      }
    },
  };
}

export function factoryFor(target: DatabaseTarget, options: SqliteFactoryOptions = { createMigrationsTable: true }): TrackedFactory {
  return target.provider === "sqlite" ? sqliteFactory(target.file, options) : postgresFactory(target.pg);
}
