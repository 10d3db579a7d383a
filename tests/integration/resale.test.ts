import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calculateResale } from "~/modules/resale/engine";
import { action as calculatorAction, loader as calculatorLoader } from "~/routes/resale.homes.$homeId";
import { loader as compareLoader } from "~/routes/resale.homes.$homeId_.compare";
import { loader as indexLoader } from "~/routes/resale._index";
import { loader as savedLoader } from "~/routes/resale.calculations.$calculationId";
import { loader as pdfLoader } from "~/routes/resale.calculations.$calculationId.worksheet[.]pdf";
import { db } from "~/utils/db.server";
import { createFormulaPreset } from "~/modules/demo/formula-presets";
import { createHousehold, createIncomeLimitTable } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { createSavedCalculation, seedDemoCalculations } from "~/modules/demo/resale";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function ownedHome(role: "staff" | "viewer" | "admin" = "staff") {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, role);
  const parcel = await createParcel(db(), organisation.id, { streetAddress: "22 Elm Street", parcelNumber: "W-014-022" });
  const home = parcel.homes[0]!;
  const household = await createHousehold(db(), organisation.id, { name: "Okafor household" });
  await db().ownership.create({
    data: { organisationId: organisation.id, homeId: home.id, householdId: household.id, purchasePriceCents: 18_000_000, purchaseDate: "2015-06-01" },
  });
  return { organisation, user, home, cookie: await sessionCookieFor(user.id, organisation.id) };
}

const BUYER = {
  "buyer.housingCostRatio": "30",
  "buyer.interestRate": "6.5",
  "buyer.termYears": "30",
  "buyer.downPaymentRate": "5",
  "buyer.propertyTaxRate": "1.8",
  "buyer.mortgageInsuranceRate": "0",
  "buyer.insurance": "100",
  "buyer.hoa": "0",
  "buyer.leaseFee": "35",
  "buyer.utilities": "0",
};

/** 1.5 % simple, full years, market-value cap; one approved $12,000 roof. Expected: 180,000 × 1.15 + 12,000 = 219,000. */
const FIXED_RATE_FORM: Record<string, string> = {
  intent: "calculate",
  presetId: "",
  formulaType: "fixed-rate",
  annualRate: "1.5",
  compounding: "simple",
  elapsed: "full-years",
  marketValueCap: "on",
  roundingMode: "nearest",
  roundingIncrement: "0.01",
  purchasePrice: "$180,000",
  purchaseDate: "2015-06-01",
  valuationDate: "2025-06-01",
  appraisalCurrent: "400,000",
  "improvements[0].description": "New roof",
  "improvements[0].cost": "12000",
  "improvements[0].completedOn": "2020-05-01",
  "improvements[0].approved": "on",
  "improvements[1].description": "",
  "improvements[1].cost": "",
  "improvements[1].completedOn": "",
  // the browser also posts the (hidden) affordability fieldsets' defaults; a fixed-rate rule ignores them
  "affordability.percentAmi": "80",
  "capAffordability.percentAmi": "120",
  householdSize: "3",
  mortgagePayoff: "100000",
  closingCosts: "5000",
  unpaidLeaseFees: "250",
  ...BUYER,
};

type CalcBody = {
  result: { status?: string; error?: Record<string, string[] | null> };
  calculation: null | {
    request: { purchase: { price: string } };
    result: { maxResalePrice: string; boundBy: string; lines: { label: string; amount: string }[] };
    outcome: { sellerNetProceeds: string; subsidyRetained: string | null; ownerGain: string; percentOfAmi: { hundredPercentIncome: string; atResalePrice: string } | null };
  };
};

describe("the resale calculator", () => {
  it("prefills the current owner's purchase and offers the organisation's presets", async () => {
    const { organisation, home, cookie } = await ownedHome();
    await createFormulaPreset(db(), organisation.id, undefined, { name: "House rule" });
    const { status, body } = await unwrap(await run(calculatorLoader, getRequest(`/resale/homes/${home.id}`, cookie), { homeId: home.id }));
    expect(status).toBe(200);
    const loaded = body as { defaults: { purchasePrice: string; purchaseDate: string }; presets: { name: string }[]; home: { label: string } };
    expect(loaded.defaults).toMatchObject({ purchasePrice: "180000.00", purchaseDate: "2015-06-01" });
    expect(loaded.presets.map((p) => p.name)).toEqual(["House rule"]);
    expect(loaded.home.label).toBe("22 Elm Street (APN W-014-022)");
  });

  it("calculates through the route action: the worksheet and the outcome measures are in the response, nothing is saved", async () => {
    const { organisation, home, cookie } = await ownedHome();
    await createIncomeLimitTable(db(), organisation.id);
    const { status, body } = await unwrap(await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, FIXED_RATE_FORM, { cookie }), { homeId: home.id }));
    expect(status).toBe(200);
    const calculation = (body as CalcBody).calculation!;
    expect(calculation.result.maxResalePrice).toBe("219000.00");
    expect(calculation.result.boundBy).toBe("formula");
    expect(calculation.result.lines.map((l) => l.label)).toEqual(expect.arrayContaining(["Purchase price", "Improvement credit: New roof", "Cap: market value", "Maximum resale price"]));
    expect(calculation.outcome.sellerNetProceeds).toBe("113750.00"); // 219,000 − 100,000 − 5,000 − 250
    expect(calculation.outcome.subsidyRetained).toBe("181000.00");
    expect(calculation.outcome.ownerGain).toBe("39000.00");
    // Addison County FY2023: 100 % AMI for 3 persons = 2 × the 50 % limit $44,600
    expect(calculation.outcome.percentOfAmi?.hundredPercentIncome).toBe("89200.00");
    expect(Number(calculation.outcome.percentOfAmi?.atResalePrice)).toBeGreaterThan(50);
    expect(await db().resaleCalculation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("puts every contract error next to its field, answers 400 and saves nothing", async () => {
    const { organisation, home, cookie } = await ownedHome();
    const form = {
      ...FIXED_RATE_FORM,
      intent: "save",
      annualRate: "30",
      purchaseDate: "2023-02-30",
      "improvements[1].description": "Deck",
      "improvements[1].cost": "lots",
      "improvements[1].completedOn": "2021-01-01",
    };
    const { status, body } = await unwrap(await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, form, { cookie }), { homeId: home.id }));
    expect(status).toBe(400);
    const errors = (body as CalcBody).result.error!;
    expect(errors.annualRate![0]).toMatch(/at most 25%/);
    // in the user's words, one message per field (issue 15)
    expect(errors.purchaseDate).toEqual(["Enter the purchase date as a date, YYYY-MM-DD"]);
    expect(errors["improvements[1].cost"]).toEqual(["Enter the cost in dollars, e.g. 180,000 or 1,234.50"]);
    expect(await db().resaleCalculation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("asks for the appraisals an appraisal formula needs, on the appraisal fields", async () => {
    const { home, cookie } = await ownedHome();
    const form = { ...FIXED_RATE_FORM, formulaType: "appraisal", ownerShare: "25", losses: "shielded", appraisalCurrent: "" };
    const { status, body } = await unwrap(await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, form, { cookie }), { homeId: home.id }));
    expect(status).toBe(400);
    const errors = (body as CalcBody).result.error!;
    expect(errors.appraisalAtPurchase![0]).toBe("Enter the appraised value at purchase: the appraisal formula needs it");
    expect(errors.appraisalCurrent).toBeTruthy();
  });

  it("saves a snapshot (audited) that does not change when the preset changes later", async () => {
    const { organisation, home, user, cookie } = await ownedHome();
    const preset = await createFormulaPreset(db(), organisation.id, undefined, { name: "1.5% simple" });
    const form = { ...FIXED_RATE_FORM, intent: "save", presetId: preset.id };
    const response = (await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, form, { cookie }), { homeId: home.id })) as Response;
    expect(response.status).toBe(302);
    const saved = await db().resaleCalculation.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(response.headers.get("Location")).toBe(`/resale/calculations/${saved.id}`);
    expect(saved).toMatchObject({ homeId: home.id, presetName: "1.5% simple", valuationDate: "2025-06-01", createdById: user.id, boundBy: "formula" });
    // the preset: 1.5 % simple in full months, market-value cap — 180,000 × (1 + 0.015 × 10) + 12,000
    expect(saved.maxResalePriceCents).toBe(21_900_000n);
    const storedRequest = JSON.parse(JSON.stringify(saved.request));
    const storedResult = JSON.parse(JSON.stringify(saved.result));
    expect(storedResult).toEqual(JSON.parse(JSON.stringify(calculateResale(storedRequest))));
    const audit = await db().auditEntry.findFirst({ where: { organisationId: organisation.id, entity: "ResaleCalculation", entityId: saved.id } });
    expect(audit?.action).toBe("create");

    await db().formulaPreset.update({
      where: { id: preset.id },
      data: { spec: { formula: { type: "fixed-rate", annualRate: "0.05", compounding: "compound", elapsed: "full-years" }, caps: [], floor: null, rounding: { mode: "down", increment: "100" } } },
    });
    const page = await unwrap(await run(savedLoader, getRequest(`/resale/calculations/${saved.id}`, cookie), { calculationId: saved.id }));
    expect(page.status).toBe(200);
    const shown = (page.body as { calculation: { request: unknown; result: unknown; createdByLabel: string; presetName: string } }).calculation;
    expect(JSON.parse(JSON.stringify(shown.request))).toEqual(storedRequest);
    expect(shown.result).toEqual(storedResult);
    expect(shown.presetName).toBe("1.5% simple");
    expect(shown.createdByLabel).toBe(user.name);
    const again = await db().resaleCalculation.findUniqueOrThrow({ where: { id: saved.id } });
    expect(JSON.parse(JSON.stringify(again.request))).toEqual(storedRequest);
  });

  it("serves the saved worksheet as a PDF with the maximum price in it", async () => {
    const { organisation, home, cookie } = await ownedHome();
    const saved = await createSavedCalculation(db(), organisation.id, { homeId: home.id });
    const response = (await run(pdfLoader, getRequest(`/resale/calculations/${saved.id}/worksheet.pdf`, cookie), { calculationId: saved.id })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Resale worksheet _ 22 Elm Street \(APN W-014-022\) _ 2025-06-01\.pdf"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "resale-pdf-"));
    writeFileSync(join(dir, "w.pdf"), bytes);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "w.pdf"), "-"], { encoding: "utf8" });
    rmSync(dir, { recursive: true, force: true });
    // 180,000 × (1 + 0.015 × 10) = 207,000, below the $400,000 market value
    expect(text).toContain("Maximum resale price: $207,000.00");
  });

  it("lets a viewer calculate and view, but not save (403)", async () => {
    const { organisation, home, cookie } = await ownedHome("viewer");
    const saved = await createSavedCalculation(db(), organisation.id, { homeId: home.id });
    const calculated = await unwrap(await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, FIXED_RATE_FORM, { cookie }), { homeId: home.id }));
    expect(calculated.status).toBe(200);
    const saving = (await run(calculatorAction, postRequest(`/resale/homes/${home.id}`, { ...FIXED_RATE_FORM, intent: "save" }, { cookie }), { homeId: home.id })) as Response;
    expect(saving.status).toBe(403);
    expect(await db().resaleCalculation.count({ where: { organisationId: organisation.id } })).toBe(1);
    const page = await unwrap(await run(savedLoader, getRequest(`/resale/calculations/${saved.id}`, cookie), { calculationId: saved.id }));
    expect(page.status).toBe(200);
    const list = await unwrap(await run(indexLoader, getRequest("/resale?q=elm", cookie)));
    expect((list.body as { homes: { id: string }[]; recent: { id: string }[] }).homes.map((h) => h.id)).toEqual([home.id]);
    expect((list.body as { recent: { id: string }[] }).recent.map((c) => c.id)).toEqual([saved.id]);
  });

  it("answers 404 for another organisation's home and calculation", async () => {
    const mine = await ownedHome();
    const theirs = await ownedHome();
    const saved = await createSavedCalculation(db(), theirs.organisation.id, { homeId: theirs.home.id });
    const params = { homeId: theirs.home.id };
    expect(((await run(calculatorLoader, getRequest(`/resale/homes/${theirs.home.id}`, mine.cookie), params)) as Response).status).toBe(404);
    const posted = (await run(calculatorAction, postRequest(`/resale/homes/${theirs.home.id}`, { ...FIXED_RATE_FORM, intent: "save" }, { cookie: mine.cookie }), params)) as Response;
    expect(posted.status).toBe(404);
    expect(((await run(compareLoader, getRequest(`/resale/homes/${theirs.home.id}/compare`, mine.cookie), params)) as Response).status).toBe(404);
    expect(((await run(savedLoader, getRequest(`/resale/calculations/${saved.id}`, mine.cookie), { calculationId: saved.id })) as Response).status).toBe(404);
    expect(((await run(pdfLoader, getRequest(`/resale/calculations/${saved.id}/worksheet.pdf`, mine.cookie), { calculationId: saved.id })) as Response).status).toBe(404);
    expect(await db().resaleCalculation.count({ where: { organisationId: mine.organisation.id } })).toBe(0);
  });

  it("compares presets side by side and projects them over ten years", async () => {
    const { organisation, home, cookie } = await ownedHome();
    await createIncomeLimitTable(db(), organisation.id);
    await createFormulaPreset(db(), organisation.id, undefined, { name: "Fixed" });
    await createFormulaPreset(
      db(),
      organisation.id,
      { formula: { type: "appraisal", ownerShare: "0.25" }, caps: [{ type: "market-value" }], floor: null, rounding: { mode: "nearest", increment: "0.01" } },
      { name: "Appraisal" },
    );
    const query = "?purchasePrice=180000&purchaseDate=2015-06-01&valuationDate=2025-06-01&appraisalAtPurchase=200000&appraisalCurrent=400000&years=10&marketGrowth=3&amiGrowth=3&indexGrowth=2.5&interestRate=6.5&targetPercentAmi=80&householdSize=3";
    const { status, body } = await unwrap(await run(compareLoader, getRequest(`/resale/homes/${home.id}/compare${query}`, cookie), { homeId: home.id }));
    expect(status).toBe(200);
    const projection = (body as { projection: { labels: string[]; rows: { year: number; prices: { maxResalePrice: string }[]; affordablePrice: string }[] } }).projection;
    expect(projection.labels).toEqual(["Appraisal", "Fixed"]);
    expect(projection.rows).toHaveLength(11);
    // year 0: appraisal 180,000 + 25 % × (400,000 − 200,000) = 230,000; fixed 180,000 × 1.15 = 207,000
    expect(projection.rows[0]!.prices.map((p) => p.maxResalePrice)).toEqual(["230000.00", "207000.00"]);
    expect(Number(projection.rows[10]!.affordablePrice)).toBeGreaterThan(Number(projection.rows[0]!.affordablePrice));
  });

  it("seeds demo calculations on owned homes", async () => {
    const { organisation, home } = await ownedHome();
    const created = await seedDemoCalculations(db(), organisation.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ homeId: home.id, createdByLabel: "Demo data" });
  });
});
