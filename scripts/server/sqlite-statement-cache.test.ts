import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { ArgType, SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

/**
 * The SQLite adapter keeps its prepared statements (a patch to @prisma/adapter-better-sqlite3, applied by
 * `postinstall`; docs/decisions/023-patched-dependencies.md). These tests drive the real adapter on scratch
 * database files: a statement is prepared once per connection and SQL text, yet every call gets its own
 * arguments, exact integers, the columns the table has now, and its own connection's data; a failed call or a
 * dropped table leaves the connection usable; at most 500 statements are kept. Every integration test on SQLite
 * runs through the same adapter.
 */
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), "cg-statements-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Adapter = SqlDriverAdapter & { client: { prepare(sql: string): unknown } };
const int: ArgType = { scalarType: "int", arity: "scalar" };
const text: ArgType = { scalarType: "string", arity: "scalar" };
const bigint: ArgType = { scalarType: "bigint", arity: "scalar" };

const opened: Adapter[] = [];
beforeEach(async () => {
  for (const adapter of opened.splice(0)) await adapter.dispose();
});
afterAll(async () => {
  for (const adapter of opened.splice(0)) await adapter.dispose();
});

/** A connection to a new database file, with a count of the statements it prepares. */
async function connect(name: string) {
  const adapter = (await new PrismaBetterSqlite3({ url: join(work, `${name}-${opened.length}.db`) }).connect()) as Adapter;
  opened.push(adapter);
  const prepared: string[] = [];
  const prepare = adapter.client.prepare.bind(adapter.client);
  adapter.client.prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };
  const run = (sql: string, args: unknown[] = [], argTypes: ArgType[] = args.map(() => text)) => adapter.executeRaw({ sql, args, argTypes });
  const query = async (sql: string, args: unknown[] = [], argTypes: ArgType[] = args.map(() => text)) => {
    const result = await adapter.queryRaw({ sql, args, argTypes });
    return { columns: result.columnNames, rows: result.rows };
  };
  return { adapter, prepared, run, query };
}

describe("the patch to @prisma/adapter-better-sqlite3", () => {
  it("is in both builds the package exports (import and require)", () => {
    const pkgFile = join(dirname(require.resolve("@prisma/adapter-better-sqlite3")), "..", "package.json");
    const { exports } = JSON.parse(readFileSync(pkgFile, "utf8")) as { exports: { ".": { import: { default: string }; require: { default: string } } } };
    for (const file of [exports["."].import.default, exports["."].require.default]) {
      expect(readFileSync(join(dirname(pkgFile), file), "utf8")).toContain("Commonground patch (patches/@prisma+adapter-better-sqlite3+");
    }
  });
});

describe("prepared statements kept by the SQLite adapter", () => {
  it("prepares a statement once per connection and runs it with each call's own arguments", async () => {
    const { prepared, run, query } = await connect("reuse");
    await run("CREATE TABLE parcel (id INTEGER PRIMARY KEY, apn TEXT NOT NULL)");
    for (const [id, apn] of [[1, "APN-1"], [2, "APN-2"], [3, "APN-3"]] as const) {
      expect(await run("INSERT INTO parcel (id, apn) VALUES (?, ?)", [id, apn], [int, text])).toBe(1);
    }
    for (const id of [2, 1, 3, 2]) {
      expect((await query("SELECT apn FROM parcel WHERE id = ?", [id], [int])).rows).toEqual([[`APN-${id}`]]);
    }
    expect((await query("SELECT apn FROM parcel WHERE id = ?", [9], [int])).rows).toEqual([]);
    expect(prepared.filter((sql) => sql.startsWith("INSERT"))).toHaveLength(1);
    expect(prepared.filter((sql) => sql.startsWith("SELECT"))).toHaveLength(1);
  });

  it("serves the same SQL as a write (executeRaw) and as a read (queryRaw), in either order", async () => {
    const { run, query } = await connect("modes");
    await run("CREATE TABLE fee (id INTEGER PRIMARY KEY, cents INTEGER NOT NULL)");
    const insert = "INSERT INTO fee (id, cents) VALUES (?, ?) RETURNING id, cents";
    expect(await run(insert, [1, 2500], [int, int])).toBe(1);
    expect((await query(insert, [2, 2600], [int, int])).rows).toEqual([[2, 2600]]);
    expect(await run(insert, [3, 2700], [int, int])).toBe(1);
    const update = "UPDATE fee SET cents = cents + ? WHERE id >= ?";
    expect((await query(update, [100, 2], [int, int])).rows).toEqual([]);
    expect(await run(update, [1, 1], [int, int])).toBe(3);
    expect((await query("SELECT id, cents FROM fee ORDER BY id")).rows).toEqual([[1, 2501], [2, 2701], [3, 2801]]);
  });

  it("keeps integers beyond 2^53 exact on every use of a kept statement", async () => {
    const { run, query } = await connect("integers");
    await run("CREATE TABLE amount (id INTEGER PRIMARY KEY, cents INTEGER NOT NULL)");
    await run("INSERT INTO amount (id, cents) VALUES (?, ?)", [1, "9007199254740993"], [int, bigint]);
    for (let i = 0; i < 3; i += 1) {
      const { rows } = await query("SELECT cents FROM amount WHERE id = ?", [1], [int]);
      expect(String(rows[0]![0])).toBe("9007199254740993");
    }
  });

  it("leaves a kept statement usable after it failed", async () => {
    const { prepared, run, query } = await connect("failure");
    await run("CREATE TABLE household (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    const insert = "INSERT INTO household (id, name) VALUES (?, ?)";
    await run(insert, [1, "Núñez"], [int, text]);
    await expect(run(insert, [2, "Núñez"], [int, text])).rejects.toMatchObject({ name: "DriverAdapterError" });
    expect(await run(insert, [2, "Ščerba"], [int, text])).toBe(1);
    expect((await query("SELECT name FROM household ORDER BY id")).rows).toEqual([["Núñez"], ["Ščerba"]]);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
  });

  it("returns the columns a table has now after it changed, and lets a table be dropped", async () => {
    const { run, query } = await connect("schema");
    await run("CREATE TABLE lease (id INTEGER PRIMARY KEY, code TEXT)");
    await run("INSERT INTO lease (id, code) VALUES (1, 'GL-1')");
    expect(await query("SELECT * FROM lease")).toEqual({ columns: ["id", "code"], rows: [[1, "GL-1"]] });
    await run("ALTER TABLE lease ADD COLUMN term_years INTEGER DEFAULT 99");
    expect(await query("SELECT * FROM lease")).toEqual({ columns: ["id", "code", "term_years"], rows: [[1, "GL-1", 99]] });
    await run("DROP TABLE lease");
    await expect(query("SELECT * FROM lease")).rejects.toMatchObject({ name: "DriverAdapterError" });
    await run("CREATE TABLE lease (id INTEGER PRIMARY KEY, note TEXT)");
    expect(await query("SELECT * FROM lease")).toEqual({ columns: ["id", "note"], rows: [] });
  });

  it("keeps each connection's statements apart", async () => {
    const a = await connect("first");
    const b = await connect("second");
    for (const [connection, apn] of [[a, "A-1"], [b, "B-1"]] as const) {
      await connection.run("CREATE TABLE parcel (id INTEGER PRIMARY KEY, apn TEXT)");
      await connection.run("INSERT INTO parcel (id, apn) VALUES (1, ?)", [apn]);
    }
    for (let i = 0; i < 2; i += 1) {
      expect((await a.query("SELECT apn FROM parcel")).rows).toEqual([["A-1"]]);
      expect((await b.query("SELECT apn FROM parcel")).rows).toEqual([["B-1"]]);
    }
  });

  it("keeps at most 500 statements, dropping the least recently used", async () => {
    const { prepared, query } = await connect("bound");
    const sql = (n: number) => `SELECT ${n} AS n`;
    const timesPrepared = (n: number) => prepared.filter((s) => s === sql(n)).length;
    for (let n = 0; n < 500; n += 1) await query(sql(n));
    await query(sql(0)); // used again: now the most recent
    await query(sql(500)); // the 501st: drops the least recently used, statement 1
    expect((await query(sql(0))).rows).toEqual([[0]]);
    expect(timesPrepared(0)).toBe(1);
    expect((await query(sql(1))).rows).toEqual([[1]]);
    expect(timesPrepared(1)).toBe(2);
    expect(prepared).toHaveLength(502);
  });
});
