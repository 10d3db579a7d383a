import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { demoCoherenceProblems } from "~/modules/demo/demo-coherence";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { createOrganisation } from "~/modules/demo/organisations";
import { arrearsList } from "~/modules/lease-fees/ledger.server";
import { todayIn } from "~/utils/calendar-date";

describe("the demo trust (issue 8 §4: the demo is coherent)", () => {
  it("gives every current owner a binding lease, and every ended lease its sale", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const owners = await db().ownership.count({ where: { organisationId: organisation.id, saleDate: null } });
    const ended = await db().lease.count({ where: { organisationId: organisation.id, status: "ended" } });
    expect(owners).toBeGreaterThan(5);
    expect(ended).toBeGreaterThan(0);
    expect(await demoCoherenceProblems(db(), organisation.id)).toEqual([]);
    // the rule is not vacuous: an owner without a lease is reported
    const leaseless = await db().ownership.findFirstOrThrow({ where: { organisationId: organisation.id, saleDate: null }, include: { household: true } });
    await db().lease.updateMany({ where: { homeId: leaseless.homeId, householdId: leaseless.householdId }, data: { status: "draft", bindingHomeId: null } });
    expect(await demoCoherenceProblems(db(), organisation.id)).toEqual([`${leaseless.household.name} owns a home without a binding lease on it`]);
  });

  it("has paid-up lease-fee ledgers and one lease in arrears, with its late charges and monitoring events", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const today = todayIn(organisation.timeZone);
    const arrears = await arrearsList(db(), organisation.id, today);
    const recorded = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id, status: "recorded" } });
    // only the "recorded" lease owes anything: its last four charges (the others are paid three days after due)
    expect(arrears.rows.map((row) => row.leaseId)).toEqual([recorded.id]);
    expect(arrears.rows[0]!.balanceCents).toBeGreaterThan(0);
    const paidUp = await db().lease.findMany({ where: { organisationId: organisation.id, status: "active" }, select: { id: true } });
    expect(paidUp.length).toBeGreaterThan(0);
    const lateOnPaidUp = await db().leaseFeeEntry.count({ where: { leaseId: { in: paidUp.map((l) => l.id) }, kind: "late-charge" } });
    expect(lateOnPaidUp).toBe(0);
    expect(await db().leaseFeeEntry.count({ where: { leaseId: { in: paidUp.map((l) => l.id) }, kind: "charge" } })).toBeGreaterThan(0);
    expect(await db().monitoringEvent.count({ where: { leaseId: recorded.id, type: "late_payment" } })).toBeGreaterThan(0);
    expect(await db().monitoringEvent.count({ where: { leaseId: { in: paidUp.map((l) => l.id) }, type: { in: ["late_payment", "delinquent_90_days"] } } })).toBe(0);
  });
});
