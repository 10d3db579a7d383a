import { describe, expect, it } from "vitest";
import { action as importAction } from "~/routes/parcels.import";
import { loader as listLoader } from "~/routes/parcels._index";
import { systemActor } from "~/modules/audit/audit.server";
import { commitParcelImport, previewParcelImport } from "~/modules/parcels/csv.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { db } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The parcel import's commit writes set-based (issue 13): what it stores must be what registering each parcel and
 * home one by one stored — every column, the search text and words, an audit entry per parcel and per home in
 * file order — and a commit that fails part-way stores nothing.
 */
const HEADER =
  "parcel_number,street_address,city,state,postal_code,legal_description,land_area,land_area_unit,zoning,acquisition_date,acquisition_price,acquisition_method,assessed_land_value,status,home_type,home_label,bedrooms,bathrooms,floor_area_sqft,year_built";
const CSV = [
  HEADER,
  "A-1,1 Apple Way,Winooski,VT,05404,Lot 1,0.25,acres,R1,2015-01-01,100000,purchase,\"25,000.50\",leased,single_family,Main,3,1.5,1200,1990",
  "A-1,1 Apple Way,Winooski,,,,,,,,,,,leased,townhouse,ADU,1,1,,",
  "b-2 ,2 Pear St,,,,,,,,,,,,vacant,,,,,,",
].join("\n");

async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, user, cookie: await sessionCookieFor(user.id, organisation.id) };
}

/** Everything an import writes, for one organisation. */
async function storedRecords(organisationId: string) {
  return {
    parcels: await db().parcel.findMany({ where: { organisationId }, include: { homes: { orderBy: { id: "asc" } } }, orderBy: { id: "asc" } }),
    tokens: await db().parcelSearchToken.findMany({ where: { organisationId }, orderBy: [{ parcelId: "asc" }, { token: "asc" }] }),
    audit: await db().auditEntry.findMany({ where: { organisationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  };
}

describe("committing a parcel import", () => {
  it("stores each parcel and home with its search words and one audit entry each, in file order", async () => {
    const { organisation, user, cookie } = await staffSession();
    const before = new Date();
    const committed = (await run(importAction, postRequest("/parcels/import", { intent: "commit", csv: CSV }, { cookie }))) as Response;
    expect(committed.status).toBe(302);

    const { parcels, tokens, audit: log } = await storedRecords(organisation.id);
    const audit = log.filter((entry) => entry.entity === "Parcel" || entry.entity === "Home");
    const [a1, b2] = [parcels.find((p) => p.parcelNumber === "A-1")!, parcels.find((p) => p.parcelNumber === "b-2")!];
    expect(parcels).toHaveLength(2);
    expect(a1).toMatchObject({
      organisationId: organisation.id,
      parcelNumberKey: "A-1",
      streetAddress: "1 Apple Way",
      city: "Winooski",
      state: "VT",
      postalCode: "05404",
      legalDescription: "Lot 1",
      landArea: "0.25",
      landAreaUnit: "acres",
      zoning: "R1",
      acquisitionDate: "2015-01-01",
      acquisitionPriceCents: 10_000_000n,
      acquisitionMethod: "purchase",
      assessedLandValueCents: 2_500_050n,
      status: "leased",
      incomeLimitAreaCode: null,
      searchText: "a-1 \u2022 1 apple way \u2022 winooski",
      archivedAt: null,
      version: 1,
    });
    // the number as written without the surrounding space; the key upper-cased
    expect(b2).toMatchObject({
      parcelNumberKey: "B-2",
      streetAddress: "2 Pear St",
      city: "",
      state: "",
      postalCode: "",
      legalDescription: "",
      landArea: null,
      landAreaUnit: "square_feet",
      zoning: "",
      acquisitionDate: null,
      acquisitionPriceCents: null,
      acquisitionMethod: null,
      assessedLandValueCents: null,
      status: "vacant",
      searchText: "b-2 \u2022 2 pear st \u2022 ",
      version: 1,
    });
    expect(b2.homes).toEqual([]);
    expect(a1.homes.map((h) => [h.label, h.homeType, h.bedrooms, h.bathrooms, h.floorAreaSqft, h.yearBuilt, h.archivedAt, h.version, h.organisationId])).toEqual([
      ["Main", "single_family", 3, "1.5", 1200, 1990, null, 1, organisation.id],
      ["ADU", "townhouse", 1, "1", null, null, null, 1, organisation.id],
    ]);
    for (const record of [a1, b2, ...a1.homes]) {
      expect(record.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(record.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(record.updatedAt).toEqual(record.createdAt);
    }
    // the words of APN, address and city (parcels/search.ts): "A-1" gives a1, a and 1
    const wordsOf = (parcelId: string) => tokens.filter((t) => t.parcelId === parcelId).map((t) => t.token);
    expect(wordsOf(a1.id)).toEqual(["1", "a", "a1", "apple", "way", "winooski"]);
    expect(wordsOf(b2.id)).toEqual(["2", "b", "b2", "pear", "st"]);

    const [main, adu] = a1.homes;
    const staffName = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).name;
    expect(audit.map((entry) => [entry.entity, entry.entityId, entry.action, entry.userId, entry.actorLabel])).toEqual([
      ["Parcel", a1.id, "create", user.id, staffName],
      ["Home", main!.id, "create", user.id, staffName],
      ["Home", adu!.id, "create", user.id, staffName],
      ["Parcel", b2.id, "create", user.id, staffName],
    ]);
    expect(audit[0]!.changes).toEqual({
      before: null,
      after: {
        id: a1.id,
        organisationId: organisation.id,
        parcelNumber: "A-1",
        parcelNumberKey: "A-1",
        streetAddress: "1 Apple Way",
        city: "Winooski",
        state: "VT",
        postalCode: "05404",
        legalDescription: "Lot 1",
        landArea: "0.25",
        landAreaUnit: "acres",
        zoning: "R1",
        acquisitionDate: "2015-01-01",
        acquisitionPriceCents: 10_000_000,
        acquisitionMethod: "purchase",
        assessedLandValueCents: 2_500_050,
        status: "leased",
        incomeLimitAreaCode: null,
        archivedAt: null,
        source: "CSV import",
      },
    });
    expect(audit[2]!.changes).toEqual({
      before: null,
      after: { id: adu!.id, organisationId: organisation.id, parcelId: a1.id, label: "ADU", homeType: "townhouse", bedrooms: 1, bathrooms: "1", floorAreaSqft: null, yearBuilt: null, archivedAt: null },
    });
    expect((audit[3]!.changes as { after: { parcelNumber: string; source: string } }).after).toMatchObject({ parcelNumber: "b-2", source: "CSV import" });

    // found by a word of the address, as a parcel registered on the form is
    const found = await unwrap(await run(listLoader, getRequest("/parcels?q=pear", cookie)));
    expect((found.body as { parcels: { parcelNumber: string }[] }).parcels.map((p) => p.parcelNumber)).toEqual(["b-2"]);
  });

  it("stores nothing when a write fails part-way: the trust's records stay exactly as they were", async () => {
    const { organisation } = await staffSession();
    await createParcel(db(), organisation.id, { parcelNumber: "K-1", streetAddress: "9 Keep Street" });
    const stored = await storedRecords(organisation.id);
    expect(stored.parcels).toHaveLength(1);
    // the database refuses the import's audit entries — its last statement, after the parcels, homes and words
    const postgres = isPostgresUrl(databaseUrl());
    if (postgres) {
      await db().$executeRawUnsafe(
        `CREATE FUNCTION refuse_failing_import() RETURNS trigger AS $f$ BEGIN IF NEW."actorLabel" = 'Failing import' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $f$ LANGUAGE plpgsql`,
      );
      await db().$executeRawUnsafe(`CREATE TRIGGER refuse_failing_import BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION refuse_failing_import()`);
    } else {
      await db().$executeRawUnsafe(`CREATE TRIGGER refuse_failing_import BEFORE INSERT ON "AuditEntry" WHEN NEW."actorLabel" = 'Failing import' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    }
    try {
      await expect(commitParcelImport(db(), systemActor(organisation.id, "Failing import"), CSV)).rejects.toThrow(/refused by the test/);
    } finally {
      await db().$executeRawUnsafe(postgres ? `DROP TRIGGER refuse_failing_import ON "AuditEntry"` : `DROP TRIGGER refuse_failing_import`);
    }
    expect(await storedRecords(organisation.id)).toEqual(stored);
    expect(await db().home.count({ where: { organisationId: organisation.id } })).toBe(1);

    // and the same file then imports
    expect(await commitParcelImport(db(), systemActor(organisation.id, "Importer"), CSV)).toEqual({ ok: true, parcelCount: 2, homeCount: 2 });
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(3);
  });

  it("tells the person, without a 500, when a parcel of the file was registered while it was imported", async () => {
    const { organisation } = await staffSession();
    // two people commit the same file at once: both checks pass (nothing registered yet), one import lands,
    // the other is refused as a whole with a sentence, and nothing of it is stored twice
    const results = await Promise.all([
      commitParcelImport(db(), systemActor(organisation.id, "First importer"), CSV),
      commitParcelImport(db(), systemActor(organisation.id, "Second importer"), CSV),
    ]);
    const refused = results.filter((result) => !result.ok);
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, parcelCount: 2, homeCount: 2 }]);
    expect(refused).toEqual([
      {
        ok: false,
        errors: [{ row: 1, column: "", message: "A parcel number in this file was registered by someone else while it was being imported, so nothing was imported. Check the file again." }],
      },
    ]);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(2);
    expect(await db().home.count({ where: { organisationId: organisation.id } })).toBe(2);
  });

  it("lets other work run while a large file is checked and committed", async () => {
    const { organisation } = await staffSession();
    const rows = Array.from({ length: 2_500 }, (_, i) => `L-${i},${i + 1} Long Road,Winooski,leased,single_family,2,1`);
    const csv = ["parcel_number,street_address,city,status,home_type,bedrooms,bathrooms", ...rows].join("\n");
    // a timer stands for a request such as /healthz: it runs only when the import lets the event loop turn
    const ticksDuring = async <T>(work: () => Promise<T>) => {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 0);
      try {
        const result = await work();
        return { result, ticks };
      } finally {
        clearInterval(timer);
      }
    };
    const checked = await ticksDuring(() => previewParcelImport(db(), organisation.id, csv));
    expect(checked.result).toMatchObject({ errors: [], parcelCount: 2_500, homeCount: 2_500 });
    expect(checked.ticks).toBeGreaterThan(0);
    const committed = await ticksDuring(() => commitParcelImport(db(), systemActor(organisation.id, "Importer"), csv));
    expect(committed.result).toEqual({ ok: true, parcelCount: 2_500, homeCount: 2_500 });
    expect(committed.ticks).toBeGreaterThan(0);
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, actorLabel: "Importer" } })).toBe(5_000);
  });
});
