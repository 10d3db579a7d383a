import type { Db, Tx } from "./db.server";
import { databaseUrl, isPostgresUrl } from "./env.server";

/**
 * Many rows into one table with few statements: an INSERT … SELECT per `rowsPerStatement` rows whose values travel
 * as one JSON parameter (the pattern of `recordAuditMany` and the lease-fee step). A statement with a parameter per
 * value, or a Prisma `create` per row, costs far more CPU per row (docs/benchmarks.md).
 *
 * A column's `type` says how its JSON value is stored: `text` (a string or null), `integer` (a number or null),
 * `bigint` (a decimal string or null — integer cents beyond 2^53 stay exact), `boolean` (true, false or null; 1/0
 * on SQLite, as Prisma stores it), `timestamp` (an ISO instant string,
 * stored as Prisma stores a DateTime: text on SQLite, TIMESTAMP(3) on PostgreSQL) or, on PostgreSQL, the name of an
 * enum type (`{ enum: "ParcelStatus" }`; SQLite stores enums as text).
 *
 * Every row is written with the given organisation in its "organisationId" column (the table must have one; the
 * columns given are the others). Run it inside the transaction that makes the change.
 */
export type BulkColumn = { name: string; type: "text" | "integer" | "bigint" | "boolean" | "timestamp" | { enum: string } };
export type BulkValue = string | number | null;

export async function insertRowsFromJson(
  tx: Tx | Db,
  organisationId: string,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly BulkValue[])[],
  rowsPerStatement = 5_000,
): Promise<void> {
  if (rows.length === 0) return;
  const postgres = isPostgresUrl(databaseUrl());
  const names = ["organisationId", ...columns.map((column) => column.name)].map((name) => `"${name}"`).join(", ");
  const values = columns
    .map((column, i) => {
      const value = postgres ? `r->>${i}` : `value ->> ${i}`;
      const type = column.type;
      if (typeof type === "object") return postgres ? `CAST(${value} AS "${type.enum}")` : value;
      if (type === "integer") return postgres ? `CAST(${value} AS INTEGER)` : value;
      if (type === "boolean") return postgres ? `CAST(${value} AS BOOLEAN)` : value;
      if (type === "bigint") return postgres ? `CAST(${value} AS BIGINT)` : `CAST(${value} AS INTEGER)`;
      if (type === "timestamp") return postgres ? `CAST(${value} AS TIMESTAMP(3))` : value;
      return value;
    })
    .join(", ");
  const sql = postgres
    ? `INSERT INTO "${table}" (${names}) SELECT CAST($1 AS TEXT), ${values} FROM json_array_elements(CAST($2 AS JSON)) AS r`
    : `INSERT INTO "${table}" (${names}) SELECT ?, ${values} FROM json_each(?)`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await tx.$executeRawUnsafe(sql, organisationId, JSON.stringify(rows.slice(start, start + rowsPerStatement)));
  }
}

/** An instant as `insertRowsFromJson` stores a `timestamp` column: the text Prisma writes on SQLite ("…+00:00"). */
export function bulkTimestamp(instant: Date): string {
  const iso = instant.toISOString();
  return isPostgresUrl(databaseUrl()) ? iso : iso.replace("Z", "+00:00");
}

/** Lets timers and other requests run (a long piece of CPU work in slices: `await yieldToEventLoop()` between them). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
