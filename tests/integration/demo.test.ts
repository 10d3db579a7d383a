import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { demoCoherenceProblems } from "~/modules/demo/demo-coherence";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { createOrganisation } from "~/modules/demo/organisations";
import { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import { getHomeForResale } from "~/modules/resale/calculations.server";
import type { CalculatorFormValues } from "~/modules/resale/calculator-fields";
import { buildCalculation } from "~/modules/resale/calculator-request";
import { defaultCalculatorValues } from "~/modules/resale/form-defaults";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
import { arrearsList } from "~/modules/lease-fees/ledger.server";
import { stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { addDays, todayIn } from "~/utils/calendar-date";
import { loadPortfolioReport } from "~/modules/reports/reports.server";
import { listBuyerPool } from "~/modules/transfers/buyer-pool.server";
import { caseDeadlineItems, getTransferCase, listTransferCases } from "~/modules/transfers/transfers.server";

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
    // like a trust moving its records in, nothing due before it began monitoring is asked for: the ended 2012
    // lease's yearly certifications from 2013 on are not listed as delinquent (they were 22 of 43 before)
    const calendar = await stewardshipCalendar(db(), { organisationId: organisation.id, role: "admin", householdId: null }, todayIn(organisation.timeZone));
    expect(calendar.items.filter((item) => item.dueDate < "2024-01-01")).toEqual([]);
    expect(calendar.items.filter((item) => item.leaseReference === "GL-2012-0001")).toEqual([]);
    expect(calendar.items.some((item) => item.status === "delinquent")).toBe(true);
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

describe("the demo trust's resale cases (issue 9: one closed resale with its outcomes, one open case due soon)", () => {
  it("holds a closed resale priced by the lease's formula, its figures stored at the closing, the buyer under an active lease", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const today = todayIn(organisation.timeZone);
    const closed = await listTransferCases(db(), organisation.id, today, { status: "closed" });
    expect(closed.map((c) => c.home.label)).toEqual([expect.stringMatching(/^40 North Avenue, Unit 3 /)]);
    const view = (await getTransferCase(db(), organisation.id, closed[0]!.id, today))!;
    expect(view.seller).toMatchObject({ name: "Raghunathan household", purchaseDate: "2024-08-30", purchasePrice: "133000.00" });
    // 1.5 % simple a year for 18 full months (2024-08-30 → 2026-03-02): 133,000 × 1.0225 = 135,992.50, under the
    // $226,000 appraisal (1.7 × 133,000 to the thousand) that caps it
    expect(view.calculation).toMatchObject({ valuationDate: "2026-03-02", maxPrice: "135992.50", priceNoticeOn: "2026-03-13" });
    expect(view.option).toMatchObject({ state: "assigned", decidedOn: "2026-04-10" });
    expect(view.buyer?.name).toBe("Ingrid Sæther");
    // $36,400 for one person against FY2023 Addison County's 80 % limit of $55,550
    expect(view.buyer?.eligibility).toMatchObject({ level: 80, householdSize: 1, certifiedOn: "2026-02-09", annualIncome: "36400.00", limit: "55550.00" });
    expect(view.closing).toMatchObject({ date: "2026-06-05", price: "135900.00", leaseDisposition: "new-lease" });
    // 135,900 − 122,600 payoff − 1,850 closing costs − 750 trust's fee − 0 unpaid lease fees (paid up)
    expect(view.closing?.statement).toMatchObject({ unpaidLeaseFees: "0.00", netProceeds: "10700.00" });
    // gain 135,900 − 133,000; subsidy 226,000 − 135,900; down payment 133,000 − 126,350; 644 days owned;
    // (10,700 / 6,650)^(365/644) − 1 = 30.94 %
    expect(view.outcomes).toMatchObject({
      householdSize: 2,
      sellerGain: "2900.00",
      subsidyRetained: "90100.00",
      netProceeds: "10700.00",
      downPayment: "6650.00",
      yearsOwned: "1.76",
      annualisedReturnOnDownPayment: "30.9",
      percentAmiNeeded: { tableAtThisSale: "HUD FY2023 Addison County, VT", tableAtPreviousSale: "HUD FY2023 Addison County, VT" },
    });
    const needed = (view.outcomes as { percentAmiNeeded: { atThisSale: string; atPreviousSale: string } }).percentAmiNeeded;
    // the same table, a higher price: a little more income needed than at the previous sale
    expect(Number(needed.atThisSale)).toBeGreaterThan(Number(needed.atPreviousSale));
    // the buyer owns the home at the closing price and holds her new lease, signed and in force from the closing
    const buyerLease = await db().lease.findFirstOrThrow({ where: { id: view.closing!.buyerLeaseId!, organisationId: organisation.id } });
    expect([buyerLease.status, buyerLease.commencementDate, buyerLease.householdId]).toEqual(["active", "2026-06-05", view.buyer!.householdId]);
    const buyerOwnership = await db().ownership.findFirstOrThrow({ where: { id: view.closing!.buyerOwnershipId!, organisationId: organisation.id } });
    expect([buyerOwnership.purchaseDate, buyerOwnership.purchasePriceCents, buyerOwnership.saleDate]).toEqual(["2026-06-05", 13_590_000n, null]);
    const sellerLease = await db().lease.findFirstOrThrow({ where: { id: view.lease!.id, organisationId: organisation.id } });
    expect([sellerLease.status, sellerLease.endedOn]).toEqual(["ended", "2026-06-05"]);
    expect(await demoCoherenceProblems(db(), organisation.id)).toEqual([]);
    // the pool: she bought; the Washington household waits
    const pool = await listBuyerPool(db(), organisation.id);
    expect(pool.map((e) => [e.name, e.status])).toEqual([["Washington household", "waiting"], ["Ingrid Sæther", "bought"]]);
    // the report counts the closed case and reads its stored figures
    const report = await loadPortfolioReport(db(), organisation.id);
    expect(report.resalesCompleted).toBe(1);
    expect(report.resales.map((r) => [r.home, r.closingDate, r.priceCents, r.outcomes?.netProceeds])).toEqual([["40 North Avenue, Unit 3", "2026-06-05", 13_590_000, "10700.00"]]);
  });

  it("holds an open sale whose option deadline is four days after today: due soon on the dashboard, the home and the case list", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const today = todayIn(organisation.timeZone);
    const open = await listTransferCases(db(), organisation.id, today, { status: "open" });
    expect(open.map((c) => [c.home.label.replace(/ \(APN .*\)$/, ""), c.seller, c.option])).toEqual([["7 Barlow Street, South half", "Volkov household", "open"]]);
    // the lease's 90-day option period from a notice 86 days ago; the price notice was sent a week after it
    expect(open[0]!.noticeDate).toBe(addDays(today, -86));
    expect(open[0]!.next).toEqual({ key: "option", label: expect.any(String), due: addDays(today, 4), state: "due-soon" });
    expect(open[0]!.maxPrice).toMatch(/^\d+\.\d\d$/);
    const pressing = await caseDeadlineItems(db(), organisation.id, today, { onlyPressing: true });
    expect(pressing.map((i) => [i.caseId, i.due, i.state])).toEqual([[open[0]!.id, addDays(today, 4), "due-soon"]]);
  });
});
