import { describe, expect, it } from "vitest";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { loadPortfolioReport } from "~/modules/reports/reports.server";
import { calculateFormulaPrice, chooseBuyer, closeTransferCase, decideOption, getTransferCase, openTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { action as caseAction } from "~/routes/transfers.$caseId";
import { db } from "~/utils/db.server";
import { DEMO_PRESETS, seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createCertification, createHousehold, createIncomeLimitTable, setDefaultArea } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransferCaseError) return { message: error.message, field: error.field, status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
};

/**
 * A 3-bedroom home bought 2020-06-15 for $200,000 with a $190,000 mortgage; its lease (1.5 % simple, market cap;
 * $35 a month from 2026-02-01) binds it. Addison County FY2023 limits (effective 2023-05-15): 80 % for 3 persons
 * $71,400; 50 % for 4 persons $49,550. Notice 2026-03-02; appraisal $300,000; formula price $217,000.00; the
 * trust waives its option on 2026-03-20.
 */
async function caseReadyForBuyer(decision: "waived" | "exercised" | "assigned" = "waived") {
  const { organisation, user } = await createOrganisation(db());
  await seedDemoFormulaPresets(db(), organisation.id);
  await createIncomeLimitTable(db(), organisation.id);
  await setDefaultArea(db(), organisation.id, "NCNTY50001N50001");
  const made = await createHomeUnderLease(db(), organisation.id, {
    presetName: DEMO_PRESETS[0]!.name,
    purchasePriceCents: 20_000_000,
    purchaseDate: "2020-06-15",
    mortgageAmountCents: 19_000_000,
    leaseCommencementDate: "2026-02-01",
  });
  await db().lease.update({ where: { id: made.lease.id }, data: { monthlyFeeCents: 3500 } });
  const { id } = await openTransferCase(db(), made.actor, { homeId: made.home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "mail" }, "2026-03-02");
  await recordAppraisal(db(), made.actor, made.home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-03", receivedOn: "2026-03-12", effectiveDate: "2026-03-10", value: 30_000_000 });
  await calculateFormulaPrice(db(), made.actor, id, { priceNoticeOn: "2026-03-12", version: 1 });
  await decideOption(db(), made.actor, id, { decision, decidedOn: "2026-03-20", version: 2 }, "2026-03-20");
  return { organisation, user, ...made, caseId: id };
}

const closing = { closingDate: "2026-04-15", price: 21_700_000, mortgagePayoff: 16_000_000, sellerClosingCosts: 500_000, trustFees: 100_000 };

describe("the buyer and the closing of a resale", () => {
  it("refuses a buyer who owns a home, whose certification expired or who is over the limit, with the reason; accepts an eligible one", async () => {
    const { organisation, actor, caseId, home } = await caseReadyForBuyer();
    const owner = await createHouseholdWith(organisation.id, "Owner household", 3, "60000", "2026-01-10");
    await createHomeUnderLease(db(), organisation.id, { presetName: DEMO_PRESETS[0]!.name }).then((other) =>
      db().ownership.update({ where: { id: other.ownership.id }, data: { householdId: owner.id } }),
    );
    expect(await refusal(chooseBuyer(db(), actor, caseId, { householdId: owner.id, version: 3 }, "2026-04-01"))).toEqual({
      message: "Owner household already owns a home: a buyer may own no other home.",
      field: "householdId",
      status: 400,
    });
    const stale = await createHouseholdWith(organisation.id, "Stale household", 3, "60000", "2025-03-01");
    expect((await refusal(chooseBuyer(db(), actor, caseId, { householdId: stale.id, version: 3 }, "2026-04-01"))).message).toBe(
      "Stale household's income certification of 2025-03-01 expired on 2026-03-01 (valid 12 months): certify again.",
    );
    const over = await createHouseholdWith(organisation.id, "Over household", 3, "71401", "2026-01-10");
    expect((await refusal(chooseBuyer(db(), actor, caseId, { householdId: over.id, version: 3 }, "2026-04-01"))).message).toMatch(
      /^Over household is not eligible at 80 % AMI: income \$71,401 > \$71,400, HUD FY2023 80 % limit for 3 persons, Addison County, VT\.$/,
    );
    expect((await db().transferCase.findUniqueOrThrow({ where: { id: caseId } })).buyerHouseholdId).toBeNull();

    const buyer = await createHouseholdWith(organisation.id, "Okafor household", 4, "71400", "2026-01-10", true);
    // at the limit is eligible: 4 persons at 80 % = $79,300
    const eligibility = await chooseBuyer(db(), actor, caseId, { householdId: buyer.id, version: 3 }, "2026-04-01");
    expect(eligibility).toMatchObject({ level: 80, householdSize: 4, bedrooms: 3, sizeForBedrooms: "4 persons for 3 bedrooms", firstTimeBuyer: true, certifiedOn: "2026-01-10", validUntil: "2027-01-10" });
    expect(eligibility.verdict).toBe("≤ $79,300, HUD FY2023 80 % limit for 4 persons, Addison County, VT");
    const view = await getTransferCase(db(), organisation.id, caseId, "2026-04-01");
    expect(view!.buyer).toMatchObject({ householdId: buyer.id, name: "Okafor household" });
    expect(home.bedrooms).toBe(3);
  });

  it("closes in one transaction: ownerships, leases, the statement with unpaid fees, stored outcomes, the report's count", async () => {
    const { organisation, user, actor, caseId, home, ownership, lease } = await caseReadyForBuyer();
    const buyer = await createHouseholdWith(organisation.id, "Okafor household", 4, "70000", "2026-01-10", true, ["Grace Okafor", "Daniel Okafor"]);
    await chooseBuyer(db(), actor, caseId, { householdId: buyer.id, version: 3 }, "2026-04-01");
    const staff = { ...actor, role: "staff" };
    const admin = { ...actor, role: "admin" };

    expect(await refusal(closeTransferCase(db(), staff, caseId, { ...closing, closingDate: "2026-03-19", version: 4 }, "2026-04-20"))).toEqual({
      message: "The closing cannot be before the option was waived (2026-03-20)",
      field: "closingDate",
      status: 400,
    });
    expect(await refusal(closeTransferCase(db(), staff, caseId, { ...closing, price: 21_700_001, version: 4 }, "2026-04-20"))).toEqual({
      message: "The price may not exceed the maximum resale price of $217,000.00.",
      field: "price",
      status: 400,
    });
    expect(await refusal(closeTransferCase(db(), staff, caseId, { ...closing, price: 21_800_000, overrideReason: "Board approved", version: 4 }, "2026-04-20"))).toMatchObject({
      field: "overrideReason",
      status: 403,
    });
    // the form: a price with three decimals is refused next to the field
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const badPrice = await unwrap(
      await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "close", closingDate: "2026-04-15", price: "217000.005", trustFees: "0", mortgagePayoff: "0", sellerClosingCosts: "0", version: "4" }, { cookie }), { caseId }),
    );
    expect(badPrice.status).toBe(400);
    expect((badPrice.body as { reply: { error: Record<string, string[]> } }).reply.error.price).toEqual(["Enter an amount in dollars, e.g. 250000 or 1,234.50"]);

    // a failure part-way (the buyer bought another home meanwhile) leaves nothing half-closed
    const elsewhere = await createHomeUnderLease(db(), organisation.id, { presetName: DEMO_PRESETS[0]!.name });
    await db().ownership.update({ where: { id: elsewhere.ownership.id }, data: { householdId: buyer.id } });
    expect((await refusal(closeTransferCase(db(), admin, caseId, { ...closing, version: 4 }, "2026-04-20"))).message).toBe("Okafor household already owns a home: a buyer may own no other home.");
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: null, currentHomeId: home.id });
    expect(await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({ status: "active", bindingHomeId: home.id });
    expect(await db().transferCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "open", version: 4 });
    await db().ownership.update({ where: { id: elsewhere.ownership.id }, data: { householdId: elsewhere.household.id } });

    const { buyerLeaseId } = await closeTransferCase(db(), staff, caseId, { ...closing, version: 4 }, "2026-04-20");
    // the seller's side
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: "2026-04-15", salePriceCents: 21_700_000n, currentHomeId: null });
    expect(await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({ status: "ended", endedOn: "2026-04-15", bindingHomeId: null });
    // the buyer's side
    expect(await db().ownership.findFirstOrThrow({ where: { homeId: home.id, saleDate: null } })).toMatchObject({ householdId: buyer.id, purchasePriceCents: 21_700_000n, purchaseDate: "2026-04-15" });
    const draft = await db().lease.findUniqueOrThrow({ where: { id: buyerLeaseId! }, include: { lessees: { orderBy: { position: "asc" } } } });
    expect(draft).toMatchObject({ status: "draft", homeId: home.id, householdId: buyer.id, commencementDate: "2026-04-15", expirationDate: "2125-04-14" /* a 99-year term ends the day before its anniversary */, monthlyFeeCents: 3500n, formulaPresetName: DEMO_PRESETS[0]!.name });
    expect(draft.lessees.map((l) => l.fullName)).toEqual(["Grace Okafor", "Daniel Okafor"]);
    expect(draft.templateVersionId).not.toBeNull();

    const view = await getTransferCase(db(), organisation.id, caseId, "2026-04-20");
    expect(view!.status).toBe("closed");
    // lease fees: $35 due 2026-02-01, 03-01 and 04-01, none paid, each with the $10 late charge after 10 days' grace: 3 × 35 + 3 × 10 = 135.00
    // net proceeds = 217,000 − 160,000 − 5,000 − 135 − 1,000 = 50,865.00
    expect(view!.closing).toMatchObject({
      date: "2026-04-15",
      price: "217000.00",
      overrideReason: null,
      statement: { price: "217000.00", unpaidLeaseFees: "135.00", trustFees: "1000.00", mortgagePayoff: "160000.00", sellerClosingCosts: "5000.00", netProceeds: "50865.00" },
    });
    // outcomes: income needed at $217,000 with the standard buyer (6.5 %/30 y, 5 % down, 1.8 % tax, $135 fixed a month, 30 %)
    // = $70,540.33 = 71.2 % of the 100 % AMI for 4 persons ($99,100 = 2 × $49,550); no table in effect at the 2020 purchase.
    // subsidy 300,000 − 217,000; gain 17,000; down payment 10,000; (5.0865)^(365/2130) − 1 = 32.1 % a year
    expect(view!.outcomes).toEqual({
      householdSize: 4,
      percentAmiNeeded: { atThisSale: "71.2", atPreviousSale: null, tableAtThisSale: "HUD FY2023 Addison County, VT", tableAtPreviousSale: null },
      subsidyRetained: "83000.00",
      sellerGain: "17000.00",
      netProceeds: "50865.00",
      downPayment: "10000.00",
      annualisedReturnOnDownPayment: "32.1",
      yearsOwned: "5.84",
    });
    const report = await loadPortfolioReport(db(), organisation.id);
    expect(report.resalesCompleted).toBe(1);
    expect(report.resales.map((r) => [r.caseId, r.priceCents, r.outcomes?.netProceeds])).toEqual([[caseId, 21_700_000, "50865.00"]]);
    // nothing more on a closed case
    expect(await refusal(closeTransferCase(db(), admin, caseId, { ...closing, version: 5 }, "2026-04-20"))).toMatchObject({ status: 409 });
  });

  it("an admin may close above the maximum with a reason, which is stored", async () => {
    const { organisation, actor, caseId } = await caseReadyForBuyer();
    const buyer = await createHouseholdWith(organisation.id, "Okafor household", 4, "70000", "2026-01-10");
    await chooseBuyer(db(), actor, caseId, { householdId: buyer.id, version: 3 }, "2026-04-01");
    await closeTransferCase(db(), { ...actor, role: "admin" }, caseId, { ...closing, price: 21_800_000, overrideReason: "Board resolution 2026-07: seller's approved solar panels", version: 4 }, "2026-04-20");
    const view = await getTransferCase(db(), organisation.id, caseId, "2026-04-20");
    expect(view!.closing).toMatchObject({ price: "218000.00", overrideReason: "Board resolution 2026-07: seller's approved solar panels" });
    expect(await db().auditEntry.count({ where: { entity: "TransferCase", entityId: caseId, action: "transition" } })).toBe(1);
    await createMember(db(), organisation.id, "staff");
  });
});

describe("the case page's forms refuse bad input next to the field, with a 4xx, changing nothing", () => {
  it("a closing date that does not exist, a closing before the exercise, a stale form, a buyer already owning a home", async () => {
    const { organisation, user, caseId, ownership, home } = await caseReadyForBuyer("exercised");
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const post = async (form: Record<string, string>) => unwrap(await run(caseAction, postRequest(`/transfers/${caseId}`, form, { cookie }), { caseId }));
    const closeForm = { intent: "close", closingDate: "2026-04-15", price: "217000", trustFees: "0", mortgagePayoff: "0", sellerClosingCosts: "0", version: "3" };
    const errors = (body: unknown) => (body as { reply: { error: Record<string, string[]> } }).reply.error;

    const noSuchDay = await post({ ...closeForm, closingDate: "2026-04-31" });
    expect(noSuchDay.status).toBe(400);
    expect(errors(noSuchDay.body).closingDate).toEqual(["This date does not exist on the calendar"]);

    const beforeExercise = await post({ ...closeForm, closingDate: "2026-03-19" });
    expect(beforeExercise.status).toBe(400);
    expect(errors(beforeExercise.body).closingDate).toEqual(["The closing cannot be before the option was exercised (2026-03-20)"]);

    // a form read before another change (version 2, the case is at 3)
    const stale = await post({ ...closeForm, version: "2" });
    expect(stale.status).toBe(409);
    expect(errors(stale.body)[""]).toEqual([STALE_RECORD_MESSAGE]);

    expect(await db().transferCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "open", version: 3, closingDate: null });
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: null, currentHomeId: home.id });

    // a buyer who owns a home, on a case whose option was waived
    const waived = await caseReadyForBuyer("waived");
    const owner = await createHouseholdWith(waived.organisation.id, "Owner household", 3, "60000", "2026-01-10");
    const other = await createHomeUnderLease(db(), waived.organisation.id, { presetName: DEMO_PRESETS[0]!.name });
    await db().ownership.update({ where: { id: other.ownership.id }, data: { householdId: owner.id } });
    const waivedCookie = await sessionCookieFor(waived.user.id, waived.organisation.id);
    const owning = await unwrap(await run(caseAction, postRequest(`/transfers/${waived.caseId}`, { intent: "buyer", householdId: owner.id, version: "3" }, { cookie: waivedCookie }), { caseId: waived.caseId }));
    expect(owning.status).toBe(400);
    expect(errors(owning.body).householdId).toEqual(["Owner household already owns a home: a buyer may own no other home."]);
    expect(await db().transferCase.findUniqueOrThrow({ where: { id: waived.caseId } })).toMatchObject({ buyerHouseholdId: null, version: 3 });
  });
});

describe("closing after the trust's option is exercised or assigned", () => {
  it("the trust exercises its option and buys: no buyer, the seller's ownership and lease end, the home is the trust's, outcomes stored", async () => {
    const { organisation, actor, caseId, home, ownership, lease } = await caseReadyForBuyer("exercised");
    const staff = { ...actor, role: "staff" };
    // the closing deadline: the exercise 2026-03-20 + the lease's 60 closing days = 2026-05-19
    const before = await getTransferCase(db(), organisation.id, caseId, "2026-04-01");
    expect(before!.deadlines.find((d) => d.key === "closing")).toMatchObject({ due: "2026-05-19", state: "upcoming" });
    // no other buyer when the trust buys
    const someone = await createHouseholdWith(organisation.id, "Okafor household", 4, "70000", "2026-01-10");
    expect(await refusal(chooseBuyer(db(), actor, caseId, { householdId: someone.id, version: 3 }, "2026-04-01"))).toMatchObject({ field: "householdId", status: 409 });
    // a closing before the exercise is refused next to the closing date; nothing changes
    expect(await refusal(closeTransferCase(db(), staff, caseId, { ...closing, closingDate: "2026-03-19", version: 3 }, "2026-04-20"))).toEqual({
      message: "The closing cannot be before the option was exercised (2026-03-20)",
      field: "closingDate",
      status: 400,
    });
    // nor can the trust assign the lease to itself
    expect(await refusal(closeTransferCase(db(), staff, caseId, { ...closing, leaseDisposition: "assignment", version: 3 }, "2026-04-20"))).toMatchObject({ field: "leaseDisposition", status: 400 });
    expect(await db().transferCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "open", version: 3 });
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: null });

    const { buyerLeaseId } = await closeTransferCase(db(), staff, caseId, { ...closing, version: 3 }, "2026-04-20");
    expect(buyerLeaseId).toBeNull();
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: "2026-04-15", salePriceCents: 21_700_000n, currentHomeId: null });
    expect(await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({ status: "ended", endedOn: "2026-04-15", bindingHomeId: null });
    // the trust holds the home: no current owner, no draft lease
    expect(await db().ownership.count({ where: { homeId: home.id, saleDate: null } })).toBe(0);
    expect(await db().lease.count({ where: { homeId: home.id, status: "draft" } })).toBe(0);
    const view = await getTransferCase(db(), organisation.id, caseId, "2026-04-20");
    // net proceeds as in the waived case: 217,000 − 160,000 − 5,000 − 135 − 1,000 = 50,865.00
    expect(view!.closing).toMatchObject({ date: "2026-04-15", price: "217000.00", buyerOwnershipId: null, buyerLeaseId: null, leaseDisposition: "new-lease", statement: { netProceeds: "50865.00" } });
    expect(view!.deadlines.find((d) => d.key === "closing")).toMatchObject({ state: "met", doneOn: "2026-04-15" });
    expect(view!.outcomes).toMatchObject({ netProceeds: "50865.00", sellerGain: "17000.00", subsidyRetained: "83000.00" });
    expect((await loadPortfolioReport(db(), organisation.id)).resalesCompleted).toBe(1);
  });

  it("assigned option, the seller's lease assigned to the buyer: the buyer's draft carries its terms and frozen formula for its remaining whole years", async () => {
    const { organisation, actor, caseId, home, lease } = await caseReadyForBuyer("assigned");
    const buyer = await createHouseholdWith(organisation.id, "Okafor household", 4, "70000", "2026-01-10", true, ["Grace Okafor", "Daniel Okafor"]);
    await chooseBuyer(db(), actor, caseId, { householdId: buyer.id, version: 3 }, "2026-04-01");
    const seller = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
    const { buyerLeaseId } = await closeTransferCase(db(), { ...actor, role: "staff" }, caseId, { ...closing, leaseDisposition: "assignment", version: 4 }, "2026-04-20");
    expect(await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({ status: "assigned", endedOn: "2026-04-15", bindingHomeId: null });
    const draft = await db().lease.findUniqueOrThrow({ where: { id: buyerLeaseId! }, include: { lessees: { orderBy: { position: "asc" } } } });
    // the seller's lease runs 2026-02-01 … 2125-01-31 (99 years); from the closing 2026-04-15 the whole years left end
    // on or before 2125-02-01: 98 (2124-04-15), so the assignment runs 2026-04-15 … 2124-04-14
    expect(draft).toMatchObject({ status: "draft", householdId: buyer.id, homeId: home.id, commencementDate: "2026-04-15", termYears: 98, expirationDate: "2124-04-14", monthlyFeeCents: 3500n });
    expect(draft.formulaSpec).toEqual(seller.formulaSpec);
    expect(draft.templateVersionId).toBe(seller.templateVersionId);
    expect(draft.lessees.map((l) => l.fullName)).toEqual(["Grace Okafor", "Daniel Okafor"]);
    const view = await getTransferCase(db(), organisation.id, caseId, "2026-04-20");
    expect(view!.closing).toMatchObject({ leaseDisposition: "assignment", buyerLeaseId });
  });
});

async function createHouseholdWith(organisationId: string, name: string, size: number, income: string, certifiedOn: string, firstTimeBuyer: boolean | null = null, members: string[] = [`${name.split(" ")[0]} One`]) {
  const household = await createHousehold(db(), organisationId, { name, firstTimeBuyer, members });
  await createCertification(db(), organisationId, household.id, { certifiedOn, householdSize: size, income: [["", "wages", income]] });
  return household;
}
