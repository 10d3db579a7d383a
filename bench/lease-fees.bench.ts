/**
 * Lease-fee ledgers at scale, on SQLite: 10,000 leases, each with ten years of monthly charges (about 1.2
 * million charges) and a payment a year that leaves one month unpaid (so late charges and arrears exist).
 * Times the scheduled step that generates and stores every charge and late charge (`generateAllCharges`) and
 * the arrears list that ages every ledger (`arrearsList`). Figures only — no assertions.
 *   npm run bench:fees [-- --leases 10000 --years 10]
 * Setup (homes, households, leases, payments) is written with multi-row INSERTs and is not timed.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { leases: { type: "string", default: "10000" }, years: { type: "string", default: "10" } } });
const LEASES = Number(values.leases);
const YEARS = Number(values.years);
const file = join(tmpdir(), `cg_bench_fees_${process.pid}.db`);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "bench-session-secret-0123456789abcdefghijkl";
process.env.NODE_ENV = "production";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Wall time and this process's CPU time (user + system; SQLite runs in this thread) of `run`. */
async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number; text: string }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1000;
  return { value, wall, cpu, text: `${seconds(wall)} wall, ${seconds(cpu)} CPU` };
}

try {
  const { deployMigrations } = await import("../scripts/db/engine.ts");
  await deployMigrations(process.env.DATABASE_URL);
  const { db, disconnectDb } = await import("~/utils/db.server");
  const { createOrganisation } = await import("~/modules/demo/organisations");
  const { seedScale } = await import("~/modules/demo/scale");
  const { systemActor } = await import("~/modules/audit/audit.server");
  const { generateAllCharges, arrearsList } = await import("~/modules/lease-fees/ledger.server");
  const { addDays, addYears } = await import("~/utils/calendar-date");

  const setupStarted = performance.now();
  const { organisation } = await createOrganisation(db());
  await seedScale(db(), organisation.id, LEASES);
  const homes = await db().home.findMany({ where: { organisationId: organisation.id }, select: { id: true, ownerships: { select: { householdId: true } } }, orderBy: { id: "asc" } });
  const timestamp = "2025-01-01T00:00:00.000+00:00";
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const placeholders = chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ");
      await db().$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${placeholders}`, ...chunk.flat());
    }
  };
  const leases: unknown[][] = [];
  const payments: unknown[][] = [];
  homes.forEach((home, i) => {
    const id = `bench-lease-${i}`;
    const commencementDate = addDays("2025-01-01", i % 365);
    const fee = 2000 + (i % 30) * 100;
    const escalation = i % 2 === 0 ? { kind: "fixed-percent", annualRate: "0.03" } : { kind: "none" };
    leases.push([id, organisation.id, `GL-${String(i).padStart(6, "0")}`, home.id, home.ownerships[0]!.householdId, "active", commencementDate, addDays(addYears(commencementDate, 99), -1), fee, JSON.stringify(escalation), 1 + (i % 28), "[]", home.id, timestamp]);
    // a payment each year of eleven months' base fee: behind by a month a year, so late charges and arrears grow
    for (let year = 0; year < YEARS; year++) {
      payments.push([randomUUID(), organisation.id, id, "payment", null, addDays(addYears(commencementDate, year), 20), -11 * fee, "Bench"]);
    }
  });
  await insert("Lease", ["id", "organisationId", "reference", "homeId", "householdId", "status", "commencementDate", "expirationDate", "monthlyFeeCents", "feeEscalation", "feeDueDay", "riders", "bindingHomeId", "updatedAt"], leases);
  await insert("LeaseFeeEntry", ["id", "organisationId", "leaseId", "kind", "entryKey", "date", "amountCents", "createdByLabel"], payments);
  const setupMs = performance.now() - setupStarted;

  const through = addYears("2025-01-01", YEARS);
  const actor = systemActor(organisation.id, "Benchmark");
  const generated = await timed(() => generateAllCharges(db(), actor, through));
  const arrears = await timed(() => arrearsList(db(), organisation.id, through));
  const again = await timed(() => generateAllCharges(db(), actor, through));
  // the rules alone, in memory (no database): the same leases and payments, generated and aged
  const { computeLedger } = await import("~/modules/lease-fees/rules");
  const inMemory = await timed(() => {
    let debits = 0;
    homes.forEach((_, i) => {
      const commencementDate = addDays("2025-01-01", i % 365);
      const fee = 2000 + (i % 30) * 100;
      const credits = Array.from({ length: YEARS }, (_, year) => ({ kind: "payment" as const, date: addDays(addYears(commencementDate, year), 20), amountCents: 11 * fee }));
      const ledger = computeLedger({
        terms: { monthlyFeeCents: fee, commencementDate, dueDay: 1 + (i % 28), escalation: i % 2 === 0 ? { type: "fixed", rate: "0.03" } : { type: "none" }, graceDays: 10, lateChargeCents: 1000 },
        credits,
        asOf: through,
        withLines: false,
      });
      debits += ledger.debits.length;
    });
    return debits;
  });
  const counts = await db().leaseFeeEntry.groupBy({ by: ["kind"], _count: true, where: { organisationId: organisation.id } });
  const events = await db().monitoringEvent.groupBy({ by: ["type"], _count: true, where: { organisationId: organisation.id } });
  await disconnectDb();

  console.log(`Lease-fee ledgers on SQLite: ${LEASES.toLocaleString("en-US")} leases × ${YEARS} years (setup ${seconds(setupMs)}, not timed)`);
  console.log(`  entries: ${counts.map((c) => `${c._count.toLocaleString("en-US")} ${c.kind}`).join(", ")}`);
  console.log(`  monitoring events created with them: ${events.map((e) => `${e._count.toLocaleString("en-US")} ${e.type}`).join(", ") || "none"}`);
  console.log(`  generate and store every charge and late charge (scheduled step): ${generated.text} (${generated.value.posted.toLocaleString("en-US")} entries)`);
  console.log(`  age every ledger (arrears list as of ${through}): ${arrears.text} (${arrears.value.rows.length.toLocaleString("en-US")} leases in arrears, ${(arrears.value.totals.balance / 100).toLocaleString("en-US", { style: "currency", currency: "USD" })} owed)`);
  console.log(`  generated and aged: ${seconds(generated.wall + arrears.wall)} wall, ${seconds(generated.cpu + arrears.cpu)} CPU`);
  console.log(`  the scheduled step again, nothing left to post: ${again.text} (${again.value.posted} entries)`);
  console.log(`  the rules alone in memory, generated and aged: ${inMemory.text} (${inMemory.value.toLocaleString("en-US")} charges and late charges)`);
  console.log(`  load average (1, 5, 15 min) at the end: ${loadavg().map((n) => n.toFixed(1)).join(", ")} on ${cpus().length} cores`);
} finally {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}
