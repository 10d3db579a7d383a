import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import type { IncomeLimitTable } from "~/modules/income-limits/income-limits";
import { eligibilityForOrganisation } from "~/modules/income-limits/cli.server";
import { findIncomeLimitTableInEffect } from "~/modules/income-limits/income-limits.server";
import { ADDISON_COUNTY_VT_FY2023, ALBUQUERQUE_NM_MSA_FY2024 } from "~/modules/income-limits/seed-tables";
import { action as certifyAction } from "~/routes/households.$householdId.certifications.new";
import { action as tableAction } from "~/routes/settings.income-limits.$tableId";
import { loader as householdLoader } from "~/routes/households.$householdId._index";
import { action as newParcelAction } from "~/routes/parcels.new";
import { action as importParcelsAction } from "~/routes/parcels.import";
import { loader as reportsLoader } from "~/routes/reports._index";
import { action as eligibilitySettingsAction } from "~/routes/settings.eligibility";
import { loadPortfolioReport } from "~/modules/reports/reports.server";
import { db } from "~/utils/db.server";
import { createHousehold, createIncomeLimitTable, setDefaultArea } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Eligibility rules (issue 8 §1) on a real database: the table in effect for an area on a date, HUD's
 * published limit for the size, the area of the household's home or the trust's default area.
 * Expected figures are HUD's published rows (seed-tables.ts), not computed by the code under test.
 */

/** A later Addison table, only to test which table is chosen: its figures are NOT HUD's FY2024 figures. */
const ADDISON_LATER_ILLUSTRATIVE: IncomeLimitTable = {
  ...ADDISON_COUNTY_VT_FY2023,
  fiscalYear: 2024,
  effectiveFrom: "2024-04-01",
  medianFamilyIncome: 108_200,
  source: "ILLUSTRATIVE — not HUD data (tests the choice of table only)",
};

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const staff = await createMember(db(), organisation.id, "staff");
  return {
    organisation,
    adminCookie: await sessionCookieFor(user.id, organisation.id),
    cookie: await sessionCookieFor(staff.user.id, organisation.id),
  };
}

type Reply = { error?: Record<string, string[]> };

function certify(cookie: string, householdId: string, fields: { certifiedOn: string; householdSize: string; income: string; targetLevel?: string; homeId?: string }) {
  return run(
    certifyAction,
    postRequest(
      `/households/${householdId}/certifications/new`,
      {
        certifiedOn: fields.certifiedOn,
        householdSize: fields.householdSize,
        targetLevel: fields.targetLevel ?? "80",
        ...(fields.homeId ? { homeId: fields.homeId } : {}),
        "incomeItems[0].source": "wages",
        "incomeItems[0].annualAmount": fields.income,
      },
      { cookie },
    ),
    { householdId },
  );
}

async function lastCertification(householdId: string) {
  return db().incomeCertification.findFirstOrThrow({
    where: { householdId },
    orderBy: { createdAt: "desc" },
    include: { incomeLimitTable: { select: { fiscalYear: true, areaCode: true } } },
  });
}

describe("the income-limit table in effect", () => {
  it("is the newest table of the area in effect on the date, by code or name; never another area's", async () => {
    const { organisation } = await setup();
    const addison2023 = await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    const addison2024 = await createIncomeLimitTable(db(), organisation.id, ADDISON_LATER_ILLUSTRATIVE);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    const find = (area: string, date: string) => findIncomeLimitTableInEffect(db(), organisation.id, area, date);

    expect(await find("NCNTY50001N50001", "2023-05-15")).toMatchObject({ ok: true, row: { id: addison2023.id } });
    expect(await find("Addison County, VT", "2024-03-31")).toMatchObject({ ok: true, row: { id: addison2023.id } });
    expect(await find("addison county, vt", "2024-04-01")).toMatchObject({ ok: true, row: { id: addison2024.id }, table: { fiscalYear: 2024 } });

    const before = await find("Addison County, VT", "2023-05-14");
    expect(before.ok).toBe(false);
    if (before.ok) return;
    expect(before.message).toContain("No income-limit table for Addison County, VT (NCNTY50001N50001) is in effect on 2023-05-14");
    expect(before.message).toContain("FY2023 Addison County, VT (NCNTY50001N50001) from 2023-05-15");
    expect(before.message).toContain("FY2024 Albuquerque, NM MSA (METRO10740M10740) from 2024-04-01");
    expect(before.tables).toHaveLength(3);

    // Albuquerque's only table takes effect 2024-04-01: before that there is none, although Addison's is in effect
    expect((await find("METRO10740M10740", "2024-01-15")).ok).toBe(false);
    const unknown = await find("Burlington-South Burlington, VT HMFA", "2025-01-01");
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining("“Burlington-South Burlington, VT HMFA” is in effect on 2025-01-01") });

    // another organisation's tables are not seen
    const other = await setup();
    expect((await findIncomeLimitTableInEffect(db(), other.organisation.id, "Addison County, VT", "2024-01-01")).ok).toBe(false);
  });

  it("follows the table's effective date when an administrator corrects it (versioned, audited)", async () => {
    const { organisation, adminCookie } = await setup();
    const table = await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    expect((await findIncomeLimitTableInEffect(db(), organisation.id, "NCNTY50001N50001", "2023-05-01")).ok).toBe(false);
    const post = (form: Record<string, string>) => run(tableAction, postRequest(`/settings/income-limits/${table.id}`, form, { cookie: adminCookie }), { tableId: table.id });

    const invalid = await unwrap(await post({ intent: "effective", effectiveFrom: "2023-04-31", version: "1" }));
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain("This date does not exist");
    expect((await post({ intent: "effective", effectiveFrom: "2023-04-01", version: "1" })) as Response).toHaveProperty("status", 302);
    expect(await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } })).toMatchObject({ effectiveFrom: "2023-04-01", version: 2 });
    expect((await findIncomeLimitTableInEffect(db(), organisation.id, "NCNTY50001N50001", "2023-05-01")).ok).toBe(true);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "IncomeLimitTable", entityId: table.id, action: "update" } });
    expect(audit.changes).toEqual({ before: { effectiveFrom: "2023-05-15" }, after: { effectiveFrom: "2023-04-01" } });
    const stale = await unwrap(await post({ intent: "effective", effectiveFrom: "2023-06-01", version: "1" }));
    expect(stale.status).toBe(409);
  });
});

describe("certification: eligibility against HUD's published limit for the household size", () => {
  it("Addison County VT FY2023, 3 persons, $71,380 IS eligible at 80 % (limit $71,400), and the verdict says which limit", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await setDefaultArea(db(), organisation.id, ADDISON_COUNTY_VT_FY2023.areaCode);
    const household = await createHousehold(db(), organisation.id);
    expect(((await certify(cookie, household.id, { certifiedOn: "2023-09-15", householdSize: "3", income: "71,380" })) as Response).status).toBe(302);
    const stored = await lastCertification(household.id);
    expect(stored).toMatchObject({
      eligible: true,
      targetLimitCents: 7_140_000n,
      targetLimitSource: "published",
      eligibilityVerdict: "≤ $71,400, HUD FY2023 80 % limit for 3 persons, Addison County, VT",
      // the % AMI (a reporting figure) is above 80: 71,380 ÷ (2 × 44,600) = 80.022… %, shown rounded up; it used to refuse it
      percentAmi: "80.03",
    });
  });

  it("Albuquerque NM MSA FY2024, 4 persons, $69,110 is NOT eligible at 80 % (limit $69,100)", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    const household = await createHousehold(db(), organisation.id);
    // one area only: it is the default area without a setting
    expect(((await certify(cookie, household.id, { certifiedOn: "2024-06-03", householdSize: "4", income: "69110" })) as Response).status).toBe(302);
    expect(await lastCertification(household.id)).toMatchObject({
      eligible: false,
      targetLimitCents: 6_910_000n,
      eligibilityVerdict: "> $69,100, HUD FY2024 80 % limit for 4 persons, Albuquerque, NM MSA",
      percentAmi: "79.99",
    });
    // at the limit is eligible
    expect(((await certify(cookie, household.id, { certifiedOn: "2024-06-04", householdSize: "4", income: "69100" })) as Response).status).toBe(302);
    expect(await lastCertification(household.id)).toMatchObject({ eligible: true });
  });

  it("9 persons by HUD's rule (rounded up to $50); other levels by the table's derivation method", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    const household = await createHousehold(db(), organisation.id);
    // 80 %, 9 persons: 79,300 × 1.40 = 111,020 → 111,050
    await certify(cookie, household.id, { certifiedOn: "2023-09-15", householdSize: "9", income: "111050" });
    expect(await lastCertification(household.id)).toMatchObject({ eligible: true, targetLimitCents: 11_105_000n, targetLimitSource: "published" });
    await certify(cookie, household.id, { certifiedOn: "2023-09-15", householdSize: "9", income: "111051" });
    expect(await lastCertification(household.id)).toMatchObject({ eligible: false });
    // 120 %, 3 persons, multiple-of-50: 2.4 × 44,600 = 107,040
    await certify(cookie, household.id, { certifiedOn: "2023-09-15", householdSize: "3", income: "107040", targetLevel: "120" });
    expect(await lastCertification(household.id)).toMatchObject({ eligible: true, targetLimitCents: 10_704_000n, targetLimitSource: "derived:multiple-of-50" });
  });
});

describe("certification: the area is the home's, else the trust's default; never another area's table", () => {
  it("uses the area of the home the household owns, else of the home it is buying, else the default area", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    await setDefaultArea(db(), organisation.id, ADDISON_COUNTY_VT_FY2023.areaCode);
    const abqParcel = await createParcel(db(), organisation.id, { streetAddress: "1 Central Avenue", city: "Albuquerque", state: "NM" });
    await db().parcel.update({ where: { id: abqParcel.id }, data: { incomeLimitAreaCode: ALBUQUERQUE_NM_MSA_FY2024.areaCode } });
    const abqHome = abqParcel.homes[0]!;

    // no home: the trust's default area (Addison)
    const newcomer = await createHousehold(db(), organisation.id);
    await certify(cookie, newcomer.id, { certifiedOn: "2024-06-03", householdSize: "4", income: "60000" });
    expect((await lastCertification(newcomer.id)).incomeLimitTable).toEqual({ fiscalYear: 2023, areaCode: "NCNTY50001N50001" });
    // buying the Albuquerque home: its area
    await certify(cookie, newcomer.id, { certifiedOn: "2024-06-03", householdSize: "4", income: "60000", homeId: abqHome.id });
    expect((await lastCertification(newcomer.id)).incomeLimitTable).toEqual({ fiscalYear: 2024, areaCode: "METRO10740M10740" });

    // owning the Albuquerque home: its area, without choosing anything
    const owner = await createHousehold(db(), organisation.id);
    const purchase = PurchaseSchema.parse({ homeId: abqHome.id, purchasePrice: "150000", purchaseDate: "2024-05-01" });
    expect(await recordPurchase(db(), systemActor(organisation.id, "Test"), owner.id, purchase)).toMatchObject({ ok: true });
    await certify(cookie, owner.id, { certifiedOn: "2024-06-03", householdSize: "4", income: "69110" });
    expect(await lastCertification(owner.id)).toMatchObject({ eligible: false, incomeLimitTable: { areaCode: "METRO10740M10740" } });

    // the home's area has no table in effect on the date: a field error naming area and date, nothing stored,
    // although the default area (Addison) has one
    const early = await unwrap(await certify(cookie, owner.id, { certifiedOn: "2024-02-01", householdSize: "4", income: "50000" }));
    expect(early.status).toBe(400);
    const message = (early.body as Reply).error?.certifiedOn?.[0] ?? "";
    expect(message).toContain("No income-limit table for Albuquerque, NM MSA (METRO10740M10740) is in effect on 2024-02-01");
    expect(message).toContain("tables on file: FY2023 Addison County, VT (NCNTY50001N50001) from 2023-05-15; FY2024 Albuquerque, NM MSA (METRO10740M10740) from 2024-04-01");
    expect(await db().incomeCertification.count({ where: { householdId: owner.id } })).toBe(1);

    // another organisation's home cannot be chosen
    const other = await setup();
    const foreignParcel = await createParcel(db(), other.organisation.id);
    const foreign = await unwrap(await certify(cookie, newcomer.id, { certifiedOn: "2024-06-03", householdSize: "4", income: "60000", homeId: foreignParcel.homes[0]!.id }));
    expect(foreign.status).toBe(400);
    expect((foreign.body as Reply).error?.homeId).toEqual(["Choose one of the trust's homes"]);
  });

  it("with several areas and no default area set, asks for one instead of guessing", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    const household = await createHousehold(db(), organisation.id);
    const result = await unwrap(await certify(cookie, household.id, { certifiedOn: "2024-06-03", householdSize: "2", income: "40000" }));
    expect(result.status).toBe(400);
    expect((result.body as Reply).error?.certifiedOn?.[0]).toMatch(/No HUD area to measure this income against/);
    expect(await db().incomeCertification.count({ where: { householdId: household.id } })).toBe(0);
  });
});

describe("the eligibility contract (npm run clt -- eligibility)", () => {
  const doc = readFileSync(new URL("../../docs/eligibility-contract.md", import.meta.url), "utf8");
  const examples = [
    ...doc.matchAll(/<!-- example-request -->\s*```json\n([\s\S]*?)```\s*Response \(exit code (\d)\):\s*<!-- example-response -->\s*```json\n([\s\S]*?)```/g),
  ].map(([, request, exitCode, response]) => ({ request: request!, exitCode: Number(exitCode), response: response! }));

  it("every documented example gives the documented response against the organisation's stored tables", async () => {
    const { organisation } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const output = await eligibilityForOrganisation(db(), organisation.id, example.request);
      expect(output.exitCode).toBe(example.exitCode);
      expect(example.exitCode === 0 ? output.stdout : output.stderr).toBe(example.response);
    }
  });

  it("the command itself: --organisation, the verdict on stdout, exit 2 and a JSON error naming the area and date", async () => {
    const { organisation } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    const clt = (request: unknown, args: string[] = ["--organisation", organisation.slug]) =>
      spawnSync("npx", ["tsx", "scripts/clt.ts", "eligibility", ...args], { input: JSON.stringify(request), env: { ...process.env }, encoding: "utf8" });

    const ok = clt({ area: "Albuquerque, NM MSA", date: "2024-06-03", householdSize: 4, annualIncome: "69110.00", level: 80 });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      eligible: false,
      limit: "69100.00",
      limitSource: "published",
      percentOfAmi: "79.99",
      table: { area: "Albuquerque, NM MSA", areaCode: "METRO10740M10740", fiscalYear: 2024, effectiveFrom: "2024-04-01" },
    });

    const none = clt({ area: "METRO10740M10740", date: "2024-03-31", householdSize: 4, annualIncome: "50000", level: 80 });
    expect(none.status).toBe(2);
    expect(JSON.parse(none.stderr)).toMatchObject({ error: "no-table-in-effect", area: "METRO10740M10740", date: "2024-03-31" });

    const invalid = clt({ area: "Albuquerque, NM MSA", date: "2024-06-03", householdSize: 4, annualIncome: "69,110", level: 80 });
    expect(invalid.status).toBe(2);
    expect(JSON.parse(invalid.stderr).fields).toEqual([{ path: "annualIncome", message: expect.stringContaining("at most two decimals") }]);

    const unknown = clt({}, ["--organisation", "no-such-trust"]);
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: "unknown-organisation" });
  }, 120_000);
});

describe("parcels belong to a HUD area; the trust's default area; certification validity at purchase", () => {
  it("the parcel form and the CSV import take the area from the trust's areas; an unknown area is a field error", async () => {
    const { organisation, cookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    await setDefaultArea(db(), organisation.id, ADDISON_COUNTY_VT_FY2023.areaCode);

    const form = { parcelNumber: "AREA-1", streetAddress: "1 Central Avenue", status: "leased", landAreaUnit: "acres" };
    const unknown = await unwrap(await run(newParcelAction, postRequest("/parcels/new", { ...form, incomeLimitAreaCode: "NOWHERE" }, { cookie })));
    expect(unknown.status).toBe(400);
    expect((unknown.body as Reply).error?.incomeLimitAreaCode?.[0]).toMatch(/not one of the areas/);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(((await run(newParcelAction, postRequest("/parcels/new", { ...form, incomeLimitAreaCode: "METRO10740M10740" }, { cookie }))) as Response).status).toBe(302);
    expect(await db().parcel.findFirstOrThrow({ where: { organisationId: organisation.id, parcelNumber: "AREA-1" } })).toMatchObject({ incomeLimitAreaCode: "METRO10740M10740" });

    // CSV: hud_area by code or name; empty → the trust's default area; unknown → row and column named
    const header = "parcel_number,street_address,hud_area";
    const bad = [header, "C-1,1 A St,Albuquerque NM MSA"].join("\n");
    const preview = await unwrap(await run(importParcelsAction, postRequest("/parcels/import", { intent: "preview", csv: bad }, { cookie })));
    expect(JSON.stringify(preview.body)).toContain('\\"Albuquerque NM MSA\\" is not one of the trust\'s HUD areas');
    const good = [header, "C-1,1 A St,\"albuquerque, nm msa\"", "C-2,2 B St,NCNTY50001N50001", "C-3,3 C St,"].join("\n");
    expect(((await run(importParcelsAction, postRequest("/parcels/import", { intent: "commit", csv: good }, { cookie }))) as Response).status).toBe(302);
    const areas = await db().parcel.findMany({ where: { organisationId: organisation.id, parcelNumber: { startsWith: "C-" } }, orderBy: { parcelNumber: "asc" }, select: { incomeLimitAreaCode: true } });
    expect(areas.map((a) => a.incomeLimitAreaCode)).toEqual(["METRO10740M10740", "NCNTY50001N50001", "NCNTY50001N50001"]);
  });

  it("admins set the default area (one of the trust's areas) and the validity period; a stale certification is flagged on the purchase and in reports", async () => {
    const { organisation, cookie, adminCookie } = await setup();
    await createIncomeLimitTable(db(), organisation.id, ADDISON_COUNTY_VT_FY2023);
    await createIncomeLimitTable(db(), organisation.id, ALBUQUERQUE_NM_MSA_FY2024);
    const post = (form: Record<string, string>, who = adminCookie) => run(eligibilitySettingsAction, postRequest("/settings/eligibility", form, { cookie: who }));
    expect(((await post({ defaultAreaCode: "NCNTY50001N50001", certificationValidityMonths: "6" }, cookie)) as Response).status).toBe(403);
    const invalid = await unwrap(await post({ defaultAreaCode: "ELSEWHERE", certificationValidityMonths: "0" }));
    expect(invalid.status).toBe(400);
    expect((invalid.body as Reply).error?.certificationValidityMonths).toEqual(["At least 1 month"]);
    const unknownArea = await unwrap(await post({ defaultAreaCode: "ELSEWHERE", certificationValidityMonths: "6" }));
    expect((unknownArea.body as Reply).error?.defaultAreaCode).toEqual(["Choose one of the areas of the trust's income-limit tables"]);
    expect(((await post({ defaultAreaCode: "NCNTY50001N50001", certificationValidityMonths: "6" })) as Response).status).toBe(302);
    expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({ defaultIncomeLimitAreaCode: "NCNTY50001N50001", certificationValidityMonths: 6 });

    // certified 2023-09-15; bought 2024-03-16, more than 6 months later: flagged
    const parcel = await createParcel(db(), organisation.id, { streetAddress: "5 Seminary Street" });
    const household = await createHousehold(db(), organisation.id, { name: "Stale household" });
    await certify(cookie, household.id, { certifiedOn: "2023-09-15", householdSize: "2", income: "40000" });
    const purchase = PurchaseSchema.parse({ homeId: parcel.homes[0]!.id, purchasePrice: "150000", purchaseDate: "2024-03-16" });
    expect(await recordPurchase(db(), systemActor(organisation.id, "Test"), household.id, purchase)).toMatchObject({ ok: true });

    const page = await unwrap(await run(householdLoader, getRequest(`/households/${household.id}`, cookie), { householdId: household.id }));
    const ownership = (page.body as { household: { ownerships: { certification: { status: string; message: string } }[] } }).household.ownerships[0]!;
    expect(ownership.certification).toMatchObject({
      status: "stale",
      message: "Income certification of 2023-09-15 is older than 6 months at this purchase (valid until 2024-03-15)",
    });
    const report = await unwrap(await run(reportsLoader, getRequest("/reports", cookie)));
    expect((report.body as { report: { flaggedPurchases: unknown[] } }).report.flaggedPurchases).toEqual([
      { household: "Stale household", home: "5 Seminary Street", purchaseDate: "2024-03-16", message: ownership.certification.message },
    ]);
    // with 12 months it is current, and the report lists nothing
    await post({ defaultAreaCode: "NCNTY50001N50001", certificationValidityMonths: "12" });
    const after = await unwrap(await run(reportsLoader, getRequest("/reports", cookie)));
    expect((after.body as { report: { flaggedPurchases: unknown[] } }).report.flaggedPurchases).toEqual([]);
  });

  it("the demo: parcels and tables in the same area, a table in effect for every certification, one deliberately stale purchase", async () => {
    const { organisation } = await setup();
    await seedDemoPortfolio(db(), organisation.id);
    const tables = await db().incomeLimitTable.findMany({ where: { organisationId: organisation.id } });
    expect(tables.map((t) => [t.areaCode, t.fiscalYear, t.effectiveFrom])).toEqual([["NCNTY50001N50001", 2023, "2023-05-15"]]);
    const parcels = await db().parcel.findMany({ where: { organisationId: organisation.id }, select: { incomeLimitAreaCode: true, city: true } });
    expect(new Set(parcels.map((p) => p.incomeLimitAreaCode))).toEqual(new Set(["NCNTY50001N50001"]));
    expect(new Set(parcels.map((p) => p.city))).toEqual(new Set(["Middlebury", "Vergennes"]));
    const certifications = await db().incomeCertification.findMany({ where: { organisationId: organisation.id }, include: { incomeLimitTable: true } });
    for (const c of certifications) {
      expect(c.incomeLimitTable.effectiveFrom <= c.certifiedOn).toBe(true);
      expect(c.eligibilityVerdict).toMatch(/^[≤>] \$[\d,]+, HUD FY2023 80 % limit for \d persons?, Addison County, VT$/);
    }
    const report = await loadPortfolioReport(db(), organisation.id);
    // Álvarez's purchase is left on a certification older than 12 months on purpose (app/modules/demo/households.ts)
    expect(report.flaggedPurchases.map((p) => p.household)).toContain("Álvarez household");
  });
});
