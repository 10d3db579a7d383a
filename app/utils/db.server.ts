import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { databaseUrl, isPostgresUrl } from "./env.server";

/**
 * The one database client. Both generated clients have identical model types (the PostgreSQL schema is
 * derived from the SQLite one), so the app is typed against the SQLite client and the engine is chosen
 * from the DATABASE_URL scheme (docs/decisions/002-databases-and-migrations.md).
 */
export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

declare global {
  var __commongroundDb: { url: string; client: Db } | undefined;
}

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const adapter = new PrismaBetterSqlite3({ url: url.replace(/^file:/, "") });
  return new SqliteClient({ adapter });
}

export function db(): Db {
  const url = databaseUrl();
  if (!globalThis.__commongroundDb || globalThis.__commongroundDb.url !== url) {
    globalThis.__commongroundDb = { url, client: createDb(url) };
  }
  return globalThis.__commongroundDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalThis.__commongroundDb;
  globalThis.__commongroundDb = undefined;
  await current?.client.$disconnect();
}

/** A unique constraint refused a write: P2002 from a Prisma query, or P2010 from a raw statement whose driver
 * adapter error is a unique constraint violation (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  if (code === "P2002") return true;
  return code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
