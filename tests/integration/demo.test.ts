import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { demoCoherenceProblems } from "~/modules/demo/demo-coherence";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { createOrganisation } from "~/modules/demo/organisations";
import { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import { getHomeForResale } from "~/modules/resale/calculations.server";
import { buildCalculation, defaultCalculatorValues, type CalculatorFormValues } from "~/modules/resale/form";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
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
    // monitoring events in every status (issue 10): resolved, submitted, delinquent, open
    const statuses = await db().monitoringEvent.groupBy({ by: ["status"], where: { organisationId: organisation.id }, _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["delinquent", "open", "resolved", "submitted"]);
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
    // their charges are posted (by the marker, ADR 021) up to the trust's today
    expect((await db().leaseFeeLedger.findMany({ where: { leaseId: { in: paidUp.map((l) => l.id) } } })).map((l) => l.chargesPostedThrough)).toEqual(paidUp.map(() => today));
    expect(await db().monitoringEvent.count({ where: { leaseId: recorded.id, type: "late_payment" } })).toBeGreaterThan(0);
    expect(await db().monitoringEvent.count({ where: { leaseId: { in: paidUp.map((l) => l.id) }, type: { in: ["late_payment", "delinquent_90_days"] } } })).toBe(0);
  });
});

describe("the demo trust's resale calculator starts from stored inputs (issue 15: the first Calculate works)", () => {
  it("prices every owned demo home under its lease's preset from its appraisals, index values and mortgage", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const presets = (await presetsForCalculator(db(), organisation.id)).map((p) => ({ id: p.id, name: p.name, spec: p.spec as FormulaPresetSpec | null }));
    const owned = await db().ownership.findMany({ where: { organisationId: organisation.id, saleDate: null }, select: { homeId: true } });
    expect(owned.length).toBeGreaterThanOrEqual(10);
    for (const { homeId } of owned) {
      const home = (await getHomeForResale(db(), organisation.id, homeId))!;
      const start = await calculatorStartingPoint(db(), organisation.id, home, presets, "2026-12-01");
      expect(start.presetId).not.toBe("");
      // as the browser submits them: an empty field is absent
      const submitted = Object.fromEntries(
        Object.entries({
          ...defaultCalculatorValues({ presetId: start.presetId, purchasePrice: home.currentOwnership!.purchasePrice, purchaseDate: home.currentOwnership!.purchaseDate, valuationDate: "2026-12-01", householdSize: 3 }),
          ...start.values,
          intent: "calculate",
        }).filter(([, value]) => value !== ""),
      );
      const built = buildCalculation(submitted as CalculatorFormValues, { presets, incomeLimits: null, bedrooms: home.bedrooms },
      );
      expect(built.ok ? [] : built.errors, home.label).toEqual([]);
    }
    // the first purchase ($152,000 on 2024-01-15, active lease under "1.5% simple, full months, market cap"):
    // appraised 1.7 × 152,000 = 258,400 → 258,000 a year later; mortgage $144,400 at 4.125% for 30 years
    const first = await db().ownership.findFirstOrThrow({ where: { organisationId: organisation.id, saleDate: null, purchaseDate: "2024-01-15" } });
    const home = (await getHomeForResale(db(), organisation.id, first.homeId))!;
    const start = await calculatorStartingPoint(db(), organisation.id, home, presets, "2026-12-01");
    expect(presets.find((p) => p.id === start.presetId)!.name).toBe("1.5% simple, full months, market cap");
    expect(start.values.appraisalCurrent).toBe("258000.00");
    // 34 full months of payments: 144400·(1+i)^34 − M·((1+i)^34 − 1)/i with i = 0.04125/12 = 137,075.25
    expect(start.values.mortgagePayoff).toBe("137075.25");
  });
});
