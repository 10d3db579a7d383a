/**
 * DATABASE_URL parsing shared by the migrate tool.
 *
 *  - SQLite: `file:./data/commonground.db`, `file:/abs/path.db`, `file:///abs/path.db` (query string ignored).
 *    A relative path is resolved against the current working directory (the repo root for npm scripts),
 *    exactly like the app's better-sqlite3 adapter does.
 *  - PostgreSQL: `postgres://…` or `postgresql://…`.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_DATABASE_URL = "file:./data/commonground.db";

export type Provider = "sqlite" | "postgresql";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string; pg: PgConnectionConfig };

/** Discrete connection settings (never a connection string: see adapters.ts, bug 6). */
export interface PgConnectionConfig {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  ssl?: boolean | { rejectUnauthorized: boolean };
  schema?: string;
}

export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed === "") throw new Error("DATABASE_URL is empty");
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    return { provider: "postgresql", url: trimmed, pg: parsePgUrl(trimmed) };
  }
  if (/^file:/i.test(trimmed)) {
    let path: string;
    if (/^file:\/\//i.test(trimmed)) {
      path = fileURLToPath(trimmed.replace(/\?.*$/, ""));
    } else {
      path = decodeURIComponent(trimmed.slice("file:".length).replace(/\?.*$/, ""));
    }
    if (path === "" ) throw new Error(`DATABASE_URL "${url}" has no file path`);
    if (path === ":memory:") throw new Error("an in-memory SQLite database cannot be migrated by this tool");
    return { provider: "sqlite", url: trimmed, file: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const scheme = trimmed.slice(0, trimmed.indexOf(":"));
    throw new Error(`unsupported DATABASE_URL scheme "${scheme}:" (use "file:" for SQLite or "postgresql://" for PostgreSQL)`);
  }
  throw new Error(`unrecognised DATABASE_URL "${url}" (use "file:./path.db" for SQLite or "postgresql://…" for PostgreSQL)`);
}

function parsePgUrl(url: string): PgConnectionConfig {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  const params = u.searchParams;
  const sslmode = params.get("sslmode");
  let ssl: PgConnectionConfig["ssl"];
  if (sslmode === "require" || sslmode === "prefer") ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") ssl = true;
  const host = decodeURIComponent(u.hostname) || params.get("host") || "localhost";
  return {
    host: host.startsWith("[") ? host.slice(1, -1) : host,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || process.env.PGUSER || "postgres",
    password: u.password ? decodeURIComponent(u.password) : process.env.PGPASSWORD,
    database,
    ssl,
    schema: params.get("schema") ?? undefined,
  };
}

/** Builds a postgresql:// URL from discrete settings (for messages and temporary databases). */
export function formatPgUrl(cfg: PgConnectionConfig, database = cfg.database): string {
  const auth = cfg.password !== undefined
    ? `${encodeURIComponent(cfg.user)}:${encodeURIComponent(cfg.password)}`
    : encodeURIComponent(cfg.user);
  const host = cfg.host.includes(":") ? `[${cfg.host}]` : cfg.host;
  return `postgresql://${auth}@${host}:${cfg.port}/${encodeURIComponent(database)}`;
}

/** The URL with its password hidden, for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
