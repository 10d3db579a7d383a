import { describe, expect, it } from "vitest";
import { action as detailAction } from "~/routes/households.$householdId._index";
import { action as purchaseAction } from "~/routes/households.$householdId.purchase";
import { action as homeAction, loader as homeLoader } from "~/routes/parcels.$parcelId.homes.$homeId";
import { db } from "~/utils/db.server";
import { createHousehold } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function acquiredParcelWithHome(organisationId: string) {
  const parcelNumber = `APN-${Math.random().toString(36).slice(2, 8)}`;
  const parcel = await db().parcel.create({
    data: { organisationId, parcelNumber, parcelNumberKey: parcelNumber.toUpperCase(), streetAddress: "7 Lilac Lane", city: "Winooski", status: "acquired" },
  });
  const home = await db().home.create({ data: { organisationId, parcelId: parcel.id, bedrooms: 2 } });
  return { parcel, home };
}

const statusOf = async (parcelId: string) => (await db().parcel.findUniqueOrThrow({ where: { id: parcelId } })).status;

describe("records follow events", () => {
  it("a purchase makes the parcel Leased, the sale makes it Vacant, each change audited", async () => {
    const { organisation, cookie } = await staffSession();
    const { parcel, home } = await acquiredParcelWithHome(organisation.id);
    const household = await createHousehold(db(), organisation.id, { name: "Lindqvist household" });

    const bought = (await run(purchaseAction, postRequest(`/households/${household.id}/purchase`, { homeId: home.id, purchasePrice: "180,000", purchaseDate: "2026-06-15" }, { cookie }), { householdId: household.id })) as Response;
    expect(bought.status).toBe(302);
    expect(await statusOf(parcel.id)).toBe("leased");

    const ownership = await db().ownership.findFirstOrThrow({ where: { homeId: home.id } });
    const sold = (await run(detailAction, postRequest(`/households/${household.id}`, { intent: "record-sale", ownershipId: ownership.id, saleDate: "2026-09-30", salePrice: "190,000", version: "1" }, { cookie }), { householdId: household.id })) as Response;
    expect(sold.status).toBe(302);
    expect(await statusOf(parcel.id)).toBe("vacant");

    const audit = await db().auditEntry.findMany({ where: { entity: "Parcel", entityId: parcel.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => JSON.stringify(entry.changes))).toEqual([expect.stringContaining("leased"), expect.stringContaining("vacant")]);
  });

  it("a home is edited and archived from its page; one with a current owner is not archived", async () => {
    const { organisation, cookie } = await staffSession();
    const { parcel, home } = await acquiredParcelWithHome(organisation.id);
    const params = { parcelId: parcel.id, homeId: home.id };
    const url = `/parcels/${parcel.id}/homes/${home.id}`;

    const page = await unwrap(await run(homeLoader, getRequest(url, cookie), params));
    expect((page.body as { home: { bedrooms: string } }).home.bedrooms).toBe("2");

    const bad = await unwrap(await run(homeAction, postRequest(url, { intent: "save", version: "1", homeType: "single_family", bedrooms: "many", bathrooms: "1" }, { cookie }), params));
    expect(bad.status).toBe(400);
    expect((await db().home.findUniqueOrThrow({ where: { id: home.id } })).bedrooms).toBe(2);

    const saved = (await run(homeAction, postRequest(url, { intent: "save", version: "1", homeType: "townhouse", label: "Unit B", bedrooms: "3", bathrooms: "1.5" }, { cookie }), params)) as Response;
    expect(saved.status).toBe(302);
    expect(await db().home.findUniqueOrThrow({ where: { id: home.id } })).toMatchObject({ homeType: "townhouse", label: "Unit B", bedrooms: 3, bathrooms: "1.5", version: 2 });

    const household = await createHousehold(db(), organisation.id, { name: "Owners" });
    await db().ownership.create({ data: { organisationId: organisation.id, homeId: home.id, currentHomeId: home.id, householdId: household.id, purchasePriceCents: 18_000_000n, purchaseDate: "2026-06-15" } });
    const refused = await unwrap(await run(homeAction, postRequest(url, { intent: "archive", version: "2" }, { cookie }), params));
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("record their sale before archiving");
    expect((await db().home.findUniqueOrThrow({ where: { id: home.id } })).archivedAt).toBeNull();

    await db().ownership.updateMany({ where: { homeId: home.id }, data: { saleDate: "2026-09-30", currentHomeId: null } });
    const archived = (await run(homeAction, postRequest(url, { intent: "archive", version: "2" }, { cookie }), params)) as Response;
    expect(archived.status).toBe(302);
    expect((await db().home.findUniqueOrThrow({ where: { id: home.id } })).archivedAt).not.toBeNull();

    // another organisation's staff cannot reach the home
    const other = await staffSession();
    expect(((await run(homeLoader, getRequest(url, other.cookie), params)) as Response).status).toBe(404);
  });
});
