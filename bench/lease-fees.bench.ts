/**
 * Lease-fee ledgers at scale, on SQLite (issue 11's target: the ledgers of 10,000 leases over 10 years generated and
 * aged in under 5 s). Two scenarios, each in its own fresh database:
 * - **portfolio** (the headline, judged against the target): 10,000 leases × 10 years whose homeowners mostly pay
 *   each month — 90 % on time (0–7 days after the due date, inside the 10 grace days), 8 % late one month in four
 *   (15 days after the due date, with the $10 late charge), 2 % in deep arrears (eleven months' fee once a year);
 * - **arrears** (the worst case of earlier runs): every homeowner pays eleven months' fee once a year, so almost
 *   every charge also draws a late charge and a late-payment event (1,000 leases by default: it stores ≈ 92 late
 *   charges and events per lease).
 * Payments are seeded untimed (one INSERT … SELECT per 20,000 rows). Timed, in wall time and in this process's CPU
 * time (SQLite runs in this thread): the headline, what the arrears page does — the scheduled step for every lease
 * (post the charges, store the late charges and events) and every ledger aged, each batch of ledgers read once
 * (`generateAllChargesAndArrears`); then aging alone as the director's report reads it (`arrearsList`), and the
 * step again with nothing left to post (`generateAllCharges`).
 *   npm run bench:fees [-- --leases 10000 --years 10 --arrears-leases 1000]   (--arrears-leases 0 skips it)
 *   --profile /tmp/fees: a CPU profile of each scenario's timed part (/tmp/fees.portfolio.cpuprofile, …)
 *   --seeded /tmp/fees: keep each scenario's seeded database (/tmp/fees.portfolio.10000x10.db, …) and start from a
 *   copy of it when it exists (for iterating on the code: the seeding of 10,000 leases takes a minute)
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { leases: { type: "string", default: "10000" }, years: { type: "string", default: "10" }, "arrears-leases": { type: "string", default: "1000" }, scenario: { type: "string" }, seeded: { type: "string" }, profile: { type: "string" } },
});
const YEARS = Number(values.years);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Scenario = "portfolio" | "arrears";

/** `--profile FILE`: a V8 CPU profile of the timed part only (not the setup), written to FILE (open it in Chrome's DevTools). */
async function startProfile(): Promise<{ stop: (file: string) => Promise<void> }> {
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    stop: async (file) => {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Runs one scenario in a child process of its own (a fresh database, a fresh heap): see `runScenario`. */
async function child(scenario: Scenario, leases: number): Promise<void> {
  const { execFileSync } = await import("node:child_process");
  const profile = values.profile ? ["--profile", `${values.profile}.${scenario}.cpuprofile`] : [];
  if (values.seeded) profile.push("--seeded", `${values.seeded}.${scenario}.${leases}x${YEARS}.db`);
  execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, "--scenario", scenario, "--leases", String(leases), "--years", String(YEARS), ...profile], { stdio: "inherit" });
}

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

async function runScenario(scenario: Scenario, LEASES: number): Promise<void> {
  const file = join(tmpdir(), `cg_bench_fees_${process.pid}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.SESSION_SECRET = "bench-session-secret-0123456789abcdefghijkl";
  process.env.NODE_ENV = "production";
  try {
    const { copyFileSync, existsSync } = await import("node:fs");
    const reuse = values.seeded !== undefined && existsSync(values.seeded);
    if (reuse) copyFileSync(values.seeded!, file);
    const { deployMigrations } = await import("../scripts/db/engine.ts");
    // also on a copy of a seeded database: it gets the migrations added since it was seeded
    await deployMigrations(process.env.DATABASE_URL);
    const { db, disconnectDb } = await import("~/utils/db.server");
    const { createOrganisation } = await import("~/modules/demo/organisations");
    const { seedScale } = await import("~/modules/demo/scale");
    const { systemActor } = await import("~/modules/audit/audit.server");
    const { generateAllCharges, generateAllChargesAndArrears, arrearsList } = await import("~/modules/lease-fees/ledger.server");
    const { scheduledCharges } = await import("~/modules/lease-fees/rules");
    const { addDays, addYears } = await import("~/utils/calendar-date");

    const setupStarted = performance.now();
    const organisation = reuse ? await db().organisation.findFirstOrThrow({ select: { id: true } }) : (await createOrganisation(db())).organisation;
    if (!reuse) await seedScale(db(), organisation.id, LEASES);
    const homes = await db().home.findMany({ where: { organisationId: organisation.id }, select: { id: true, ownerships: { select: { householdId: true } } }, orderBy: { id: "asc" } });
    const timestamp = "2025-01-01T00:00:00.000+00:00";
    const through = addYears("2025-01-01", YEARS);
    const leases: unknown[][] = [];
    const payments: [string, string, string, number][] = [];
    const mix = { "on time": 0, "late one month in four": 0, "deep arrears": 0 };
    homes.forEach((home, i) => {
      const id = `bench-lease-${i}`;
      const commencementDate = addDays("2025-01-01", i % 365);
      const fee = 2000 + (i % 30) * 100;
      const fixed = i % 2 === 0;
      const dueDay = 1 + (i % 28);
      leases.push([id, organisation.id, `GL-${String(i).padStart(6, "0")}`, home.id, home.ownerships[0]!.householdId, "active", commencementDate, addDays(addYears(commencementDate, 99), -1), fee, JSON.stringify(fixed ? { kind: "fixed-percent", annualRate: "0.03" } : { kind: "none" }), dueDay, "[]", home.id, timestamp]);
      // the homeowner's habit: i mod 50 → 0 deep arrears (2 %), 1–4 late one month in four (8 %), else on time (90 %)
      const habit = scenario === "arrears" || i % 50 === 0 ? "deep arrears" : i % 50 <= 4 ? "late one month in four" : "on time";
      mix[habit] += 1;
      if (habit === "deep arrears") {
        // a payment each year of eleven months' base fee: behind by a month a year, so late charges and arrears grow
        for (let year = 0; year < YEARS; year++) payments.push([id, addDays(addYears(commencementDate, year), 20), "", -11 * fee]);
        return;
      }
      const charges = scheduledCharges({ monthlyFeeCents: fee, commencementDate, dueDay, escalation: fixed ? { type: "fixed", rate: "0.03" } : { type: "none" }, graceDays: 10, lateChargeCents: 1000 }, through);
      charges.forEach((charge, k) => {
        const late = habit === "late one month in four" && k % 4 === 3;
        // on time: 0–7 days after the due date (the grace period is 10 days); late: 15 days after, with the late charge
        const date = addDays(charge.date, late ? 15 : (i + k) % 8);
        if (date <= through) payments.push([id, date, `ACH-${k}`, -(charge.amountCents + (late ? 1000 : 0))]);
      });
    });
    const insertJson = async (sql: string, rows: unknown[][]) => {
      if (reuse) return;
      for (let start = 0; start < rows.length; start += 20_000) await db().$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + 20_000)));
    };
    await insertJson(
      `INSERT INTO "Lease" ("id", "organisationId", "reference", "homeId", "householdId", "status", "commencementDate", "expirationDate", "monthlyFeeCents", "feeEscalation", "feeDueDay", "riders", "bindingHomeId", "updatedAt")
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13 FROM json_each(?)`,
      leases,
    );
    await insertJson(
      `INSERT INTO "LeaseFeeEntry" ("id", "organisationId", "leaseId", "kind", "date", "reference", "amountCents", "createdByLabel")
       SELECT value ->> 0, value ->> 1, value ->> 2, 'payment', value ->> 3, value ->> 4, value ->> 5, 'Bench' FROM json_each(?)`,
      payments.map(([leaseId, date, reference, amount]) => [randomUUID(), organisation.id, leaseId, date, reference, amount]),
    );
    if (values.seeded && !reuse) {
      copyFileSync(file, values.seeded);
    }
    // the setup's writes (or the copy of the seeded file, ≈ 470 MB at 10,000 leases) on disk before the timer starts:
    // otherwise the system writes them back during the timed part, and runs varied by 2× with where that fell
    const { openSync, fsyncSync, closeSync } = await import("node:fs");
    const fd = openSync(file, "r+");
    fsyncSync(fd);
    closeSync(fd);
    const setupMs = performance.now() - setupStarted;

    const actor = systemActor(organisation.id, "Benchmark");
    const profiler = values.profile ? await startProfile() : null;
    // what the arrears page does (`/fees`): the step up to today, then every ledger aged as of today, each batch of
    // ledgers read once (generateAllChargesAndArrears)
    const generatedAndAged = await timed(() => generateAllChargesAndArrears(db(), actor, through, through));
    // for comparison: aging alone, as the director's report reads it (arrearsList reads every ledger itself)
    const arrears = await timed(() => arrearsList(db(), organisation.id, through));
    const again = await timed(() => generateAllCharges(db(), actor, through));
    if (profiler) await profiler.stop(values.profile!);
    const counts = await db().leaseFeeEntry.groupBy({ by: ["kind"], _count: true, where: { organisationId: organisation.id } });
    const events = await db().monitoringEvent.groupBy({ by: ["type"], _count: true, where: { organisationId: organisation.id } });
    const markers = await db().leaseFeeLedger.count({ where: { organisationId: organisation.id, chargesPostedThrough: through } });
    await disconnectDb();

    const n = (value: number) => value.toLocaleString("en-US");
    console.log(`\n${scenario === "portfolio" ? "Portfolio (the headline)" : "Worst case: every ledger in arrears"}: ${n(LEASES)} leases × ${YEARS} years on SQLite (setup ${seconds(setupMs)}, not timed)`);
    console.log(`  homeowners: ${Object.entries(mix).filter(([, count]) => count > 0).map(([habit, count]) => `${n(count)} ${habit}`).join(", ")}`);
    console.log(`  stored entries: ${counts.map((c) => `${n(c._count)} ${c.kind}`).join(", ")}; ${n(markers)} leases with charges posted through ${through}`);
    console.log(`  monitoring events created: ${events.map((e) => `${n(e._count)} ${e.type}`).join(", ") || "none"}`);
    const owed = (list: typeof arrears.value) => `${n(list.rows.length)} leases in arrears, ${(list.totals.balance / 100).toLocaleString("en-US", { style: "currency", currency: "USD" })} owed`;
    console.log(`  scheduled step and every ledger aged, as the arrears page (post every charge, store the late charges and events, age as of ${through}): ${generatedAndAged.text} (${n(generatedAndAged.value.posted)} charges and late charges posted; ${owed(generatedAndAged.value.arrears)})`);
    console.log(`  age every ledger alone (arrears list as of ${through}, as the director's report): ${arrears.text} (${owed(arrears.value)})`);
    console.log(`  the scheduled step again, nothing left to post: ${again.text} (${again.value.posted} posted)`);
    console.log(
      `  ==> ${n(LEASES)} ledgers × ${YEARS} years generated and aged: ${seconds(generatedAndAged.cpu)} CPU, ${seconds(generatedAndAged.wall)} wall${scenario === "portfolio" && LEASES === 10_000 && YEARS === 10 ? ` (target: under 5 s — ${generatedAndAged.wall < 5000 ? "met" : "NOT met"} in wall time, ${generatedAndAged.cpu < 5000 ? "met" : "NOT met"} in CPU time)` : ""}`,
    );
    console.log(`  load average (1, 5, 15 min) at the end: ${loadavg().map((value) => value.toFixed(1)).join(", ")} on ${cpus().length} cores`);
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  }
}

if (values.scenario === "portfolio" || values.scenario === "arrears") {
  await runScenario(values.scenario, Number(values.leases));
} else {
  await child("portfolio", Number(values.leases));
  if (Number(values["arrears-leases"]) > 0) await child("arrears", Number(values["arrears-leases"]));
}
