import { describe, expect, it } from "vitest";
import { action as newParcelAction } from "~/routes/parcels.new";
import { loader as listLoader } from "~/routes/parcels._index";
import { action as detailAction, loader as detailLoader } from "~/routes/parcels.$parcelId._index";
import { action as editAction } from "~/routes/parcels.$parcelId.edit";
import { action as importAction } from "~/routes/parcels.import";
import { loader as exportLoader } from "~/routes/parcels.export[.]csv";
import { db } from "~/utils/db.server";
import { parseCsv } from "~/utils/csv";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

const VALID_PARCEL = {
  parcelNumber: "012-345-678",
  streetAddress: "18 Weaver Street",
  city: "Winooski",
  state: "VT",
  postalCode: "05404",
  legalDescription: "Lot 18 as shown on the plan recorded in Map Book 4, Page 12.\nSubject to easements of record.",
  landArea: "0.21",
  landAreaUnit: "acres",
  acquisitionDate: "2019-04-01",
  acquisitionPriceCents: "$72,500.00",
  acquisitionMethod: "purchase",
  status: "leased",
  "home.homeType": "townhouse",
  "home.bedrooms": "3",
  "home.bathrooms": "1.5",
  "home.floorAreaSqft": "1200",
  "funding.funder": "City of Winooski",
  "funding.program": "HOME",
  "funding.amountCents": "40000",
  "funding.receivedOn": "2019-04-01",
};

describe("registering a parcel", () => {
  it("saves the parcel with its home and funding source, exactly, and audits each", async () => {
    const { organisation, cookie } = await staffSession();
    const response = (await run(newParcelAction, postRequest("/parcels/new", VALID_PARCEL, { cookie }))) as Response;
    expect(response.status).toBe(302);
    const parcel = await db().parcel.findFirstOrThrow({
      where: { organisationId: organisation.id, parcelNumber: "012-345-678" },
      include: { homes: true, fundingSources: true },
    });
    expect(response.headers.get("Location")).toBe(`/parcels/${parcel.id}`);
    expect(parcel.acquisitionPriceCents).toBe(7_250_000n);
    expect(parcel.legalDescription).toBe(VALID_PARCEL.legalDescription);
    expect(parcel.landArea).toBe("0.21");
    expect(parcel.homes).toHaveLength(1);
    expect(parcel.homes[0]).toMatchObject({ homeType: "townhouse", bedrooms: 3, bathrooms: "1.5", floorAreaSqft: 1200 });
    expect(parcel.fundingSources[0]).toMatchObject({ funder: "City of Winooski", program: "HOME", amountCents: 4_000_000n });
    const audit = await db().auditEntry.findMany({ where: { organisationId: organisation.id }, select: { entity: true, action: true } });
    expect(audit).toEqual(expect.arrayContaining([
      { entity: "Parcel", action: "create" },
      { entity: "Home", action: "create" },
      { entity: "FundingSource", action: "create" },
    ]));
  });

  it("a blank home and funding section registers a parcel alone", async () => {
    const { organisation, cookie } = await staffSession();
    const response = (await run(newParcelAction, postRequest("/parcels/new", { parcelNumber: "X-1", streetAddress: "1 Vacant Lot Road", "home.homeType": "", "funding.funder": "" }, { cookie }))) as Response;
    expect(response.status).toBe(302);
    const parcel = await db().parcel.findFirstOrThrow({ where: { organisationId: organisation.id }, include: { homes: true } });
    expect(parcel.homes).toHaveLength(0);
  });

  it("refuses a duplicate APN, negative prices and areas and impossible dates, with a message on each field, saving nothing", async () => {
    const { organisation, cookie } = await staffSession();
    await createParcel(db(), organisation.id, { parcelNumber: "012-345-678" });
    const before = await db().parcel.count({ where: { organisationId: organisation.id } });
    const duplicate = await unwrap(await run(newParcelAction, postRequest("/parcels/new", VALID_PARCEL, { cookie })));
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as { error: Record<string, string[]> }).error.parcelNumber![0]).toMatch(/already registered/);
    const bad = await unwrap(
      await run(
        newParcelAction,
        postRequest("/parcels/new", { ...VALID_PARCEL, parcelNumber: "NEW-1", acquisitionPriceCents: "-5", landArea: "-1", acquisitionDate: "2023-02-30", "home.bedrooms": "-2" }, { cookie }),
      ),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.body as { error: Record<string, string[]> }).error;
    expect(errors.acquisitionPriceCents![0]).toBe("The amount cannot be negative");
    expect(errors.landArea![0]).toMatch(/as a number/);
    expect(errors.acquisitionDate![0]).toBe("This date does not exist on the calendar");
    expect(errors["home.bedrooms"]![0]).toMatch(/cannot be negative/);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(before);
    expect(await db().home.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("a viewer cannot register a parcel", async () => {
    const { organisation } = await createOrganisation(db());
    const { user } = await createMember(db(), organisation.id, "viewer");
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const response = (await run(newParcelAction, postRequest("/parcels/new", VALID_PARCEL, { cookie }))) as Response;
    expect(response.status).toBe(403);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe("finding parcels", () => {
  it("searches by APN, address and homeowner name, filters by status and program, paginates", async () => {
    const { organisation, cookie } = await staffSession();
    const elm = await createParcel(db(), organisation.id, { parcelNumber: "W-1", streetAddress: "22 Elm Street", status: "leased" });
    await createParcel(db(), organisation.id, { parcelNumber: "W-2", streetAddress: "5 Oak Avenue", status: "vacant", funding: { funder: "Bank", program: "private", amountCents: 100 } });
    const household = await db().household.create({ data: { organisationId: organisation.id, name: "Núñez household" } });
    await db().ownership.create({ data: { organisationId: organisation.id, homeId: elm.homes[0]!.id, householdId: household.id, purchasePriceCents: 15_000_000, purchaseDate: "2020-01-10" } });
    const { refreshParcelSearchText } = await import("~/modules/parcels/parcels.server");
    await refreshParcelSearchText(db(), elm.id);

    const list = async (query: string) => {
      const result = await unwrap(await run(listLoader, getRequest(`/parcels${query}`, cookie)));
      return (result.body as { parcels: { parcelNumber: string; homeowners: { name: string }[] }[]; total: number }) ;
    };
    expect((await list("?q=elm")).parcels.map((p) => p.parcelNumber)).toEqual(["W-1"]);
    expect((await list("?q=w-2")).parcels.map((p) => p.parcelNumber)).toEqual(["W-2"]);
    const byOwner = await list("?q=N%C3%BA%C3%B1ez");
    expect(byOwner.parcels.map((p) => p.parcelNumber)).toEqual(["W-1"]);
    expect(byOwner.parcels[0]!.homeowners[0]!.name).toBe("Núñez household");
    expect((await list("?status=vacant")).parcels.map((p) => p.parcelNumber)).toEqual(["W-2"]);
    expect((await list("?program=private")).parcels.map((p) => p.parcelNumber)).toEqual(["W-2"]);
    expect((await list("?sort=streetAddress&dir=desc")).parcels.map((p) => p.parcelNumber)).toEqual(["W-2", "W-1"]);
    for (let i = 0; i < 26; i++) await createParcel(db(), organisation.id, { home: null, funding: null });
    const page2 = await unwrap(await run(listLoader, getRequest("/parcels?page=2", cookie)));
    const body = page2.body as { parcels: unknown[]; total: number; pageCount: number };
    expect(body.total).toBe(28);
    expect(body.pageCount).toBe(2);
    expect(body.parcels).toHaveLength(3);
  });

  it("another organisation's parcel is a 404", async () => {
    const a = await staffSession();
    const b = await staffSession();
    const parcel = await createParcel(db(), a.organisation.id);
    const response = (await run(detailLoader, getRequest(`/parcels/${parcel.id}`, b.cookie), { parcelId: parcel.id })) as Response;
    expect(response.status).toBe(404);
    const list = await unwrap(await run(listLoader, getRequest("/parcels", b.cookie)));
    expect((list.body as { total: number }).total).toBe(0);
  });
});

describe("editing parcels", () => {
  it("saves an edit, refuses a stale one, and archives without deleting", async () => {
    const { organisation, cookie } = await staffSession();
    const parcel = await createParcel(db(), organisation.id, { parcelNumber: "E-1" });
    const form = { parcelNumber: "E-1", streetAddress: "22 Elm Street (corner lot)", status: "leased", landAreaUnit: "acres", version: "1" };
    const saved = (await run(editAction, postRequest(`/parcels/${parcel.id}/edit`, form, { cookie }), { parcelId: parcel.id })) as Response;
    expect(saved.status).toBe(302);
    const stale = await unwrap(await run(editAction, postRequest(`/parcels/${parcel.id}/edit`, { ...form, streetAddress: "Overwritten" }, { cookie }), { parcelId: parcel.id }));
    expect(stale.status).toBe(409);
    const stored = await db().parcel.findUniqueOrThrow({ where: { id: parcel.id } });
    expect(stored.streetAddress).toBe("22 Elm Street (corner lot)");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entityId: parcel.id, action: "update" } });
    expect(audit.changes).toMatchObject({ before: { streetAddress: "14 Elm Street" }, after: { streetAddress: "22 Elm Street (corner lot)" } });

    const archived = (await run(detailAction, postRequest(`/parcels/${parcel.id}`, { intent: "archive", version: "2" }, { cookie }), { parcelId: parcel.id })) as Response;
    expect(archived.status).toBe(302);
    expect((await db().parcel.findUniqueOrThrow({ where: { id: parcel.id } })).archivedAt).not.toBeNull();
    const list = await unwrap(await run(listLoader, getRequest("/parcels", cookie)));
    expect((list.body as { total: number }).total).toBe(0);
    const withArchived = await unwrap(await run(listLoader, getRequest("/parcels?archived=include", cookie)));
    expect((withArchived.body as { total: number }).total).toBe(1);
  });

  it("adds a home and a funding source from the detail page, with field errors for bad input", async () => {
    const { organisation, cookie } = await staffSession();
    const parcel = await createParcel(db(), organisation.id, { home: null, funding: null });
    const bad = await unwrap(await run(detailAction, postRequest(`/parcels/${parcel.id}`, { intent: "add-home", homeType: "townhouse", bedrooms: "two", bathrooms: "1" }, { cookie }), { parcelId: parcel.id }));
    expect(bad.status).toBe(400);
    expect(await db().home.count({ where: { parcelId: parcel.id } })).toBe(0);
    const ok = (await run(detailAction, postRequest(`/parcels/${parcel.id}`, { intent: "add-home", homeType: "townhouse", bedrooms: "2", bathrooms: "1", label: "Unit B" }, { cookie }), { parcelId: parcel.id })) as Response;
    expect(ok.status).toBe(302);
    const funding = (await run(
      detailAction,
      postRequest(`/parcels/${parcel.id}`, { intent: "add-funding", funder: "VHCB", program: "state", amountCents: "125,000.50", receivedOn: "2020-01-01", restrictionEndDate: "2019-01-01" }, { cookie }),
      { parcelId: parcel.id },
    ));
    expect((await unwrap(funding)).status).toBe(400);
    const added = await unwrap(await run(detailAction, postRequest(`/parcels/${parcel.id}`, { intent: "add-funding", funder: "VHCB", program: "state", amountCents: "125,000.50" }, { cookie }), { parcelId: parcel.id }));
    expect(added.status).toBe(302);
    const stored = await db().parcel.findUniqueOrThrow({ where: { id: parcel.id }, include: { homes: true, fundingSources: true } });
    expect(stored.homes.map((h) => h.label)).toEqual(["Unit B"]);
    expect(stored.fundingSources.map((f) => f.amountCents)).toEqual([12_500_050n]);
  });
});

describe("CSV import and export", () => {
  const header = "parcel_number,street_address,city,acquisition_price,acquisition_date,status,home_type,bedrooms,bathrooms";

  it("a dry run lists every bad row with its column and reason; the commit is all or nothing", async () => {
    const { organisation, cookie } = await staffSession();
    const csv = [header, "A-1,1 Apple Way,Winooski,100000,2015-01-01,leased,single_family,3,1", "A-2,2 Apple Way,Winooski,-5,2015-02-30,leased,castle,2,1", "A-1,1 Apple Way,Winooski,100000,2015-01-01,leased,townhouse,2,1"].join("\n");
    const preview = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv }, { cookie })));
    expect(preview.status).toBe(400);
    const errors = (preview.body as { errors: { row: number; column: string; message: string }[] }).errors;
    expect(errors).toEqual(expect.arrayContaining([
      { row: 3, column: "acquisition_price", message: "The amount cannot be negative" },
      { row: 3, column: "acquisition_date", message: "This date does not exist on the calendar" },
      expect.objectContaining({ row: 3, column: "home_type" }),
    ]));
    expect(errors.every((e) => e.row === 3)).toBe(true);
    const commitBad = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "commit", csv }, { cookie })));
    expect(commitBad.status).toBe(400);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(0);

    const fixed = csv.replace("A-2,2 Apple Way,Winooski,-5,2015-02-30,leased,castle,2,1", "A-2,2 Apple Way,Winooski,5000,2015-02-28,leased,condominium,2,1");
    const ok = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv: fixed }, { cookie })));
    expect(ok.status).toBe(200);
    expect((ok.body as { summary: { parcelCount: number; homeCount: number } }).summary).toMatchObject({ parcelCount: 2, homeCount: 3 });
    const committed = (await run(importAction, postRequest("/parcels/import", { intent: "commit", csv: fixed }, { cookie }))) as Response;
    expect(committed.status).toBe(302);
    const parcels = await db().parcel.findMany({ where: { organisationId: organisation.id }, include: { homes: true }, orderBy: { parcelNumber: "asc" } });
    expect(parcels.map((p) => [p.parcelNumber, p.homes.length, p.acquisitionPriceCents])).toEqual([["A-1", 2, 10_000_000n], ["A-2", 1, 500_000n]]);
    const again = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv: fixed }, { cookie })));
    expect((again.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/already registered/);
  });

  it("exports the filtered list with the importer's columns, and the export imports back into another organisation", async () => {
    const { organisation, cookie } = await staffSession();
    await createParcel(db(), organisation.id, { parcelNumber: "X-1", streetAddress: "=HYPERLINK(\"x\")", legalDescription: "Line one,\nline \"two\"" });
    await createParcel(db(), organisation.id, { parcelNumber: "X-2", status: "vacant" });
    const response = (await run(exportLoader, getRequest("/parcels/export.csv?status=leased", cookie))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename=".*parcels.*\.csv"; filename\*=UTF-8''/);
    const text = await response.text();
    const parsed = parseCsv(text);
    expect(parsed.rows.map((r) => r.parcel_number)).toEqual(["X-1"]);
    expect(parsed.rows[0]!.street_address).toBe("'=HYPERLINK(\"x\")");
    expect(parsed.rows[0]!.legal_description).toBe("Line one,\nline \"two\"");
    expect(parsed.rows[0]!.acquisition_price).toBe("65000.00");
    const other = await staffSession();
    const reimport = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv: text }, { cookie: other.cookie })));
    expect(reimport.status).toBe(200);
  });
});

describe("search at scale", () => {
  it("finds exact APNs and addresses, counts rare words exactly and pages through common ones", async () => {
    const { seedScale } = await import("~/modules/demo/scale");
    const { organisation, cookie } = await staffSession();
    await seedScale(db(), organisation.id, 3_500);
    const list = async (q: string, page = 1) =>
      (await unwrap(await run(listLoader, getRequest(`/parcels?q=${encodeURIComponent(q)}&page=${page}`, cookie)))).body as {
        parcels: { parcelNumber: string; streetAddress: string; homeowners: { name: string }[] }[];
        total: number;
        totalIsExact: boolean;
        pageCount: number;
      };
    const apn = await list("S-0001234");
    expect(apn.parcels.map((p) => p.parcelNumber)).toEqual(["S-0001234"]);
    expect(await list("s0001234")).toMatchObject({ total: 1, totalIsExact: true });

    // the oracle is the database itself: parcels with a current owner whose household is named Okafor
    const okafor = await db().parcel.count({
      where: { organisationId: organisation.id, homes: { some: { ownerships: { some: { currentHomeId: { not: null }, household: { name: { contains: "Okafor" } } } } } } },
    });
    expect(okafor).toBeGreaterThan(25); // more than one page, so the count must not come from the page
    const surname = await list("okafor");
    expect(surname).toMatchObject({ total: okafor, totalIsExact: true });
    expect(surname.parcels.every((p) => p.homeowners.some((h) => h.name.includes("Okafor")))).toBe(true);

    const address = await list("1235 pine");
    expect(address.parcels.length).toBeGreaterThan(0);
    expect(address.parcels.every((p) => p.streetAddress.startsWith("1235 Pine"))).toBe(true);

    // a third of the parcels are in Burlington: more matches than one query may bind as parameters (SQLite: 999)
    const city = await list("burlington");
    expect(city.parcels).toHaveLength(25);
    expect(city.parcels.every((p) => p.parcelNumber >= "S-0000000")).toBe(true);

    // "street" is in 8 of the 12 street names: thousands of matches, listed page by page without a count
    const common = await list("street");
    expect(common.parcels).toHaveLength(25);
    expect(common.parcels.every((p) => p.streetAddress.includes("Street"))).toBe(true);
    expect(common).toMatchObject({ totalIsExact: false, pageCount: 2 });
    const second = await list("street", 2);
    expect(second.parcels[0]!.parcelNumber > common.parcels[24]!.parcelNumber).toBe(true);
  });
});

describe("records from before the word index", () => {
  it("are indexed at start-up and then found by search", async () => {
    const { backfillParcelSearchTokens } = await import("~/modules/parcels/parcels.server");
    const { backfillHouseholdSearchTokens } = await import("~/modules/households/households.server");
    const { loader: householdsLoader } = await import("~/routes/households._index");
    const { organisation, cookie } = await staffSession();
    await db().parcel.create({ data: { organisationId: organisation.id, parcelNumber: "OLD-7", parcelNumberKey: "OLD-7", streetAddress: "7 Legacy Lane" } });
    await db().household.create({ data: { organisationId: organisation.id, name: "Ōtsuka household" } });
    const before = await unwrap(await run(listLoader, getRequest("/parcels?q=legacy", cookie)));
    expect((before.body as { total: number }).total).toBe(0);
    expect(await backfillParcelSearchTokens(db())).toBeGreaterThanOrEqual(1);
    expect(await backfillHouseholdSearchTokens(db())).toBeGreaterThanOrEqual(1);
    expect(await backfillParcelSearchTokens(db())).toBe(0);
    const parcels = await unwrap(await run(listLoader, getRequest("/parcels?q=legacy", cookie)));
    expect((parcels.body as { parcels: { parcelNumber: string }[] }).parcels.map((p) => p.parcelNumber)).toEqual(["OLD-7"]);
    const households = await unwrap(await run(householdsLoader, getRequest("/households?q=otsuka", cookie)));
    expect((households.body as { households: { name: string }[] }).households.map((h) => h.name)).toEqual(["Ōtsuka household"]);
  });
});

describe("an acquisition date in the future", () => {
  it("is refused when editing and when importing, as when registering", async () => {
    const { organisation, cookie } = await staffSession();
    const parcel = await createParcel(db(), organisation.id, { parcelNumber: "F-1" });
    const future = "2199-01-01";
    const edit = await unwrap(
      await run(editAction, postRequest(`/parcels/${parcel.id}/edit`, { parcelNumber: "F-1", streetAddress: "1 Future Way", status: "leased", landAreaUnit: "acres", acquisitionDate: future, version: "1" }, { cookie }), { parcelId: parcel.id }),
    );
    expect(edit.status).toBe(400);
    expect((edit.body as { error: Record<string, string[]> }).error.acquisitionDate![0]).toBe("The acquisition date cannot be in the future");
    expect((await db().parcel.findUniqueOrThrow({ where: { id: parcel.id } })).acquisitionDate).toBe("2012-05-15");
    const csv = `parcel_number,street_address,acquisition_date\nF-2,2 Future Way,${future}`;
    const preview = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv }, { cookie })));
    expect((preview.body as { errors: unknown[] }).errors).toEqual([{ row: 2, column: "acquisition_date", message: "The acquisition date cannot be in the future" }]);
  });
});
