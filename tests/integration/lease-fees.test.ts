import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import {
  arrearsList,
  bookkeepingCsv,
  generateAllCharges,
  generateAllChargesAndArrears,
  generateLeaseCharges,
  importPayments,
  leaseLedger,
  LeaseFeeError,
  payoffFigure,
  recordIndexValue,
  recordPayment,
  recordWaiver,
  reverseEntry,
  saveAccountCodes,
} from "~/modules/lease-fees/ledger.server";
import { action as feesAction, loader as feesLoader } from "~/routes/leases.$leaseId.fees";
import { loader as statementLoader } from "~/routes/households.$householdId.statement[.]pdf";
import { loader as arrearsLoader } from "~/routes/fees._index";
import { amendLease } from "~/modules/leases/leases.server";
import { feeLedgerForAmendments } from "~/modules/lease-fees/terms.server";
import { listMonitoringEvents } from "~/modules/stewardship/events.server";
import { todayIn } from "~/utils/calendar-date";
import { createDb, db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The stored lease-fee ledger on a real database. The same file runs on SQLite and PostgreSQL; every expected
 * figure is a literal worked by hand (docs/lease-fees.md), so both engines give identical ledgers to the cent.
 */

const TODAY = "2026-02-15";

async function setup(values: Record<string, unknown> = {}) {
  const { organisation, user } = await createOrganisation(db());
  const actor = systemActor(organisation.id, "Test");
  const lease = await createLease(db(), organisation.id, {
    status: "active",
    // no late charge unless a test asks for one (the trust's default is $10.00 after 10 days)
    values: { commencementDate: "2024-01-15", monthlyFeeCents: 2500, escalationKind: "fixed-percent", escalationRate: "0.03", feeDueDay: 1, lateChargeCents: 0, ...values },
  });
  return { organisation, user, actor, lease };
}

const rows = (view: Awaited<ReturnType<typeof leaseLedger>>) => view.lines.map((l) => [l.date, l.kind, l.amountCents, l.balanceCents]);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "fees-pdf-"));
  const file = join(dir, "statement.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The setup's lease as of TODAY (2026-02-15), nothing paid, no late charge: each of its 26 charges (2024-01-15 …
 * 2026-02-01) was unpaid on its last grace day (10 days) → 26 late payments; the first charge was unpaid at the
 * end of its 90th day past due and every later one too, with the one before it unpaid: one spell → one 90+ days
 * delinquent (2024-04-15). Each created exactly once.
 */
/** The lease's posting marker: its charges are posted through this date (ADR 021). */
async function postedThrough(leaseId: string): Promise<string | undefined> {
  return (await db().leaseFeeLedger.findUnique({ where: { leaseId } }))?.chargesPostedThrough;
}

async function expectLedgerEventsOnce(leaseId: string) {
  const events = await db().monitoringEvent.findMany({ where: { leaseId }, select: { type: true, scheduleKey: true, dueDate: true } });
  expect(events.filter((e) => e.type === "late_payment")).toHaveLength(26);
  expect(events.filter((e) => e.type === "delinquent_90_days").map((e) => e.dueDate)).toEqual(["2024-04-15"]);
  expect(new Set(events.map((e) => e.scheduleKey)).size).toBe(27);
}

describe("generation", () => {
  it("posts the issue's example charges to the cent, once, however often the ledger is read", async () => {
    const { actor, lease } = await setup();
    const view = await leaseLedger(db(), actor, lease.id, TODAY);
    const charges = view.lines.filter((l) => l.kind === "charge");
    expect(charges[0]).toMatchObject({ date: "2024-01-15", amountCents: 1371 });
    expect(charges.find((l) => l.date === "2025-01-01")?.amountCents).toBe(2500);
    expect(charges.find((l) => l.date === "2025-02-01")?.amountCents).toBe(2575);
    expect(charges.find((l) => l.date === "2026-02-01")?.amountCents).toBe(2652);
    expect(charges).toHaveLength(26);
    // 13.71 + 12 × 25.00 + 12 × 25.75 + 26.52 = 649.23
    expect(view.balanceCents).toBe(64923);
    await leaseLedger(db(), actor, lease.id, TODAY);
    expect(await generateLeaseCharges(db(), actor, lease.id, TODAY)).toBe(0);
    // charges are posted by the marker, not stored one row each; no late charge (this lease's is $0), no payment
    expect(await postedThrough(lease.id)).toBe(TODAY);
    expect(await db().leaseFeeEntry.count({ where: { leaseId: lease.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entity: "LeaseFeeLedger", entityId: lease.id } })).toBe(1);
  });

  it("two generators at once never post a due date twice (two connections on PostgreSQL, one on SQLite)", async () => {
    const { actor, lease } = await setup();
    // better-sqlite3 is synchronous: two connections in one process would wait on each other's lock forever,
    // so on SQLite the in-process race uses the one client (the two-process race is the next test)
    const postgres = process.env.TEST_DATABASE === "postgresql";
    const [a, b] = postgres ? [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)] : [db(), db()];
    try {
      const posted = await Promise.all([
        generateLeaseCharges(a, actor, lease.id, TODAY),
        generateLeaseCharges(b, actor, lease.id, TODAY),
        generateAllCharges(a, actor, TODAY),
        generateAllCharges(b, actor, TODAY),
      ]);
      expect(posted[0] + posted[1] + posted[2].posted + posted[3].posted).toBe(26);
    } finally {
      if (postgres) await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    // one writer moved the marker and posted the 26 charges; the others found them posted
    expect(await postedThrough(lease.id)).toBe(TODAY);
    expect(await db().auditEntry.count({ where: { entity: "LeaseFeeLedger", entityId: lease.id } })).toBe(1);
    expect((await leaseLedger(db(), actor, lease.id, TODAY, { generate: false })).lines.filter((l) => l.kind === "charge")).toHaveLength(26);
    await expectLedgerEventsOnce(lease.id);
  });

  it("two processes running the scheduled step at once post each due date once", async () => {
    const { actor, lease } = await setup();
    const step = () =>
      new Promise<string>((resolve, reject) => {
        execFile("npx", ["tsx", "scripts/clt.ts", "fees-generate", "--through", TODAY], { env: { ...process.env }, encoding: "utf8" }, (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
        );
      });
    const outputs = await Promise.all([step(), step()]);
    const posted = outputs.map((out) => (JSON.parse(out) as { posted: number }).posted);
    expect(posted[0]! + posted[1]!).toBeGreaterThanOrEqual(26);
    expect(await postedThrough(lease.id)).toBe(TODAY);
    expect(await db().auditEntry.count({ where: { entity: "LeaseFeeLedger", entityId: lease.id } })).toBe(1);
    expect((await leaseLedger(db(), actor, lease.id, TODAY, { generate: false })).lines.filter((l) => l.kind === "charge")).toHaveLength(26);
    await expectLedgerEventsOnce(lease.id);
  }, 120_000);

  it("a draft lease has no ledger; charges stop on the day a lease ended", async () => {
    const { organisation } = await createOrganisation(db());
    const actor = systemActor(organisation.id, "Test");
    const draft = await createLease(db(), organisation.id);
    expect((await leaseLedger(db(), actor, draft.id, TODAY)).hasLedger).toBe(false);
    await expect(recordPayment(db(), actor, draft.id, { date: "2025-02-01", amount: 100 }, TODAY)).rejects.toThrow(LeaseFeeError);
    // the factory ends leases on 2025-06-30; commencement 2025-01-01, $35.00 → Jan … Jun = 6 charges, each
    // unpaid after the trust's default 10 grace days → a $10.00 late charge on the 12th
    const ended = await createLease(db(), organisation.id, { status: "ended" });
    const view = await leaseLedger(db(), actor, ended.id, TODAY);
    expect(view.lines.filter((l) => l.kind === "charge").map((l) => l.date)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"]);
    expect(view.lines.filter((l) => l.kind === "late-charge").map((l) => l.date)).toEqual(["2025-01-12", "2025-02-12", "2025-03-12", "2025-04-12", "2025-05-12", "2025-06-12"]);
    expect(view.balanceCents).toBe(6 * 3500 + 6 * 1000);
  });

  it("the lease's own grace days and late charge: the issue's contract example, stored, equals the pure contract", async () => {
    const { actor, lease } = await setup({ lateChargeCents: 1000, graceDays: 10 });
    await recordPayment(db(), actor, lease.id, { date: "2024-02-12", amount: 3871 }, TODAY);
    const view = await leaseLedger(db(), actor, lease.id, "2024-06-30");
    expect(view.lines.filter((l) => l.kind === "late-charge").map((l) => l.date)).toEqual(["2024-01-26", "2024-02-12", "2024-03-12", "2024-04-12", "2024-05-12", "2024-06-12"]);
    expect(view.balanceCents).toBe(16000);
    expect(view.aging).toEqual({ current: 0, "1-30": 3500, "31-60": 3500, "61-90": 3500, "over-90": 5500 });
  });

  it("index-linked escalation follows the recorded index values", async () => {
    const { actor, lease } = await setup({ escalationKind: "index", escalationCap: "0.05", escalationIndexName: "CPI-U", escalationRate: undefined, monthlyFeeCents: 4000 });
    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2024-01-01", value: "300.0" });
    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2025-01-10", value: "309.0" });
    await expect(recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2025-01-10", value: "310" })).rejects.toThrow(/already recorded/);
    const view = await leaseLedger(db(), actor, lease.id, "2025-03-01");
    // 40.00 × 17/31 = 21.935… → 21.94; then 40.00; from the anniversary 2025-01-15: 40 × 309/300 = 41.20
    expect(view.lines.find((l) => l.date === "2024-01-15")?.amountCents).toBe(2194);
    expect(view.lines.find((l) => l.date === "2025-01-01")?.amountCents).toBe(4000);
    expect(view.lines.find((l) => l.date === "2025-02-01")?.amountCents).toBe(4120);
  });
});

describe("monitoring events from the ledger", () => {
  it("a late payment when a charge goes late and 90+ days delinquent (lease fee) at 90 days, created once, listed with the lease's events", async () => {
    const { organisation, user, actor, lease } = await setup({ lateChargeCents: 1000, graceDays: 10 });
    const reader = { organisationId: organisation.id, role: "staff" as const, householdId: null, userId: user.id };
    await leaseLedger(db(), actor, lease.id, "2024-05-15");
    await leaseLedger(db(), actor, lease.id, "2024-05-15");
    await generateAllCharges(db(), actor, "2024-05-15");
    const events = await listMonitoringEvents(db(), reader, { leaseId: lease.id });
    // nothing paid: late charges (and so late payments) on 2024-01-26 (15 Jan + 10 grace days + 1), 02-12, 03-12,
    // 04-12, 05-12. The part-month charge of 2024-01-15 is 90 days past due on 2024-04-14 (16 days to 31 Jan, + 29
    // = 45 to 29 Feb, + 31 = 76 to 31 Mar, + 14 = 90): unpaid at the end of that day → 90+ on 2024-04-15. The
    // charge of 2024-02-01 reaches 90 days on 2024-05-01 (28 + 31 + 30 + 1) unpaid, but so is the one before it:
    // the same spell of delinquency, no second event.
    expect(events.map((e) => [e.type, e.dueDate, e.subject, e.status, e.homeId, e.householdId])).toEqual([
      ["late_payment", "2024-01-26", "Lease fee due 2024-01-15", "open", lease.homeId, lease.householdId],
      ["late_payment", "2024-02-12", "Lease fee due 2024-02-01", "open", lease.homeId, lease.householdId],
      ["late_payment", "2024-03-12", "Lease fee due 2024-03-01", "open", lease.homeId, lease.householdId],
      ["late_payment", "2024-04-12", "Lease fee due 2024-04-01", "open", lease.homeId, lease.householdId],
      ["delinquent_90_days", "2024-04-15", "Lease fee", "open", lease.homeId, lease.householdId],
      ["late_payment", "2024-05-12", "Lease fee due 2024-05-01", "open", lease.homeId, lease.householdId],
    ]);
    expect(events[0]!.notes).toBe("The lease fee due 2024-01-15 was not paid in full by the end of the grace period.");
    expect(events[4]!.notes).toBe("The lease fee due 2024-01-15 was still unpaid 90 days after it was due.");
    // a steward resolves one: reading the ledger again never re-creates it
    await db().monitoringEvent.update({ where: { id: events[0]!.id }, data: { status: "resolved", resolvedOn: "2024-02-01", resolution: "Paid" } });
    await leaseLedger(db(), actor, lease.id, "2024-05-20");
    expect(await db().monitoringEvent.count({ where: { leaseId: lease.id } })).toBe(6);
    // the creation is in the audit trail of the ledger
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "LeaseFeeLedger", entityId: lease.id }, orderBy: { createdAt: "asc" } });
    expect(JSON.stringify(audit.changes)).toContain("90+ days delinquent (lease fee due 2024-01-15) on 2024-04-15");
  });

  it("a charge paid within its grace period calls for no event; none is dated before the trust's monitoring start date", async () => {
    const { organisation, actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none", lateChargeCents: 1000, graceDays: 10 });
    await db().stewardshipSettings.create({ data: { organisationId: organisation.id, monitoringStartsOn: "2025-03-01" } });
    // January and February unpaid (late on 2025-01-12 and 2025-02-12, before the start date: no event);
    // $95.00 on 2025-03-11 (March's last grace day) pays oldest first 25 (Jan) + 10 (its late charge) + 25 (Feb)
    // + 10 (its late charge) + 25 (March) = 95: March is on time
    await recordPayment(db(), actor, lease.id, { date: "2025-03-11", amount: 9500 }, TODAY);
    await leaseLedger(db(), actor, lease.id, "2025-04-05");
    expect(await db().leaseFeeEntry.count({ where: { leaseId: lease.id, kind: "late-charge" } })).toBe(2);
    expect(await db().monitoringEvent.count({ where: { leaseId: lease.id } })).toBe(0);
  });
});

describe("amendments of the fee terms", () => {
  it("a new fee and a new due day change the charges from their effective dates, not before; none takes effect over posted charges", async () => {
    const { actor, lease } = await setup();
    const amend = (version: number, effectiveDate: string, changes: Record<string, unknown>) =>
      amendLease(db(), actor, lease.id, {
        intent: "amend",
        version,
        effectiveDate,
        description: `Board resolution ${effectiveDate}`,
        monthlyFeeCents: 2500,
        escalationKind: "fixed-percent",
        escalationRate: "0.03",
        feeDueDay: 1,
        purchaseOptionDays: lease.purchaseOptionDays,
        renewalTermYears: lease.renewalTermYears,
        riders: [],
        ...changes,
      }, feeLedgerForAmendments);
    expect((await amend(lease.version, "2024-07-01", { monthlyFeeCents: 3000 })).ok).toBe(true);
    const view = await leaseLedger(db(), actor, lease.id, TODAY);
    const fee = (date: string) => view.lines.find((l) => l.kind === "charge" && l.date === date)?.amountCents;
    expect([fee("2024-01-15"), fee("2024-06-01"), fee("2024-07-01"), fee("2025-01-01")]).toEqual([1371, 2500, 3000, 3000]);
    expect(fee("2025-02-01")).toBe(3090); // anniversary 2025-01-15: 30.00 × 1.03
    expect(fee("2026-02-01")).toBe(3183); // 30.90 × 1.03 = 31.827 → 31.83
    // 13.71 + 5 × 25.00 (Feb–Jun 2024) + 7 × 30.00 (Jul 2024–Jan 2025) + 12 × 30.90 + 31.83 = 751.34
    expect(view.balanceCents).toBe(75134);

    // charges are posted up to 2026-02-01: a fee change cannot take effect on or before it, and nothing is stored
    const current = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
    const refused = await amend(current.version, "2026-02-01", { monthlyFeeCents: 3500 });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain("already charged on this lease's ledger up to 2026-02-01");
    expect(await db().leaseAmendment.count({ where: { leaseId: lease.id } })).toBe(1);

    // a new due day from 2026-02-02: the first old due date on or after it is 2026-03-01; part period to 2026-03-15 =
    // 14 days of 2026-02-15 → 2026-03-15 = 28 days: 31.83 × 14/28 = 15.915 → 15.92; then 31.83 on the 15th
    expect((await amend(current.version, "2026-02-02", { monthlyFeeCents: 3000, feeDueDay: 15 })).ok).toBe(true);
    const later = await leaseLedger(db(), actor, lease.id, "2026-04-30");
    expect(later.lines.filter((l) => l.kind === "charge" && l.date > "2026-01-01").map((l) => [l.date, l.amountCents])).toEqual([
      ["2026-02-01", 3183],
      ["2026-03-01", 1592],
      ["2026-03-15", 3183],
      ["2026-04-15", 3183],
    ]);
    expect(later.balanceCents).toBe(75134 + 1592 + 2 * 3183);
    expect((await payoffFigure(db(), actor.organisationId, lease.id, "2026-05-15")).payoffCents).toBe(75134 + 1592 + 3 * 3183);
  });
});

describe("payments, waivers and reversals", () => {
  it("applies payments oldest first, carries a credit, and gives the same running balance on both engines", async () => {
    const { actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    await recordPayment(db(), actor, lease.id, { date: "2025-01-05", amount: 4000, method: "check", reference: "1041" }, TODAY);
    await recordPayment(db(), actor, lease.id, { date: "2025-03-20", amount: 5000 }, TODAY);
    const view = await leaseLedger(db(), actor, lease.id, "2025-04-15");
    expect(rows(view)).toEqual([
      ["2025-01-01", "charge", 2500, 2500],
      ["2025-01-05", "payment", -4000, -1500],
      ["2025-02-01", "charge", 2500, 1000],
      ["2025-03-01", "charge", 2500, 3500],
      ["2025-03-20", "payment", -5000, -1500],
      ["2025-04-01", "charge", 2500, 1000],
    ]);
    expect(view.aging).toEqual({ current: 0, "1-30": 1000, "31-60": 0, "61-90": 0, "over-90": 0 });
    expect(view.lines[1]!.label).toBe("Payment · check · 1041");
  });

  it("a waiver names the charge and the reason; a reversal undoes an entry once; posted entries never change", async () => {
    const { actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    await leaseLedger(db(), actor, lease.id, "2025-02-15");
    const paymentId = await recordPayment(db(), actor, lease.id, { date: "2025-02-03", amount: 2500 }, TODAY);
    await expect(recordWaiver(db(), actor, lease.id, { date: "2025-02-10", amount: 2600, appliesTo: "charge:2025-02-01", note: "Board approved hardship" }, TODAY)).rejects.toThrow(/At most 25.00/);
    await recordWaiver(db(), actor, lease.id, { date: "2025-02-10", amount: 1000, appliesTo: "charge:2025-02-01", note: "Board approved hardship, minutes 2025-02-08" }, TODAY);
    let view = await leaseLedger(db(), actor, lease.id, "2025-02-15");
    expect(view.balanceCents).toBe(1500); // 25 + 25 − 25 − 10
    expect(view.unpaid).toEqual([{ key: "charge:2025-02-01", label: "Lease fee due 2025-02-01", unpaidCents: 1500 }]);
    // a returned cheque
    await reverseEntry(db(), actor, lease.id, { entryId: paymentId, date: "2025-02-12", note: "Cheque returned unpaid" }, TODAY);
    await expect(reverseEntry(db(), actor, lease.id, { entryId: paymentId, date: "2025-02-12", note: "again" }, TODAY)).rejects.toThrow(/already been reversed/);
    view = await leaseLedger(db(), actor, lease.id, "2025-02-15");
    expect(view.balanceCents).toBe(4000);
    expect(view.lines.at(-1)!.label).toMatch(/^Reversal of the payment of 2025-02-03 \(25.00\): Cheque returned unpaid/);
    // the database refuses to change or delete a posted entry, on both engines
    await expect(db().leaseFeeEntry.update({ where: { id: paymentId }, data: { amountCents: 0n } })).rejects.toThrow();
    await expect(db().leaseFeeEntry.delete({ where: { id: paymentId } })).rejects.toThrow();
    await expect(db().$executeRawUnsafe(`UPDATE "LeaseFeeEntry" SET "note" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "LeaseFeeEntry"`)).rejects.toThrow(/append-only/);
    // the payment, the waiver and the reversal (the charges are posted by the marker, not stored)
    expect(await db().leaseFeeEntry.count({ where: { leaseId: lease.id } })).toBe(3);
    expect((await db().leaseFeeEntry.findUniqueOrThrow({ where: { id: paymentId } })).amountCents).toBe(-2500n);
  });

  it("a posted charge (not a stored row) is reversed by its key, once; the export books the reversal against fee income", async () => {
    const { organisation, actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    await leaseLedger(db(), actor, lease.id, "2025-02-15");
    await expect(reverseEntry(db(), actor, lease.id, { entryId: "charge:2025-03-01", date: "2025-02-15", note: "not posted yet" }, TODAY)).rejects.toThrow(/not on this lease's ledger/);
    await expect(reverseEntry(db(), actor, lease.id, { entryId: "charge:2025-02-01", date: "2025-01-31", note: "too early" }, TODAY)).rejects.toThrow(/before the entry it reverses \(2025-02-01\)/);
    await reverseEntry(db(), actor, lease.id, { entryId: "charge:2025-02-01", date: "2025-02-10", note: "Charged in error" }, TODAY);
    await expect(reverseEntry(db(), actor, lease.id, { entryId: "charge:2025-02-01", date: "2025-02-10", note: "again" }, TODAY)).rejects.toThrow(/already been reversed/);
    const view = await leaseLedger(db(), actor, lease.id, "2025-02-15");
    // 25.00 (Jan) + 25.00 (Feb) − 25.00 (Feb reversed) = 25.00
    expect(rows(view)).toEqual([
      ["2025-01-01", "charge", 2500, 2500],
      ["2025-02-01", "charge", 2500, 5000],
      ["2025-02-10", "reversal", -2500, 2500],
    ]);
    expect(view.lines[1]!.reversed).toBe(true);
    expect(view.lines[0]!.reversed).toBe(false);
    expect(view.lines[2]!.label).toBe("Reversal of the lease fee of 2025-02-01 (25.00): Charged in error");
    expect(view.unpaid).toEqual([{ key: "charge:2025-01-01", label: "Lease fee due 2025-01-01", unpaidCents: 2500 }]);
    await saveAccountCodes(db(), actor, { receivableAccount: "1210", feeIncomeAccount: "4010", lateChargeAccount: "4020", cashAccount: "1010", waiverAccount: "4090", version: 0 });
    const lines = (await bookkeepingCsv(db(), organisation.id, "2025-02-01", "2025-02-28")).trim().split(/\r?\n/);
    expect(lines.filter((l) => l.startsWith(`2025-02-01,${lease.reference},`) && l.includes(",Lease fee,1210,4010,25.00,"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(`2025-02-10,${lease.reference},`) && l.includes(",Reversal,4010,1210,25.00,"))).toHaveLength(1);
    expect(lines).toHaveLength(3); // the heading, the charge, the reversal
  });

  it("posted charges never change: the marker only moves forward, and an index value that would change a posted charge is refused", async () => {
    const { actor, lease } = await setup({ escalationKind: "index", escalationCap: "0.05", escalationIndexName: "CPI-U", escalationRate: undefined, monthlyFeeCents: 4000 });
    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2024-01-01", value: "300.0" });
    await leaseLedger(db(), actor, lease.id, "2025-03-01");
    expect(await postedThrough(lease.id)).toBe("2025-03-01");
    // no value for the anniversary 2025-01-15 yet: the fee stayed 40.00 on 2025-02-01 and 2025-03-01, posted; a
    // value dated on or before the anniversary would raise them, so it is refused; one after it changes nothing posted
    await expect(recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2025-01-10", value: "309.0" })).rejects.toThrow(/already charged up to 2025-03-01/);
    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2025-01-16", value: "309.0" });
    const view = await leaseLedger(db(), actor, lease.id, "2025-03-01");
    expect(view.lines.filter((l) => l.date >= "2025-01-01").map((l) => l.amountCents)).toEqual([4000, 4000, 4000]);
    // the database refuses to move the marker back or to remove it, on both engines
    await expect(db().$executeRawUnsafe(`UPDATE "LeaseFeeLedger" SET "chargesPostedThrough" = '2025-01-01'`)).rejects.toThrow(/only moves forward/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "LeaseFeeLedger"`)).rejects.toThrow(/only moves forward/);
    expect(await postedThrough(lease.id)).toBe("2025-03-01");
  });

  it("imports a bank CSV: the dry run records nothing, a bad row stops all, a good file records every payment", async () => {
    const { actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    const good = `Lease,Date,Amount,Method,Reference\n${lease.reference},2025-01-03,25.00,ACH,B-1\n${lease.reference.toLowerCase()},2025-02-03,"$1,000.00",ACH,B-2\n`;
    const dry = await importPayments(db(), actor, good, { dryRun: true, today: TODAY });
    expect(dry).toMatchObject({ ok: true, committed: false, totalCents: 102500 });
    expect(await db().leaseFeeEntry.count({ where: { kind: "payment", leaseId: lease.id } })).toBe(0);
    const bad = `${good}NOPE-1,2025-02-30,-3,,\n`;
    const refused = await importPayments(db(), actor, bad, { dryRun: false, today: TODAY });
    expect(refused.committed).toBe(false);
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[4, "Date"], [4, "Amount"]]);
    expect(await db().leaseFeeEntry.count({ where: { kind: "payment", leaseId: lease.id } })).toBe(0);
    expect((await importPayments(db(), actor, "Lease,Date,Amount\nNOPE-1,2025-02-03,3\n", { dryRun: true, today: TODAY })).errors[0]).toMatchObject({ row: 2, column: "Lease" });
    const done = await importPayments(db(), actor, good, { dryRun: false, today: TODAY });
    expect(done.committed).toBe(true);
    expect(await db().leaseFeeEntry.count({ where: { kind: "payment", leaseId: lease.id } })).toBe(2);
  });

  it("records a large bank file whole: every payment in the file's order, each with its audit entry", async () => {
    const { organisation, actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    // $5.00, then 2,000 payments of one cent, all on 2025-01-03 (rows 2 … 2002): $25.00, January's charge
    const lines = [`${lease.reference},2025-01-03,5.00,ACH,B-0`, ...Array.from({ length: 2000 }, (_, i) => `${lease.reference},2025-01-03,0.01,Cheque,B-${i + 1}`)];
    const done = await importPayments(db(), actor, `Lease,Date,Amount,Method,Reference\n${lines.join("\n")}\n`, { dryRun: false, today: TODAY });
    expect(done).toMatchObject({ ok: true, committed: true, totalCents: 2500 });
    const stored = await db().leaseFeeEntry.findMany({ where: { organisationId: organisation.id, leaseId: lease.id }, orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
    expect(stored).toHaveLength(2001);
    expect(stored[0]).toMatchObject({ kind: "payment", date: "2025-01-03", amountCents: -500n, method: "ACH", reference: "B-0", note: "Bank file row 2", createdByLabel: "Test", appliesTo: null, reversesId: null, entryKey: null });
    expect(stored[2000]).toMatchObject({ kind: "payment", amountCents: -1n, method: "Cheque", reference: "B-2000", note: "Bank file row 2002" });
    // the ledger lists them in the file's order and is paid up
    const view = await leaseLedger(db(), actor, lease.id, "2025-01-31");
    const payments = view.lines.filter((line) => line.kind === "payment");
    expect(payments.map((line) => line.entry?.reference)).toEqual(["B-0", ...Array.from({ length: 2000 }, (_, i) => `B-${i + 1}`)]);
    expect(view.balanceCents).toBe(0);
    // one audit entry per payment, as a payment entered by hand gets
    const audits = await db().auditEntry.findMany({ where: { organisationId: organisation.id, entity: "LeaseFeeEntry", action: "create" }, select: { entityId: true, changes: true, actorLabel: true } });
    expect(audits).toHaveLength(2001);
    const first = audits.find((audit) => audit.entityId === stored[0]!.id)!;
    expect(first.actorLabel).toBe("Test");
    expect((first.changes as { after: unknown }).after).toEqual({
      leaseId: lease.id,
      kind: "payment",
      date: "2025-01-03",
      amount: "-5.00",
      appliesTo: null,
      reversesId: null,
      method: "ACH",
      reference: "B-0",
      note: "Bank file row 2",
    });
  });
});

describe("arrears, payoff, export", () => {
  it("ages what each lease owes and totals it; the payoff projects to a closing date; the export uses the trust's codes", async () => {
    const { organisation, actor, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    const paidUp = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2025-01-01", monthlyFeeCents: 3000, escalationKind: "none" } });
    await recordPayment(db(), actor, paidUp.id, { date: "2025-01-02", amount: 12000 }, TODAY);
    await recordPayment(db(), actor, lease.id, { date: "2025-01-02", amount: 2500 }, TODAY);
    await generateAllCharges(db(), actor, "2025-04-15");
    const { rows: arrears, totals } = await arrearsList(db(), organisation.id, "2025-04-15");
    expect(arrears.map((r) => r.reference)).toEqual([lease.reference]);
    // Feb (73 days), Mar (45), Apr (14) unpaid
    expect(arrears[0]!.aging).toEqual({ current: 0, "1-30": 2500, "31-60": 2500, "61-90": 2500, "over-90": 0 });
    expect(totals.balance).toBe(7500);
    // payoff at 2025-06-10: + May and June charges, nothing more paid
    expect((await payoffFigure(db(), organisation.id, lease.id, "2025-06-10")).payoffCents).toBe(12500);
    expect((await payoffFigure(db(), organisation.id, paidUp.id, "2025-04-15")).payoffCents).toBe(0);
    await saveAccountCodes(db(), actor, { receivableAccount: "1210", feeIncomeAccount: "4010", lateChargeAccount: "4020", cashAccount: "1010", waiverAccount: "4090", version: 0 });
    const csv = await bookkeepingCsv(db(), organisation.id, "2025-01-01", "2025-01-31");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("Date,Lease,Homeowner,Entry,Debit account,Credit account,Amount,Reference,Memo,Entry ID");
    expect(lines.filter((l) => l.includes(",Lease fee,1210,4010,25.00,"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(",Payment,1010,1210,25.00,"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(",Payment,1010,1210,120.00,"))).toHaveLength(1);
  });
});

describe("the arrears page's step and aging in one read (generateAllChargesAndArrears)", () => {
  /**
   * A trust with one ledger of each kind: nothing paid (late charges), paid ahead, a waiver of one charge and a
   * returned cheque, a fee amended from 2025-03-01, a lease that ended on 2025-06-30, and one not commenced by the
   * step's date with a payment in advance.
   */
  async function portfolio() {
    const { organisation, user } = await createOrganisation(db());
    const actor = systemActor(organisation.id, "Test");
    const base = { commencementDate: "2025-01-01", monthlyFeeCents: 2500, escalationKind: "none" as const, feeDueDay: 1, lateChargeCents: 1000, graceDays: 10 };
    const lease = (values: Record<string, unknown> = {}, status: "active" | "ended" = "active") => createLease(db(), organisation.id, { status, values: { ...base, ...values } });
    const unpaid = await lease();
    const ahead = await lease();
    await recordPayment(db(), actor, ahead.id, { date: "2025-01-02", amount: 30000 }, TODAY);
    const waived = await lease();
    await leaseLedger(db(), actor, waived.id, "2025-02-15");
    const cheque = await recordPayment(db(), actor, waived.id, { date: "2025-02-03", amount: 5000 }, TODAY);
    await recordWaiver(db(), actor, waived.id, { date: "2025-02-10", amount: 1000, appliesTo: "late:2025-01-01", note: "Board approved" }, TODAY);
    await reverseEntry(db(), actor, waived.id, { entryId: cheque, date: "2025-02-14", note: "Cheque returned unpaid" }, TODAY);
    const amended = await lease({ escalationKind: "fixed-percent", escalationRate: "0.03" });
    const amendment = await amendLease(
      db(),
      actor,
      amended.id,
      { intent: "amend", version: amended.version, effectiveDate: "2025-03-01", description: "Board resolution", monthlyFeeCents: 3000, escalationKind: "fixed-percent", escalationRate: "0.03", feeDueDay: 1, purchaseOptionDays: amended.purchaseOptionDays, renewalTermYears: amended.renewalTermYears, riders: [] },
      feeLedgerForAmendments,
    );
    expect(amendment.ok).toBe(true);
    const ended = await lease({}, "ended");
    const later = await lease({ commencementDate: "2025-09-01" });
    await recordPayment(db(), actor, later.id, { date: "2025-08-01", amount: 2500 }, TODAY);
    return { organisation, user, actor, unpaid, ended, later };
  }

  it("gives what the step followed by the arrears list gives, as of the step's date or earlier, also on a second call", async () => {
    const { organisation, actor, unpaid, ended, later } = await portfolio();
    const first = await generateAllChargesAndArrears(db(), actor, "2025-08-15", "2025-08-15", { batchSize: 2 });
    // the five leases commenced by 2025-08-15 (not the one commencing 2025-09-01)
    expect(first.leases).toBe(5);
    expect(await postedThrough(unpaid.id)).toBe("2025-08-15");
    expect(await postedThrough(ended.id)).toBe("2025-06-30");
    expect(await postedThrough(later.id)).toBeUndefined();
    // worked by hand: $25.00 on the 1st of Jan … Aug, nothing paid, a $10.00 late charge on the 12th of each month;
    // as of 2025-08-15: Aug 1 and 12 are 14 and 3 days past due, Jul 1 and 12 45 and 34, Jun 1 and 12 75 and 64,
    // Jan … May over 90 days
    const row = (arrears: typeof first.arrears, id: string) => arrears.rows.find((r) => r.leaseId === id);
    expect(row(first.arrears, unpaid.id)).toMatchObject({ balanceCents: 28000, aging: { current: 0, "1-30": 3500, "31-60": 3500, "61-90": 3500, "over-90": 17500 } });
    // the ended lease (ended 2025-06-30): $25.00 Jan … Jun with their late charges, all over 90 days by 2025-08-15
    // except June's charge (75 days) and its late charge (64 days)
    expect(row(first.arrears, ended.id)).toMatchObject({ balanceCents: 21000, aging: { current: 0, "1-30": 0, "31-60": 0, "61-90": 3500, "over-90": 17500 } });
    // the same as the arrears list reading the stored ledgers again afterwards, to the row
    expect(first.arrears).toEqual(await arrearsList(db(), organisation.id, "2025-08-15"));
    expect(first.arrears.rows).toHaveLength(4);
    // an earlier date on the page (the step still posts up to its own date); then nothing left to post
    const earlier = await generateAllChargesAndArrears(db(), actor, "2025-08-15", "2025-04-20", { batchSize: 3 });
    expect(earlier.posted).toBe(0);
    expect(earlier.arrears).toEqual(await arrearsList(db(), organisation.id, "2025-04-20"));
    expect(row(earlier.arrears, unpaid.id)).toMatchObject({ balanceCents: 14000 });
    // a later step: what it posts (September's charges, August's late charges …) is aged with the rest
    const next = await generateAllChargesAndArrears(db(), actor, "2025-09-20", "2025-09-20");
    expect(next.posted).toBeGreaterThan(0);
    expect(next.arrears).toEqual(await arrearsList(db(), organisation.id, "2025-09-20"));
    expect(row(next.arrears, unpaid.id)).toMatchObject({ balanceCents: 31500 });
  });

  it("two at once (two connections on PostgreSQL): each answers the ledgers as posted once", async () => {
    const { organisation, actor, unpaid } = await portfolio();
    const postgres = process.env.TEST_DATABASE === "postgresql";
    const [a, b] = postgres ? [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)] : [db(), db()];
    try {
      const [one, two] = await Promise.all([generateAllChargesAndArrears(a, actor, "2025-08-15", "2025-08-15"), generateAllChargesAndArrears(b, actor, "2025-08-15", "2025-08-15")]);
      const stored = await arrearsList(db(), organisation.id, "2025-08-15");
      expect(one.arrears).toEqual(stored);
      expect(two.arrears).toEqual(stored);
    } finally {
      if (postgres) await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    expect(await db().leaseFeeEntry.count({ where: { leaseId: unpaid.id, kind: "late-charge" } })).toBe(8);
    expect(await db().auditEntry.count({ where: { entity: "LeaseFeeLedger", entityId: unpaid.id } })).toBe(1);
  });
});

describe("routes", () => {
  it("reading ledgers at once (lease-fee page, arrears list, statement) posts each charge, late charge and event once (decision 018)", async () => {
    // the trust's real today: the counts are not fixed, so the test checks that nothing is posted twice and that
    // nothing is left to post; on PostgreSQL the loaders run on several pooled connections at once
    const { organisation, actor, lease } = await setup({ commencementDate: "2024-01-15", lateChargeCents: 1000, graceDays: 10 });
    const viewer = await createMember(db(), organisation.id, "viewer");
    const cookie = await sessionCookieFor(viewer.user.id, organisation.id);
    const responses = await Promise.all([
      run(feesLoader, getRequest(`/leases/${lease.id}/fees`, cookie), { leaseId: lease.id }),
      run(feesLoader, getRequest(`/leases/${lease.id}/fees`, cookie), { leaseId: lease.id }),
      run(arrearsLoader, getRequest("/fees", cookie)),
      run(statementLoader, getRequest(`/households/${lease.householdId}/statement.pdf?from=2024-01-01&to=2024-12-31`, cookie), { householdId: lease.householdId }),
    ]);
    for (const response of responses) expect((await unwrap(response)).status).toBe(200);
    const today = todayIn(organisation.timeZone);
    expect(await postedThrough(lease.id)).toBe(today);
    // the statement posts up to its period's end, the pages up to today: the generations' audit entries add up to
    // each charge once
    const audits = await db().auditEntry.findMany({ where: { entity: "LeaseFeeLedger", entityId: lease.id } });
    const chargesPosted = audits.reduce((sum, audit) => sum + Number((audit.changes as { after: { charges: number } }).after.charges), 0);
    const ledger = await leaseLedger(db(), actor, lease.id, today, { generate: false });
    expect(chargesPosted).toBe(ledger.lines.filter((l) => l.kind === "charge").length);
    const entries = await db().leaseFeeEntry.findMany({ where: { leaseId: lease.id }, select: { entryKey: true, date: true } });
    expect(entries.length).toBeGreaterThan(30); // 2024-01-15 … (real today ≥ 2026-12-01): ≥ 35 late charges
    expect(new Set(entries.map((e) => e.entryKey)).size).toBe(entries.length);
    const events = await db().monitoringEvent.findMany({ where: { leaseId: lease.id }, select: { scheduleKey: true } });
    expect(events.filter((e) => e.scheduleKey?.startsWith("lease-fee:late:"))).toHaveLength(entries.filter((e) => e.entryKey?.startsWith("late:")).length);
    expect(new Set(events.map((e) => e.scheduleKey)).size).toBe(events.length);
    // nothing left to post, and reading again changes nothing
    expect(await generateLeaseCharges(db(), actor, lease.id, today)).toBe(0);
    await unwrap(await run(feesLoader, getRequest(`/leases/${lease.id}/fees`, cookie), { leaseId: lease.id }));
    expect(await db().leaseFeeEntry.count({ where: { leaseId: lease.id } })).toBe(entries.length);
    expect(await db().monitoringEvent.count({ where: { leaseId: lease.id } })).toBe(events.length);
  });

  it("staff record a payment on the lease page (400 with every field error, nothing stored); viewers read; the statement is a real PDF", async () => {
    const { organisation, user, lease } = await setup({ commencementDate: "2025-01-01", escalationKind: "none" });
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const invalid = await unwrap(await run(feesAction, postRequest(`/leases/${lease.id}/fees`, { intent: "payment", date: "2025-02-30", amount: "-4" }, { cookie }), { leaseId: lease.id }));
    expect(invalid.status).toBe(400);
    const error = (invalid.body as { last: { result: { error: Record<string, string[]> } } }).last.result.error;
    expect(Object.keys(error).sort()).toEqual(["amount", "date"]);
    const future = await unwrap(await run(feesAction, postRequest(`/leases/${lease.id}/fees`, { intent: "payment", date: "2199-01-01", amount: "25" }, { cookie }), { leaseId: lease.id }));
    expect(future.status).toBe(400);
    expect(await db().leaseFeeEntry.count({ where: { kind: "payment", leaseId: lease.id } })).toBe(0);
    const ok = (await run(feesAction, postRequest(`/leases/${lease.id}/fees`, { intent: "payment", date: "2025-01-04", amount: "$25.00", method: "check", reference: "77" }, { cookie }), { leaseId: lease.id })) as Response;
    expect(ok.status).toBe(302);
    expect(await db().leaseFeeEntry.count({ where: { kind: "payment", leaseId: lease.id } })).toBe(1);

    const viewer = await createMember(db(), organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.user.id, organisation.id);
    expect(((await run(feesAction, postRequest(`/leases/${lease.id}/fees`, { intent: "payment", date: "2025-01-04", amount: "1" }, { cookie: viewerCookie }), { leaseId: lease.id })) as Response).status).toBe(403);
    const read = await unwrap(await run(feesLoader, getRequest(`/leases/${lease.id}/fees`, viewerCookie), { leaseId: lease.id }));
    expect((read.body as { canWrite: boolean }).canWrite).toBe(false);
    expect((await unwrap(await run(arrearsLoader, getRequest("/fees", viewerCookie)))).status).toBe(200);

    const response = (await run(statementLoader, getRequest(`/households/${lease.householdId}/statement.pdf?from=2025-01-01&to=2025-03-31`, viewerCookie), { householdId: lease.householdId })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Lease-fee statement");
    expect(text).toContain(`Ground lease ${lease.reference}`);
    expect(text).toContain("Opening balance on January 1, 2025 $0.00");
    expect(text).toContain("January 4, 2025 Payment · check · 77 -$25.00 $0.00");
    expect(text).toMatch(/Closing balance \$50\.00/); // 3 × 25 − 25
    // dates as the lease and the letters write them (documents/format), in the header, the rows and the labels
    expect(text).toContain("Period January 1, 2025 – March 31, 2025 · issued ");
    expect(text).toContain("January 1, 2025 Lease fee due January 1, 2025 $25.00 $25.00");
    expect(text).toContain("March 1, 2025 Lease fee due March 1, 2025 $25.00 $50.00");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const other = await createOrganisation(db());
    const otherCookie = await sessionCookieFor(other.user.id, other.organisation.id);
    expect(((await run(statementLoader, getRequest(`/households/${lease.householdId}/statement.pdf`, otherCookie), { householdId: lease.householdId })) as Response).status).toBe(404);
  });
});
