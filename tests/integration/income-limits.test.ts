import { describe, expect, it } from "vitest";
import { exampleHudCsv } from "~/modules/income-limits/hud-import";
import { ALBUQUERQUE_NM_MSA_FY2024, ADDISON_COUNTY_VT_FY2023 } from "~/modules/income-limits/seed-tables";
import { action as certifyAction } from "~/routes/households.$householdId.certifications.new";
import { loader as listLoader } from "~/routes/settings.income-limits._index";
import { action as importAction } from "~/routes/settings.income-limits.import";
import { action as tableAction, loader as tableLoader } from "~/routes/settings.income-limits.$tableId";
import { db } from "~/utils/db.server";
import { createHousehold, createIncomeLimitTable } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function adminSession() {
  const { organisation, user } = await createOrganisation(db());
  return { organisation, user, cookie: await sessionCookieFor(user.id, organisation.id) };
}

type TableView = {
  table: { version: number; method: string; median: number };
  view: { published: { level: number; byHouseholdSize: number[] }[]; derived: { level: number; byHouseholdSize: string[]; method: string; methodLabel: string }[] };
};

async function view(tableId: string, cookie: string): Promise<TableView> {
  return (await unwrap(await run(tableLoader, getRequest(`/settings/income-limits/${tableId}`, cookie), { tableId }))).body as TableView;
}

describe("income-limit tables", () => {
  it("HUD CSV import: the dry run shows every error with row and column and writes nothing; the commit is all-or-nothing", async () => {
    const { organisation, cookie } = await adminSession();
    const good = exampleHudCsv().trim().split("\r\n");
    const header = good[0]!.split(",");
    const badRow = good[1]!.replace("Addison County, VT", "Elsewhere County, VT").replace("NCNTY50001N50001", "NCNTY50999N50999").split(",");
    // the 50 % limit for 3 persons below the 2-person limit (a decrease), and a non-number for ELI_1
    const l50_3 = header.indexOf("l50_3") + 1; // +1: the quoted area name holds a comma
    const eli1 = header.indexOf("ELI_1") + 1;
    badRow[l50_3] = "100";
    badRow[eli1] = "n/a";
    const text = [good[0], good[1], badRow.join(",")].join("\r\n");

    const dryRun = await unwrap(await run(importAction, postRequest("/settings/income-limits/import", { intent: "dry-run", text }, { cookie })));
    expect(dryRun.status).toBe(400);
    const errors = (dryRun.body as { errors: { row: number; column: string; message: string }[] }).errors;
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: "ELI_1" })]));
    expect(errors.every((e) => e.row === 3)).toBe(true);
    expect(await db().incomeLimitTable.count({ where: { organisationId: organisation.id } })).toBe(0);

    const commit = await unwrap(await run(importAction, postRequest("/settings/income-limits/import", { intent: "commit", text }, { cookie })));
    expect(commit.status).toBe(400);
    expect(await db().incomeLimitTable.count({ where: { organisationId: organisation.id } })).toBe(0);

    const fixedText = [good[0], good[1]].join("\r\n");
    const clean = await unwrap(await run(importAction, postRequest("/settings/income-limits/import", { intent: "dry-run", text: fixedText }, { cookie })));
    expect(clean.status).toBe(200);
    expect((clean.body as { tables: { action: string }[] }).tables).toEqual([expect.objectContaining({ fiscalYear: 2023, action: "create" })]);
    const done = (await run(importAction, postRequest("/settings/income-limits/import", { intent: "commit", text: fixedText, source: "HUD FY2023 file" }, { cookie }))) as Response;
    expect(done.status).toBe(302);
    const stored = await db().incomeLimitTable.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(stored).toMatchObject({ fiscalYear: 2023, areaCode: "NCNTY50001N50001", medianFamilyIncome: 108_100, source: "HUD FY2023 file", effectiveFrom: "2023-05-15" });
    expect(stored.limits).toEqual({ "30": [...ADDISON_COUNTY_VT_FY2023.limits[0]!.byHouseholdSize], "50": [...ADDISON_COUNTY_VT_FY2023.limits[1]!.byHouseholdSize], "80": [...ADDISON_COUNTY_VT_FY2023.limits[2]!.byHouseholdSize] });
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "IncomeLimitTable", action: "create" } })).toBe(1);

    // importing the same year and area again replaces the table in place
    const again = await unwrap(await run(importAction, postRequest("/settings/income-limits/import", { intent: "dry-run", text: fixedText }, { cookie })));
    expect((again.body as { tables: { action: string }[] }).tables[0]!.action).toBe("replace");
  });

  it("JSON import of several tables; the list shows them by area, newest first, with their effective dates", async () => {
    const { organisation, cookie } = await adminSession();
    const text = JSON.stringify([ALBUQUERQUE_NM_MSA_FY2024, ADDISON_COUNTY_VT_FY2023]);
    const done = (await run(importAction, postRequest("/settings/income-limits/import", { intent: "commit", text }, { cookie }))) as Response;
    expect(done.status).toBe(302);
    const list = await unwrap(await run(listLoader, getRequest("/settings/income-limits", cookie)));
    const tables = (list.body as { tables: { fiscalYear: number; areaName: string; effectiveFrom: string }[] }).tables;
    expect(tables.map((t) => `${t.fiscalYear} ${t.areaName} ${t.effectiveFrom}`)).toEqual(["2023 Addison County, VT 2023-05-15", "2024 Albuquerque, NM MSA 2024-04-01"]);
    expect(await db().incomeLimitTable.count({ where: { organisationId: organisation.id } })).toBe(2);
  });

  it("the admin view shows published rows and derived 60/100/120 % by the chosen method; changing the method is versioned and audited", async () => {
    const { organisation, cookie } = await adminSession();
    const table = await createIncomeLimitTable(db(), organisation.id);
    const before = await view(table.id, cookie);
    expect(before.view.published.map((r) => r.level)).toEqual([30, 50, 80]);
    expect(before.view.published[1]!.byHouseholdSize).toEqual([34_700, 39_650, 44_600, 49_550, 53_550, 57_500, 61_450, 65_450]);
    expect(before.view.derived.map((r) => [r.level, r.method])).toEqual([[60, "multiple-of-50"], [100, "multiple-of-50"], [120, "multiple-of-50"]]);
    expect(before.view.derived[1]!.byHouseholdSize).toEqual(["69400.00", "79300.00", "89200.00", "99100.00", "107100.00", "115000.00", "122900.00", "130900.00"]);
    expect(before.view.derived[0]!.byHouseholdSize[0]).toBe("41640.00");

    const changed = (await run(tableAction, postRequest(`/settings/income-limits/${table.id}`, { intent: "method", derivationMethod: "median-times-size", version: "1" }, { cookie }), { tableId: table.id })) as Response;
    expect(changed.status).toBe(302);
    const after = await view(table.id, cookie);
    expect(after.table).toMatchObject({ method: "median-times-size", version: 2 });
    expect(after.view.derived[1]!.byHouseholdSize).toEqual(["75700.00", "86500.00", "97300.00", "108100.00", "116750.00", "125400.00", "134050.00", "142700.00"]);
    expect(after.view.derived[2]!.byHouseholdSize[0]).toBe("90850.00");
    expect(after.view.derived[0]!.methodLabel).toMatch(/Median × level × household-size factor/);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "IncomeLimitTable", entityId: table.id, action: "update" } });
    expect(audit.changes).toEqual({ before: { derivationMethod: "multiple-of-50" }, after: { derivationMethod: "median-times-size" } });

    const stale = await unwrap(await run(tableAction, postRequest(`/settings/income-limits/${table.id}`, { intent: "method", derivationMethod: "multiple-of-50", version: "1" }, { cookie }), { tableId: table.id }));
    expect(stale.status).toBe(409);
    expect((await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } })).derivationMethod).toBe("median-times-size");

    // a certification made now records the table's method and the 100 % limit it produced (the % AMI, a
    // reporting figure); eligibility at 80 % is decided by HUD's published 1-person limit, $55,550, not by it
    const household = await createHousehold(db(), organisation.id);
    const staff = await createMember(db(), organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.user.id, organisation.id);
    const certified = (await run(
      certifyAction,
      postRequest(`/households/${household.id}/certifications/new`, { certifiedOn: "2023-06-01", householdSize: "1", targetLevel: "80", "incomeItems[0].source": "wages", "incomeItems[0].annualAmount": "60550" }, { cookie: staffCookie }),
      { householdId: household.id },
    )) as Response;
    expect(certified.status).toBe(302);
    expect(await db().incomeCertification.findFirstOrThrow({ where: { householdId: household.id } })).toMatchObject({
      derivationMethod: "median-times-size",
      hundredPercentLimit: 75_700,
      percentAmi: "79.99",
      eligible: false,
      targetLimitCents: 5_555_000n,
      targetLimitSource: "published",
    });
  });

  it("corrects a published figure (versioned, audited) and refuses one that breaks the table", async () => {
    const { organisation, cookie } = await adminSession();
    const table = await createIncomeLimitTable(db(), organisation.id);
    const path = `/settings/income-limits/${table.id}`;
    const post = (form: Record<string, string>) => run(tableAction, postRequest(path, form, { cookie }), { tableId: table.id });

    const inconsistent = await unwrap(await post({ intent: "correct", cell: "50:4", value: "30,000", version: "1" }));
    expect(inconsistent.status).toBe(400);
    expect(JSON.stringify((inconsistent.body as { reply: unknown }).reply)).toMatch(/lower than for 3|limits must increase/);
    const notANumber = await unwrap(await post({ intent: "correct", cell: "50:4", value: "49.5k", version: "1" }));
    expect(notANumber.status).toBe(400);
    expect((await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } })).version).toBe(1);

    const ok = (await post({ intent: "correct", cell: "50:4", value: "49,600", version: "1" })) as Response;
    expect(ok.status).toBe(302);
    const stored = await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } });
    expect(stored.version).toBe(2);
    expect((stored.limits as Record<string, number[]>)["50"]![3]).toBe(49_600);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "IncomeLimitTable", entityId: table.id, action: "update" } });
    expect(JSON.stringify(audit.changes)).toContain("49600");

    const stale = await unwrap(await post({ intent: "correct", cell: "median", value: "110000", version: "1" }));
    expect(stale.status).toBe(409);
    expect((await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } })).medianFamilyIncome).toBe(108_100);
  });

  it("viewers may look but not change; staff may not import; another organisation's table is a 404", async () => {
    const a = await adminSession();
    const b = await adminSession();
    const table = await createIncomeLimitTable(db(), a.organisation.id);
    const { user: viewer } = await createMember(db(), a.organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.id, a.organisation.id);
    const { user: staff } = await createMember(db(), a.organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.id, a.organisation.id);

    expect((await view(table.id, viewerCookie)).view.published).toHaveLength(3);
    const viewerPost = (await run(tableAction, postRequest(`/settings/income-limits/${table.id}`, { intent: "correct", cell: "median", value: "1", version: "1" }, { cookie: viewerCookie }), { tableId: table.id })) as Response;
    expect(viewerPost.status).toBe(403);
    const staffImport = (await run(importAction, postRequest("/settings/income-limits/import", { intent: "commit", text: exampleHudCsv() }, { cookie: staffCookie }))) as Response;
    expect(staffImport.status).toBe(403);

    expect(((await run(tableLoader, getRequest(`/settings/income-limits/${table.id}`, b.cookie), { tableId: table.id })) as Response).status).toBe(404);
    const foreign = (await run(tableAction, postRequest(`/settings/income-limits/${table.id}`, { intent: "method", derivationMethod: "median-times-size", version: "1" }, { cookie: b.cookie }), { tableId: table.id })) as Response;
    expect(foreign.status).toBe(404);
    expect(await db().incomeLimitTable.findUniqueOrThrow({ where: { id: table.id } })).toMatchObject({ version: 1, derivationMethod: "multiple-of-50", medianFamilyIncome: 108_100 });
  });
});
