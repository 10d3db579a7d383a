import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createApiToken } from "~/modules/api-tokens/api-tokens.server";
import type { IncomeLimitTable } from "~/modules/income-limits/income-limits";
import { saveResaleCalculation } from "~/modules/resale/calculations.server";
import { action as apiAction } from "~/routes/api.v1.resale-calculations";
import { action as calculatorAction } from "~/routes/resale.homes.$homeId";
import { db } from "~/utils/db.server";
import { createHousehold, createIncomeLimitTable } from "~/modules/demo/households";
import { ILLUSTRATIVE_TABLES } from "~/modules/demo/income-limit-tables";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Issue 8 §2: an affordability income named by an AMI level is resolved at the valuation date from the
 * organisation's stored table then in effect — a table taking effect between two dates changes the price.
 * The tables are ILLUSTRATIVE (app/modules/demo/income-limit-tables.ts), not HUD's figures.
 *
 * Hand-worked (loan: 0 % for 30 years, 10 % down, tax 1.2 %, MI 0.6 % → f = 0.00395 per dollar; F = $150/month):
 *   valued 2024-03-31 → FY2023 table (from 2023-05-15), 3 persons, 80 % = $64,300: B = $1,607.50,
 *                       P = 1,457.50 / 0.00395 = 368,987.341772… → $368,987.34
 *   valued 2024-04-01 → FY2024 table (from 2024-04-01), 80 % = $66,850: B = $1,671.25,
 *                       P = 1,521.25 / 0.00395 = 385,126.582278… → $385,126.58
 */

const LOAN = {
  housingCostRatio: "0.3",
  interestRate: "0",
  termYears: 30,
  downPaymentRate: "0.1",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.006",
  monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
};

function request(valuationDate: string) {
  return {
    formula: { type: "affordability", amiLevel: { level: 80, householdSize: "bedrooms-plus-one", area: "TEST0001" }, ...LOAN },
    purchase: { price: "250000.00", date: "2020-01-01" },
    valuationDate,
    home: { bedrooms: 2 },
  };
}

/** The illustrative tables stored as the organisation's own. */
async function storeTables(organisationId: string) {
  for (const table of ILLUSTRATIVE_TABLES) {
    const stored: IncomeLimitTable = {
      fiscalYear: table.fiscalYear,
      areaCode: table.areaCode,
      areaName: table.areaName,
      medianFamilyIncome: Number(table.medianFamilyIncome),
      limits: [
        { level: 50, byHouseholdSize: table.limits["50"].map(Number) as unknown as IncomeLimitTable["limits"][number]["byHouseholdSize"] },
        { level: 80, byHouseholdSize: table.limits["80"].map(Number) as unknown as IncomeLimitTable["limits"][number]["byHouseholdSize"] },
      ],
      source: "ILLUSTRATIVE figures for tests, not HUD's",
      effectiveFrom: table.effectiveFrom,
    };
    await createIncomeLimitTable(db(), organisationId, stored);
  }
}

async function token(organisationId: string) {
  const { user } = await createMember(db(), organisationId, "admin");
  return (await createApiToken(db(), systemActor(organisationId, "Test"), user.id, "AMI test")).secret;
}

function post(body: unknown, secret: string): Request {
  return new Request("http://localhost/api/v1/resale-calculations", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });
}

describe("AMI-level incomes resolved from the organisation's stored tables at the valuation date", () => {
  it("the API uses the table in effect on the valuation date: a table taking effect in between changes the price", async () => {
    const { organisation } = await createOrganisation(db());
    await storeTables(organisation.id);
    const secret = await token(organisation.id);

    const before = (await run(apiAction, post(request("2024-03-31"), secret))) as Response;
    expect(before.status).toBe(200);
    const early = (await before.json()) as { maxResalePrice: string; incomeResolutions: { income: string; table: { fiscalYear: number; effectiveFrom: string } }[] };
    expect(early.maxResalePrice).toBe("368987.34");
    expect(early.incomeResolutions[0]).toMatchObject({ income: "64300.00", table: { fiscalYear: 2023, effectiveFrom: "2023-05-15" } });

    const after = (await run(apiAction, post(request("2024-04-01"), secret))) as Response;
    const late = (await after.json()) as typeof early;
    expect(late.maxResalePrice).toBe("385126.58");
    expect(late.incomeResolutions[0]).toMatchObject({ income: "66850.00", table: { fiscalYear: 2024, effectiveFrom: "2024-04-01" } });
  });

  it("never uses another organisation's tables, and names the area and the date when none is in effect", async () => {
    const { organisation: owner } = await createOrganisation(db());
    await storeTables(owner.id);
    const { organisation: other } = await createOrganisation(db());
    const secret = await token(other.id);
    const response = (await run(apiAction, post(request("2024-04-01"), secret))) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid-request",
      fields: [{ path: "formula.amiLevel.area", message: 'has no income-limit table in effect on 2024-04-01 for "TEST0001"; no income-limit tables were given (incomeLimitTables)' }],
    });
    // before the first table takes effect, the owner's own tables are listed
    const early = (await run(apiAction, post(request("2023-05-14"), await token(owner.id)))) as Response;
    expect(early.status).toBe(400);
    expect(JSON.stringify(await early.json())).toContain("tables given: Test County FY2023 from 2023-05-15, Test County FY2024 from 2024-04-01");
  });

  it("the calculator resolves a % AMI level typed by hand at its valuation date, shows the table used, and saves the figures with the calculation", async () => {
    const { organisation } = await createOrganisation(db());
    await storeTables(organisation.id);
    const { user } = await createMember(db(), organisation.id, "staff");
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const parcel = await createParcel(db(), organisation.id, { home: { homeType: "single_family", bedrooms: 2, bathrooms: "1", floorAreaSqft: 900, yearBuilt: 1990, label: "" } });
    const home = parcel.homes[0]!;
    const household = await createHousehold(db(), organisation.id, { name: "Ruiz household" });
    await db().ownership.create({ data: { organisationId: organisation.id, homeId: home.id, householdId: household.id, purchasePriceCents: 25_000_000, purchaseDate: "2020-01-01" } });
    const form = (valuationDate: string): Record<string, string> => ({
      intent: "calculate",
      presetId: "",
      formulaType: "affordability",
      "affordability.percentAmi": "80",
      "affordability.householdSizeRule": "bedrooms-plus-one",
      "affordability.area": "Test County",
      "affordability.housingCostRatio": "30",
      "affordability.interestRate": "0",
      "affordability.termYears": "30",
      "affordability.downPaymentRate": "10",
      "affordability.propertyTaxRate": "1.2",
      "affordability.mortgageInsuranceRate": "0.6",
      "affordability.insurance": "100",
      "affordability.leaseFee": "50",
      roundingMode: "nearest",
      roundingIncrement: "0.01",
      purchasePrice: "250000",
      purchaseDate: "2020-01-01",
      valuationDate,
      householdSize: "3",
      "buyer.housingCostRatio": "30",
      "buyer.interestRate": "6.5",
      "buyer.termYears": "30",
      "buyer.downPaymentRate": "5",
      "buyer.propertyTaxRate": "1.8",
      "buyer.mortgageInsuranceRate": "0",
      mortgagePayoff: "0",
      closingCosts: "0",
      unpaidLeaseFees: "0",
    });
    type Body = { calculation: { request: Record<string, unknown>; result: { maxResalePrice: string; lines: { label: string; explanation: string }[] } } | null };
    const calculate = async (valuationDate: string) =>
      ((await unwrap(await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, form(valuationDate), { cookie }), { homeId: home.id }))).body as Body).calculation!;
    const early = await calculate("2024-03-31");
    expect(early.result.maxResalePrice).toBe("368987.34");
    expect(early.result.lines[0]!.explanation).toMatch(/^Income \$64,300\.00 = 80% AMI for 3 persons \(bedrooms \+ 1 = 2 \+ 1\) from the Test County FY2023 table in effect on 2024-03-31/);
    const late = await calculate("2024-04-01");
    expect(late.result.maxResalePrice).toBe("385126.58");

    // saved, the calculation keeps the tables it was resolved from (it never changes when tables are corrected later)
    const { result, request: savedRequest } = late as unknown as { result: never; request: never };
    const saved = await saveResaleCalculation(db(), systemActor(organisation.id, "Test"), { homeId: home.id, presetName: "", request: savedRequest, result });
    const row = await db().resaleCalculation.findFirstOrThrow({ where: { id: saved.id, organisationId: organisation.id } });
    expect(JSON.stringify(row.request)).toContain('"effectiveFrom":"2024-04-01"');
  });
});
