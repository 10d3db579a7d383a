import { describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/households._index";
import { action as newAction } from "~/routes/households.new";
import { action as detailAction, loader as detailLoader } from "~/routes/households.$householdId._index";
import { action as editAction } from "~/routes/households.$householdId.edit";
import { action as certifyAction } from "~/routes/households.$householdId.certifications.new";
import { action as purchaseAction, loader as purchaseLoader } from "~/routes/households.$householdId.purchase";
import { action as importAction } from "~/routes/households.import";
import { loader as exportLoader } from "~/routes/households.export[.]csv";
import { db } from "~/utils/db.server";
import { createCertification, createHousehold, createIncomeLimitTable, seedDemoHouseholds } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, user, cookie: await sessionCookieFor(user.id, organisation.id) };
}

function certificationForm(fields: { certifiedOn: string; householdSize: string; targetLevel?: string; areaCode?: string }, items: [string, string, string][]) {
  const form: Record<string, string> = { targetLevel: "80", ...fields };
  items.forEach(([memberName, source, annualAmount], i) => {
    form[`incomeItems[${i}].memberName`] = memberName;
    form[`incomeItems[${i}].source`] = source;
    form[`incomeItems[${i}].annualAmount`] = annualAmount;
  });
  return form;
}

type Reply = { status?: string; error?: Record<string, string[] | null> };

async function createParcelWithHome(organisationId: string, streetAddress: string) {
  const parcelNumber = `APN-${Math.random().toString(36).slice(2, 8)}`;
  const parcel = await db().parcel.create({
    data: { organisationId, parcelNumber, parcelNumberKey: parcelNumber.toUpperCase(), streetAddress, city: "Winooski" },
  });
  const home = await db().home.create({ data: { organisationId, parcelId: parcel.id, bedrooms: 3 } });
  return { parcel, home };
}

describe("households", () => {
  it("staff add a household; it is audited and searchable by name and email", async () => {
    const { organisation, cookie } = await staffSession();
    const response = (await run(
      newAction,
      postRequest("/households/new", { name: "Núñez household", email: "Jose.Nunez@Example.net", firstTimeBuyer: "yes", ethnicity: "hispanic", race: "white" }, { cookie }),
    )) as Response;
    expect(response.status).toBe(302);
    const household = await db().household.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(response.headers.get("Location")).toBe(`/households/${household.id}`);
    expect(household).toMatchObject({ email: "jose.nunez@example.net", firstTimeBuyer: true, ethnicity: "hispanic", race: "white", searchText: "núñez household jose.nunez@example.net" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, entity: "Household", entityId: household.id } });
    expect(audit.action).toBe("create");
    const list = await unwrap(await run(listLoader, getRequest("/households?q=N%C3%9A%C3%91EZ", cookie)));
    expect((list.body as { households: { id: string }[] }).households.map((h) => h.id)).toEqual([household.id]);
  });

  it("members are added and removed on the household page; search follows member names", async () => {
    const { organisation, cookie } = await staffSession();
    const household = await createHousehold(db(), organisation.id, { name: "Mohammed household" });
    const path = `/households/${household.id}`;
    const added = (await run(detailAction, postRequest(path, { intent: "add-member", fullName: "Aisha Mohammed", relationship: "head", dateOfBirth: "1984-09-09" }, { cookie }), { householdId: household.id })) as Response;
    expect(added.status).toBe(302);
    const found = await unwrap(await run(listLoader, getRequest("/households?q=aisha", cookie)));
    expect((found.body as { households: { id: string; memberNames: string[] }[] }).households).toMatchObject([{ id: household.id, memberNames: ["Aisha Mohammed"] }]);

    const bad = await unwrap(await run(detailAction, postRequest(path, { intent: "add-member", fullName: "", dateOfBirth: "1984-02-30" }, { cookie }), { householdId: household.id }));
    expect(bad.status).toBe(400);
    const error = (bad.body as { reply: Reply }).reply.error!;
    expect(error.fullName?.[0]).toMatch(/full name/);
    expect(error.dateOfBirth?.[0]).toMatch(/does not exist/);

    const member = await db().householdMember.findFirstOrThrow({ where: { householdId: household.id } });
    const removed = (await run(detailAction, postRequest(path, { intent: "remove-member", memberId: member.id }, { cookie }), { householdId: household.id })) as Response;
    expect(removed.status).toBe(302);
    expect(await db().householdMember.count({ where: { householdId: household.id } })).toBe(0);
    const gone = await unwrap(await run(listLoader, getRequest("/households?q=aisha", cookie)));
    expect((gone.body as { total: number }).total).toBe(0);
    const history = await db().auditEntry.findMany({ where: { entity: "Household", entityId: household.id, action: "update" }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.changes)).toEqual([
      { before: { members: [] }, after: { members: ["Aisha Mohammed (head)"] } },
      { before: { members: ["Aisha Mohammed (head)"] }, after: { members: [] } },
    ]);
  });

  it("computes and stores % AMI and the verdict for household sizes 1, 4, 5 and 8", async () => {
    const { organisation, cookie } = await staffSession();
    const table = await createIncomeLimitTable(db(), organisation.id);
    const cases = [
      { size: 1, income: [["A", "wages", "41,200"]], percent: "59.37", limit: 69_400, eligible: true },
      { size: 4, income: [["A", "wages", "$60,000.00"], ["B", "self-employment", "16400"]], percent: "77.10", limit: 99_100, eligible: true },
      { size: 5, income: [["A", "wages", "90000"]], percent: "84.04", limit: 107_100, eligible: false },
      { size: 8, income: [["A", "wages", "100000.50"], ["B", "benefits", "1099.50"]], percent: "77.24", limit: 130_900, eligible: true },
    ] as const;
    for (const c of cases) {
      const household = await createHousehold(db(), organisation.id, { name: `Size ${c.size}` });
      const response = (await run(
        certifyAction,
        postRequest(`/households/${household.id}/certifications/new`, certificationForm({ certifiedOn: "2023-09-15", householdSize: String(c.size) }, c.income.map((i) => [...i])), { cookie }),
        { householdId: household.id },
      )) as Response;
      expect(response.status).toBe(302);
      const stored = await db().incomeCertification.findFirstOrThrow({ where: { householdId: household.id } });
      expect(stored).toMatchObject({
        householdSize: c.size,
        percentAmi: c.percent,
        hundredPercentLimit: c.limit,
        eligible: c.eligible,
        targetLevel: 80,
        derivationMethod: "multiple-of-50",
        incomeLimitTableId: table.id,
      });
      const page = await unwrap(await run(detailLoader, getRequest(`/households/${household.id}`, cookie), { householdId: household.id }));
      const view = (page.body as { household: { certifications: { percentAmi: string; eligible: boolean }[] } }).household;
      expect(view.certifications[0]).toMatchObject({ percentAmi: c.percent, eligible: c.eligible });
    }
    const eight = await db().incomeCertification.findFirstOrThrow({ where: { organisationId: organisation.id, householdSize: 8 } });
    expect(eight.totalIncomeCents).toBe(10_110_000n);
    const audits = await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "IncomeCertification", action: "create" } });
    expect(audits).toBe(4);
  });

  it("refuses a certification when no table of its area is in effect on its date, naming both, and saves nothing", async () => {
    const { organisation, cookie } = await staffSession();
    await createIncomeLimitTable(db(), organisation.id);
    const household = await createHousehold(db(), organisation.id);
    const result = await unwrap(
      await run(
        certifyAction,
        postRequest(`/households/${household.id}/certifications/new`, certificationForm({ certifiedOn: "2019-05-01", householdSize: "2" }, [["", "wages", "40000"]]), { cookie }),
        { householdId: household.id },
      ),
    );
    expect(result.status).toBe(400);
    expect((result.body as Reply).error?.certifiedOn).toEqual([
      "No income-limit table for Addison County, VT (NCNTY50001N50001) is in effect on 2019-05-01 (tables on file: " +
        "FY2023 Addison County, VT (NCNTY50001N50001) from 2023-05-15). An administrator can import HUD's table for " +
        "that area and year under Settings → Income limits.",
    ]);
    expect(await db().incomeCertification.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("bad certification input gives a 400 with field messages and changes nothing", async () => {
    const { organisation, cookie } = await staffSession();
    await createIncomeLimitTable(db(), organisation.id);
    const household = await createHousehold(db(), organisation.id);
    const before = { certifications: await db().incomeCertification.count(), audit: await db().auditEntry.count() };
    const result = await unwrap(
      await run(
        certifyAction,
        postRequest(
          `/households/${household.id}/certifications/new`,
          certificationForm({ certifiedOn: "2023-02-30", householdSize: "0" }, [["A", "wages", "-5000"], ["B", "", "100"], ["", "", ""]]),
          { cookie },
        ),
        { householdId: household.id },
      ),
    );
    expect(result.status).toBe(400);
    const error = (result.body as Reply).error!;
    expect(error.certifiedOn).toEqual(["This date does not exist"]);
    expect(error.householdSize).toEqual(["A household has at least 1 person"]);
    expect(error["incomeItems[0].annualAmount"]).toEqual(["Income cannot be negative"]);
    expect(error["incomeItems[1].source"]).toEqual(["Choose the source of this income"]);
    expect(error["incomeItems[2].source"]).toBeUndefined();
    expect({ certifications: await db().incomeCertification.count(), audit: await db().auditEntry.count() }).toEqual(before);

    const empty = await unwrap(
      await run(certifyAction, postRequest(`/households/${household.id}/certifications/new`, certificationForm({ certifiedOn: "2023-05-01", householdSize: "2" }, [["", "", ""]]), { cookie }), {
        householdId: household.id,
      }),
    );
    expect(empty.status).toBe(400);
    expect((empty.body as Reply).error?.incomeItems?.[0]).toMatch(/at least one income source/);
  });

  it("an edit over a stale version is refused (409) and overwrites nothing", async () => {
    const { organisation, cookie } = await staffSession();
    const household = await createHousehold(db(), organisation.id, { name: "Chen household", members: ["Mei-Ling Chen"] });
    const path = `/households/${household.id}/edit`;
    const first = (await run(editAction, postRequest(path, { name: "Chen–Park household", email: "mei@example.org", version: "1" }, { cookie }), { householdId: household.id })) as Response;
    expect(first.status).toBe(302);
    const stale = await unwrap(await run(editAction, postRequest(path, { name: "Overwritten", version: "1" }, { cookie }), { householdId: household.id }));
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("changed by someone else");
    const stored = await db().household.findUniqueOrThrow({ where: { id: household.id } });
    expect(stored).toMatchObject({ name: "Chen–Park household", version: 2, searchText: "chen–park household mei-ling chen mei@example.org" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "Household", entityId: household.id, action: "update" } });
    expect(audit.changes).toMatchObject({ before: { name: "Chen household", email: "" }, after: { name: "Chen–Park household", email: "mei@example.org" } });
  });

  it("another organisation's household is a 404, and a viewer cannot post (403)", async () => {
    const a = await staffSession();
    const b = await staffSession();
    const household = await createHousehold(db(), a.organisation.id, { name: "Private household" });
    const params = { householdId: household.id };
    expect(((await run(detailLoader, getRequest(`/households/${household.id}`, b.cookie), params)) as Response).status).toBe(404);
    expect(((await run(editAction, postRequest(`/households/${household.id}/edit`, { name: "Hijack", version: "1" }, { cookie: b.cookie }), params)) as Response).status).toBe(404);
    expect(((await run(detailAction, postRequest(`/households/${household.id}`, { intent: "add-member", fullName: "Intruder" }, { cookie: b.cookie }), params)) as Response).status).toBe(404);
    const list = await unwrap(await run(listLoader, getRequest("/households", b.cookie)));
    expect((list.body as { total: number }).total).toBe(0);

    const { user: viewer } = await createMember(db(), a.organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.id, a.organisation.id);
    expect(((await run(detailLoader, getRequest(`/households/${household.id}`, viewerCookie), params)) as Response).status).not.toBe(403);
    const posts = [
      await run(newAction, postRequest("/households/new", { name: "Nope" }, { cookie: viewerCookie })),
      await run(editAction, postRequest(`/households/${household.id}/edit`, { name: "Nope", version: "1" }, { cookie: viewerCookie }), params),
      await run(detailAction, postRequest(`/households/${household.id}`, { intent: "add-member", fullName: "Nope" }, { cookie: viewerCookie }), params),
      await run(certifyAction, postRequest(`/households/${household.id}/certifications/new`, {}, { cookie: viewerCookie }), params),
    ];
    for (const post of posts) expect((post as Response).status).toBe(403);
    expect(await db().household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({ name: "Private household", version: 1 });
    expect(await db().household.count({ where: { organisationId: a.organisation.id } })).toBe(1);
  });

  it("records a purchase; a home has at most one current owner; a sale closes the ownership", async () => {
    const { organisation, cookie } = await staffSession();
    const { parcel, home } = await createParcelWithHome(organisation.id, "12 Mill Street");
    const first = await createHousehold(db(), organisation.id, { name: "First owners" });
    const second = await createHousehold(db(), organisation.id, { name: "Second owners" });
    const purchase = (householdId: string, form: Record<string, string>) =>
      run(purchaseAction, postRequest(`/households/${householdId}/purchase`, form, { cookie }), { householdId });

    const options = await unwrap(await run(purchaseLoader, getRequest(`/households/${first.id}/purchase`, cookie), { householdId: first.id }));
    expect((options.body as { homes: { id: string; label: string }[] }).homes).toEqual([{ id: home.id, label: expect.stringContaining("12 Mill Street") }]);

    const bad = await unwrap(await purchase(first.id, { homeId: home.id, purchasePrice: "-1", purchaseDate: "2024-13-01", mortgageRate: "six", mortgageAmount: "300,000" }));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as Reply).error!).sort()).toEqual(["mortgageRate", "purchaseDate", "purchasePrice"]);

    const ok = (await purchase(first.id, {
      homeId: home.id, purchasePrice: "185,000", purchaseDate: "2024-03-15", mortgageLender: "VHFA", mortgageAmount: "175,750.00",
      mortgageRate: "6.125", mortgageTermYears: "30", mortgageType: "fixed",
    })) as Response;
    expect(ok.status).toBe(302);
    const ownership = await db().ownership.findFirstOrThrow({ where: { homeId: home.id } });
    expect(ownership).toMatchObject({ householdId: first.id, purchasePriceCents: 18_500_000n, mortgageAmountCents: 17_575_000n, mortgageRate: "6.125", mortgageTermYears: 30, mortgageType: "fixed", saleDate: null });

    const refused = await unwrap(await purchase(second.id, { homeId: home.id, purchasePrice: "190000", purchaseDate: "2024-05-01" }));
    expect(refused.status).toBe(400);
    expect((refused.body as Reply).error?.homeId?.[0]).toMatch(/already has a current owner/);

    const archive = await unwrap(await run(detailAction, postRequest(`/households/${first.id}`, { intent: "archive", version: "1" }, { cookie }), { householdId: first.id }));
    expect(archive.status).toBe(400);
    expect(JSON.stringify(archive.body)).toContain("record the sale before archiving");

    const early = await unwrap(await run(detailAction, postRequest(`/households/${first.id}`, { intent: "record-sale", ownershipId: ownership.id, saleDate: "2024-01-01", salePrice: "200000", version: "1" }, { cookie }), { householdId: first.id }));
    expect(early.status).toBe(400);
    const sold = (await run(detailAction, postRequest(`/households/${first.id}`, { intent: "record-sale", ownershipId: ownership.id, saleDate: "2031-06-30", salePrice: "212,400", version: "1" }, { cookie }), { householdId: first.id })) as Response;
    expect(sold.status).toBe(302);
    expect(await db().ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ saleDate: "2031-06-30", salePriceCents: 21_240_000n, version: 2 });

    const tooEarly = await unwrap(await purchase(second.id, { homeId: home.id, purchasePrice: "212400", purchaseDate: "2031-06-01" }));
    expect((tooEarly.body as Reply).error?.purchaseDate?.[0]).toMatch(/previous owner sold on 2031-06-30/);
    expect(((await purchase(second.id, { homeId: home.id, purchasePrice: "212400", purchaseDate: "2031-06-30" })) as Response).status).toBe(302);
    expect(await db().ownership.count({ where: { homeId: home.id, saleDate: null } })).toBe(1);
    // parcel search follows the current owner
    const searchText = (await db().parcel.findUniqueOrThrow({ where: { id: parcel.id } })).searchText;
    expect(searchText).toContain("second owners");
    expect(searchText).not.toContain("first owners");

    const page = await unwrap(await run(detailLoader, getRequest(`/households/${first.id}`, cookie), { householdId: first.id }));
    const body = page.body as { household: { ownerships: { saleDate: string | null }[] }; history: { entity: string; action: string }[] };
    expect(body.household.ownerships).toMatchObject([{ saleDate: "2031-06-30" }]);
    expect(body.history.map((h) => `${h.entity}:${h.action}`)).toEqual(expect.arrayContaining(["Household:create", "Ownership:create", "Ownership:update"]));

    const list = await unwrap(await run(listLoader, getRequest("/households", cookie)));
    const rows = (list.body as { households: { name: string; home: { label: string } | null }[] }).households;
    expect(rows.find((r) => r.name === "Second owners")?.home?.label).toContain("12 Mill Street");
    expect(rows.find((r) => r.name === "First owners")?.home).toBeNull();

    const archived = (await run(detailAction, postRequest(`/households/${first.id}`, { intent: "archive", version: "1" }, { cookie }), { householdId: first.id })) as Response;
    expect(archived.status).toBe(302);
    const after = await unwrap(await run(listLoader, getRequest("/households", cookie)));
    expect((after.body as { households: { name: string }[] }).households.map((h) => h.name)).toEqual(["Second owners"]);
    expect(await db().household.count({ where: { id: first.id } })).toBe(1);
  });

  it("the list paginates 50 a page and sorts by name or by last update", async () => {
    const { organisation, cookie } = await staffSession();
    for (let i = 1; i <= 52; i++) await createHousehold(db(), organisation.id, { name: `Household ${String(i).padStart(2, "0")}` });
    const page1 = (await unwrap(await run(listLoader, getRequest("/households", cookie)))).body as { households: { name: string }[]; pageCount: number; total: number };
    expect(page1).toMatchObject({ total: 52, pageCount: 2 });
    expect(page1.households).toHaveLength(50);
    expect(page1.households[0]!.name).toBe("Household 01");
    const page2 = (await unwrap(await run(listLoader, getRequest("/households?page=2", cookie)))).body as { households: { name: string }[] };
    expect(page2.households.map((h) => h.name)).toEqual(["Household 51", "Household 52"]);
    const target = await db().household.findFirstOrThrow({ where: { organisationId: organisation.id, name: "Household 07" } });
    await run(editAction, postRequest(`/households/${target.id}/edit`, { name: "Household 07", phone: "802-555-0100", version: "1" }, { cookie }), { householdId: target.id });
    const recent = (await unwrap(await run(listLoader, getRequest("/households?sort=updated", cookie)))).body as { households: { name: string }[] };
    expect(recent.households[0]!.name).toBe("Household 07");
  });

  it("CSV import: the dry run lists every bad row with its column; the import is all-or-nothing", async () => {
    const { organisation, cookie } = await staffSession();
    const header = "household_name,email,phone,mailing_address,first_time_buyer,ethnicity,race,member_names";
    const good = `"Núñez household",jose@example.net,802-555-0141,"44 Canal St, Winooski",yes,hispanic,White,José Núñez; María Núñez`;
    const badRows = [`,nobody@example.net,,,,,,`, `Ščerba,not-an-email,,,maybe,martian,,Łukasz Ščerba`];
    const csv = [header, good, ...badRows].join("\r\n");
    const dryRun = await unwrap(await run(importAction, postRequest("/households/import", { intent: "dry-run", csv }, { cookie })));
    expect(dryRun.status).toBe(400);
    const errors = (dryRun.body as { errors: { row: number; column: string }[] }).errors;
    expect(errors.map((e) => `${e.row}:${e.column}`).sort()).toEqual(["3:household_name", "4:email", "4:ethnicity", "4:first_time_buyer"]);

    const commit = await unwrap(await run(importAction, postRequest("/households/import", { intent: "commit", csv }, { cookie })));
    expect(commit.status).toBe(400);
    expect(await db().household.count({ where: { organisationId: organisation.id } })).toBe(0);

    const fixed = [header, good, `Ščerba,lukasz@example.org,,,no,not-hispanic,white,Łukasz Ščerba`].join("\n");
    const clean = await unwrap(await run(importAction, postRequest("/households/import", { intent: "dry-run", csv: fixed }, { cookie })));
    expect(clean.status).toBe(200);
    expect((clean.body as { rowCount: number }).rowCount).toBe(2);
    expect(await db().household.count({ where: { organisationId: organisation.id } })).toBe(0);
    const done = (await run(importAction, postRequest("/households/import", { intent: "commit", csv: fixed }, { cookie }))) as Response;
    expect(done.status).toBe(302);
    const imported = await db().household.findFirstOrThrow({ where: { organisationId: organisation.id, name: "Núñez household" }, include: { members: true } });
    expect(imported).toMatchObject({ firstTimeBuyer: true, ethnicity: "hispanic", race: "white", mailingAddress: "44 Canal St, Winooski" });
    expect(imported.members.map((m) => m.fullName).sort()).toEqual(["José Núñez", "María Núñez"]);
    expect(imported.searchText).toContain("maría núñez");
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "Household", action: "create" } })).toBe(2);
  });

  it("exports the filtered list as CSV with a download filename", async () => {
    const { organisation, cookie } = await staffSession();
    await createIncomeLimitTable(db(), organisation.id);
    const nunez = await createHousehold(db(), organisation.id, { name: "Núñez household", members: ["José Núñez"] });
    await createCertification(db(), organisation.id, nunez.id, { householdSize: 1, income: [["José Núñez", "wages", "41200"]] });
    await createHousehold(db(), organisation.id, { name: "=HYPERLINK(\"x\")", members: ["Mallory"] });
    const response = (await run(exportLoader, getRequest("/households/export.csv?q=n%C3%BA%C3%B1ez", cookie))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Test Land Trust .* households \d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Núñez household");
    expect(lines[1]).toContain("59.37");
    const all = await (((await run(exportLoader, getRequest("/households/export.csv", cookie))) as Response).text());
    expect(all).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("seeds the demo households with members and certifications against the seeded tables", async () => {
    const { organisation, cookie } = await staffSession();
    const households = await seedDemoHouseholds(db(), organisation.id);
    expect(households.length).toBeGreaterThanOrEqual(15);
    // the demo trust's homes are in Addison County, VT: only that area's table, and it is the default area
    expect(await db().incomeLimitTable.findMany({ where: { organisationId: organisation.id }, select: { areaCode: true } })).toEqual([{ areaCode: "NCNTY50001N50001" }]);
    const certifications = await db().incomeCertification.findMany({ where: { organisationId: organisation.id } });
    // all but one household are certified; three are recertified before their purchase (12-month validity)
    expect(certifications.length).toBe(households.length - 1 + 3);
    expect(certifications.some((c) => !c.eligible)).toBe(true);
    expect(new Set(certifications.map((c) => c.householdSize))).toEqual(new Set([1, 2, 3, 4, 5, 6, 8]));
    const search = await unwrap(await run(listLoader, getRequest("/households?q=%C5%81ukasz", cookie)));
    expect((search.body as { households: { name: string }[] }).households.map((h) => h.name)).toEqual(["Łukasz Ščerba"]);
  });
});
