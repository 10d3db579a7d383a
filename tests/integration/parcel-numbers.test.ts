import { describe, expect, it } from "vitest";
import { action as editAction } from "~/routes/parcels.$parcelId.edit";
import { action as importAction } from "~/routes/parcels.import";
import { action as newParcelAction } from "~/routes/parcels.new";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

// Issue 8 §4: an APN is unique ignoring case and surrounding spaces (" t-ttifr-01 " duplicated "T-TTIFR-01").
async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

const form = (parcelNumber: string) => ({ parcelNumber, streetAddress: "12 Mill Street", status: "acquired", landAreaUnit: "acres" });
type Reply = { error?: Record<string, string[]> };

describe("parcel numbers (APNs)", () => {
  it("are stored trimmed, and a number differing only in case or surrounding spaces is a field error on the form", async () => {
    const { organisation, cookie } = await staffSession();
    expect((await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("  T-TTIFR-01  "), { cookie })))).status).toBe(302);
    const stored = await db().parcel.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(stored).toMatchObject({ parcelNumber: "T-TTIFR-01", parcelNumberKey: "T-TTIFR-01" });
    const duplicate = await unwrap(await run(newParcelAction, postRequest("/parcels/new", form(" t-ttifr-01 "), { cookie })));
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as Reply).error?.parcelNumber?.[0]).toMatch(/^Parcel number t-ttifr-01 is already registered in this organisation/);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("cannot be edited into another parcel's number", async () => {
    const { organisation, cookie } = await staffSession();
    await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("T-TTIFR-01"), { cookie })));
    await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("T-TTIFR-02"), { cookie })));
    const second = await db().parcel.findFirstOrThrow({ where: { organisationId: organisation.id, parcelNumber: "T-TTIFR-02" } });
    const edit = await unwrap(await run(editAction, postRequest(`/parcels/${second.id}/edit`, { ...form("t-ttifr-01"), version: "1" }, { cookie }), { parcelId: second.id }));
    expect(edit.status).toBe(400);
    expect((edit.body as Reply).error?.parcelNumber?.[0]).toMatch(/already registered/);
    expect((await db().parcel.findUniqueOrThrow({ where: { id: second.id } })).parcelNumber).toBe("T-TTIFR-02");
    // changing only the case of its own number is fine
    const recased = await unwrap(await run(editAction, postRequest(`/parcels/${second.id}/edit`, { ...form("t-ttifr-02"), version: "1" }, { cookie }), { parcelId: second.id }));
    expect(recased.status).toBe(302);
  });

  it("are refused in a CSV import when already registered or spelled two ways in the file", async () => {
    const { organisation, cookie } = await staffSession();
    await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("T-TTIFR-01"), { cookie })));
    const csv = ["parcel_number,street_address", `" t-ttifr-01 ",1 Mill Street`, "N-1,2 Mill Street", "n-1,2 Mill Street"].join("\n");
    const preview = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv }, { cookie })));
    expect((preview.body as { errors: unknown[] }).errors).toEqual([
      { row: 2, column: "parcel_number", message: "Parcel number t-ttifr-01 is already registered as T-TTIFR-01" },
      { row: 4, column: "parcel_number", message: "Parcel number n-1 is written N-1 on an earlier row; write it the same way" },
    ]);
    const commit = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "commit", csv }, { cookie })));
    expect(commit.status).toBe(400);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("are unique by their key in the database itself, per organisation", async () => {
    const { organisation } = await staffSession();
    const other = (await createOrganisation(db())).organisation;
    await db().parcel.create({ data: { organisationId: organisation.id, parcelNumber: "K-1", parcelNumberKey: "K-1", streetAddress: "1 Key Street" } });
    await expect(db().parcel.create({ data: { organisationId: organisation.id, parcelNumber: "k-1", parcelNumberKey: "K-1", streetAddress: "1 Key Street" } })).rejects.toThrow();
    await db().parcel.create({ data: { organisationId: other.id, parcelNumber: "k-1", parcelNumberKey: "K-1", streetAddress: "1 Key Street" } });
  });
});
