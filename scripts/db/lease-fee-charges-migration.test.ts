/**
 * The data half of migration `lease_fee_charges_derived` (ADR 021) on a SQLite database that stored each lease-fee
 * charge as a row: each lease gets a posting marker at its last stored charge, a reversal of a stored charge is
 * re-keyed to the charge's key, the stored charges go, every other entry stays as it was, and the append-only and
 * forward-only triggers hold afterwards.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { deployMigrations } from "./engine.ts";
import { defaultMigrationsDir } from "./migrations.ts";

const MIGRATION = "20261201090714_lease_fee_charges_derived";
const dir = mkdtempSync(join(tmpdir(), "cg-fee-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Inserts a row giving every NOT NULL column without a default a placeholder value (foreign keys are off). */
function insert(db: Database.Database, table: string, values: Record<string, unknown>): void {
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.name in values) row[column.name] = values[column.name];
    else if (column.notnull && column.dflt_value === null) row[column.name] = /INT|REAL|DECIMAL/i.test(column.type) ? 0 : column.type === "DATETIME" ? "2025-01-01T00:00:00.000Z" : "x";
  }
  const names = Object.keys(row);
  db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...Object.values(row));
}

test("stored charges become the posting marker; reversals of charges name the charge; nothing else changes", async () => {
  const all = readdirSync(defaultMigrationsDir("sqlite"));
  const before = join(dir, "before");
  cpSync(defaultMigrationsDir("sqlite"), before, { recursive: true, filter: (source) => !source.includes(MIGRATION) && !all.filter((name) => /^\d{14}_/.test(name) && name > MIGRATION).some((name) => source.includes(name)) });
  const url = `file:${join(dir, "fees.db")}`;
  await deployMigrations(url, { migrationsDir: before });

  const db = new Database(join(dir, "fees.db"));
  db.pragma("foreign_keys = OFF");
  insert(db, "Organisation", { id: "org" });
  insert(db, "Lease", { id: "lease-a", organisationId: "org", reference: "GL-A" });
  insert(db, "Lease", { id: "lease-b", organisationId: "org", reference: "GL-B" });
  const entry = (id: string, leaseId: string, kind: string, date: string, amountCents: number, extra: Record<string, unknown> = {}) =>
    insert(db, "LeaseFeeEntry", { id, organisationId: "org", leaseId, kind, date, amountCents, createdByLabel: "Old", ...extra });
  entry("c1", "lease-a", "charge", "2025-01-01", 2500, { entryKey: "charge:2025-01-01" });
  entry("c2", "lease-a", "charge", "2025-02-01", 2500, { entryKey: "charge:2025-02-01" });
  entry("l1", "lease-a", "late-charge", "2025-01-12", 1000, { entryKey: "late:2025-01-01" });
  entry("p1", "lease-a", "payment", "2025-01-20", -3500, { reference: "ACH-1" });
  entry("r1", "lease-a", "reversal", "2025-02-10", -2500, { reversesId: "c2", appliesTo: "charge:2025-02-01", note: "Charged in error" });
  entry("r2", "lease-a", "reversal", "2025-02-11", 3500, { reversesId: "p1", note: "Returned" });
  entry("c3", "lease-b", "charge", "2025-03-15", 1371, { entryKey: "charge:2025-03-15" });
  db.close();

  await deployMigrations(url);
  const after = new Database(join(dir, "fees.db"));
  try {
    expect(after.prepare(`SELECT "leaseId", "organisationId", "chargesPostedThrough" FROM "LeaseFeeLedger" ORDER BY "leaseId"`).all()).toEqual([
      { leaseId: "lease-a", organisationId: "org", chargesPostedThrough: "2025-02-01" },
      { leaseId: "lease-b", organisationId: "org", chargesPostedThrough: "2025-03-15" },
    ]);
    expect(after.prepare(`SELECT "id", "kind", "entryKey", "reversesId", "appliesTo", "amountCents" FROM "LeaseFeeEntry" ORDER BY "id"`).all()).toEqual([
      { id: "l1", kind: "late-charge", entryKey: "late:2025-01-01", reversesId: null, appliesTo: null, amountCents: 1000 },
      { id: "p1", kind: "payment", entryKey: null, reversesId: null, appliesTo: null, amountCents: -3500 },
      { id: "r1", kind: "reversal", entryKey: "reversal-of:charge:2025-02-01", reversesId: null, appliesTo: "charge:2025-02-01", amountCents: -2500 },
      { id: "r2", kind: "reversal", entryKey: null, reversesId: "p1", appliesTo: null, amountCents: 3500 },
    ]);
    expect(() => after.prepare(`UPDATE "LeaseFeeEntry" SET "note" = 'x'`).run()).toThrow(/append-only/);
    expect(() => after.prepare(`DELETE FROM "LeaseFeeEntry"`).run()).toThrow(/append-only/);
    expect(() => after.prepare(`UPDATE "LeaseFeeLedger" SET "chargesPostedThrough" = '2025-01-31'`).run()).toThrow(/only moves forward/);
    expect(() => after.prepare(`DELETE FROM "LeaseFeeLedger"`).run()).toThrow(/only moves forward/);
    after.prepare(`UPDATE "LeaseFeeLedger" SET "chargesPostedThrough" = '2025-04-01' WHERE "leaseId" = 'lease-a'`).run();
  } finally {
    after.close();
  }
});
