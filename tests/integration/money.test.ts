import { describe, expect, it } from "vitest";
import { getHousehold } from "~/modules/households/households.server";
import { getParcel } from "~/modules/parcels/parcels.server";
import { action as purchaseAction } from "~/routes/households.$householdId.purchase";
import { action as newParcelAction } from "~/routes/parcels.new";
import { action as importAction } from "~/routes/parcels.import";
import { db } from "~/utils/db.server";
import { createHousehold } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

// Issue 8 §4: money holds any real amount, at least $999,999,999,999.99, on both engines. Before the cents
// columns became BigInt, $21,474,836.48 (2^31 cents) could not be stored.
const LARGEST = "999,999,999,999.99";
const LARGEST_CENTS = 99_999_999_999_999;

async function staffSession() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

type Reply = { error?: Record<string, string[]> };

describe("amounts beyond $21,474,836.47", () => {
  it("stores and reads back an acquisition price of $999,999,999,999.99 and of $21,474,836.48", async () => {
    const { organisation, cookie } = await staffSession();
    for (const [parcelNumber, price, cents] of [["BIG-1", `$${LARGEST}`, LARGEST_CENTS], ["BIG-2", "$21,474,836.48", 2_147_483_648]] as const) {
      const form = { parcelNumber, streetAddress: "1 Large Lot", status: "acquired", landAreaUnit: "acres", acquisitionPriceCents: price };
      const response = await unwrap(await run(newParcelAction, postRequest("/parcels/new", form, { cookie })));
      expect(response.status).toBe(302);
      const stored = await db().parcel.findFirstOrThrow({ where: { organisationId: organisation.id, parcelNumber } });
      expect(stored.acquisitionPriceCents).toBe(BigInt(cents));
      expect((await getParcel(db(), organisation.id, stored.id))!.acquisitionPriceCents).toBe(cents);
    }
  });

  it("refuses a bigger figure as a field error, on the form and in a CSV import, and stores nothing", async () => {
    const { organisation, cookie } = await staffSession();
    const form = { parcelNumber: "HUGE-1", streetAddress: "1 Large Lot", status: "acquired", landAreaUnit: "acres", acquisitionPriceCents: "$1,000,000,000,000.00" };
    const refused = await unwrap(await run(newParcelAction, postRequest("/parcels/new", form, { cookie })));
    expect(refused.status).toBe(400);
    expect((refused.body as Reply).error?.acquisitionPriceCents).toEqual(["The amount is too large (at most $999,999,999,999.99)"]);
    const absurd = await unwrap(await run(newParcelAction, postRequest("/parcels/new", { ...form, acquisitionPriceCents: "9".repeat(40) }, { cookie })));
    expect(absurd.status).toBe(400);
    expect((absurd.body as Reply).error?.acquisitionPriceCents?.[0]).toMatch(/too large/);
    const csv = `parcel_number,street_address,acquisition_price\nHUGE-2,2 Large Lot,"1,000,000,000,000"`;
    const preview = await unwrap(await run(importAction, postRequest("/parcels/import", { intent: "preview", csv }, { cookie })));
    expect((preview.body as { errors: unknown[] }).errors).toEqual([{ row: 2, column: "acquisition_price", message: "The amount is too large (at most $999,999,999,999.99)" }]);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("stores and reads back a purchase price and a mortgage of $999,999,999,999.99", async () => {
    const { organisation, cookie } = await staffSession();
    const parcel = await createParcel(db(), organisation.id, { parcelNumber: "BIG-H", funding: null });
    const household = await createHousehold(db(), organisation.id, { name: "Large household" });
    const form = { homeId: parcel.homes[0]!.id, purchasePrice: LARGEST, purchaseDate: "2024-03-15", mortgageLender: "Big Bank", mortgageAmount: LARGEST };
    const response = await unwrap(await run(purchaseAction, postRequest(`/households/${household.id}/purchase`, form, { cookie }), { householdId: household.id }));
    expect(response.status).toBe(302);
    const stored = await db().ownership.findFirstOrThrow({ where: { organisationId: organisation.id, householdId: household.id } });
    expect(stored).toMatchObject({ purchasePriceCents: 99_999_999_999_999n, mortgageAmountCents: 99_999_999_999_999n });
    const read = await getHousehold(db(), organisation.id, household.id);
    expect(read!.ownerships[0]).toMatchObject({ purchasePriceCents: LARGEST_CENTS, mortgageAmountCents: LARGEST_CENTS });
    const tooBig = await unwrap(
      await run(purchaseAction, postRequest(`/households/${household.id}/purchase`, { ...form, purchasePrice: "1,000,000,000,000" }, { cookie }), { householdId: household.id }),
    );
    expect(tooBig.status).toBe(400);
    expect((tooBig.body as Reply).error?.purchasePrice?.[0]).toMatch(/too large/);
  });
});
