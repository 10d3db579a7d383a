import { describe, expect, it } from "vitest";
import { createHousehold } from "~/modules/demo/households";
import { createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { action as householdAction } from "~/routes/households.$householdId._index";
import { action as parcelAction } from "~/routes/parcels.$parcelId._index";
import { action as leaseFeeSettingsAction } from "~/routes/settings.lease-fees";
import { db } from "~/utils/db.server";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * A page with several forms reads which one was posted with readIntent (app/web/intent.server.ts): a form that
 * names no intent, or one the page does not have, is a 400 with a plain message and changes nothing — never a
 * 500, and never the page's other form run in its place.
 */
const MISSING = "The form did not say what it is for, so nothing was changed. Reload the page and try again.";
const UNKNOWN = "This page has no such form, so nothing was changed. Reload the page and try again.";

async function admin() {
  const { organisation, user } = await createOrganisation(db());
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

const auditCount = (organisationId: string) => db().auditEntry.count({ where: { organisationId } });

describe("an unknown or missing intent", () => {
  it("the parcel page (a schema discriminated on intent): 400 with the message, no home added", async () => {
    const { organisation, cookie } = await admin();
    const parcel = await createParcel(db(), organisation.id);
    const audits = await auditCount(organisation.id);
    const home = { homeType: "single_family", bedrooms: "2", bathrooms: "1" };
    const post = (form: Record<string, string>) => run(parcelAction, postRequest(`/parcels/${parcel.id}`, form, { cookie }), { parcelId: parcel.id });

    const unknown = await unwrap(await post({ intent: "add-garage", ...home }));
    expect(unknown).toMatchObject({ status: 400, body: UNKNOWN });
    const missing = await unwrap(await post(home));
    expect(missing).toMatchObject({ status: 400, body: MISSING });
    expect(await db().home.count({ where: { parcelId: parcel.id } })).toBe(1);
    expect(await auditCount(organisation.id)).toBe(audits);

    // the same fields with the page's own intent are a home added
    const added = (await post({ intent: "add-home", ...home })) as Response;
    expect(added.status).toBe(302);
    expect(await db().home.count({ where: { parcelId: parcel.id } })).toBe(2);
  });

  it("the household page (one schema per intent): 400 with the message, no member added", async () => {
    const { organisation, cookie } = await admin();
    const household = await createHousehold(db(), organisation.id, { members: ["Ada Lovelace"] });
    const post = (form: Record<string, string>) => run(householdAction, postRequest(`/households/${household.id}`, form, { cookie }), { householdId: household.id });

    expect(await unwrap(await post({ intent: "add-pet", fullName: "Rex" }))).toMatchObject({ status: 400, body: UNKNOWN });
    expect(await unwrap(await post({ intent: "", fullName: "Rex" }))).toMatchObject({ status: 400, body: MISSING });
    expect(await db().householdMember.count({ where: { householdId: household.id } })).toBe(1);

    expect(((await post({ intent: "add-member", fullName: "Charles Babbage" })) as Response).status).toBe(302);
    expect(await db().householdMember.count({ where: { householdId: household.id } })).toBe(2);
  });

  it("lease-fee settings: an unknown intent no longer saves the account codes (the form that used to be the default)", async () => {
    const { organisation, cookie } = await admin();
    const codes = { receivableAccount: "1200", feeIncomeAccount: "4100", lateChargeAccount: "4150", cashAccount: "1000", waiverAccount: "4190", version: "0" };
    const post = (form: Record<string, string>) => run(leaseFeeSettingsAction, postRequest("/settings/lease-fees", form, { cookie }));

    expect(await unwrap(await post({ intent: "codez", ...codes }))).toMatchObject({ status: 400, body: UNKNOWN });
    expect(await unwrap(await post(codes))).toMatchObject({ status: 400, body: MISSING });
    expect(await db().leaseFeeSettings.count({ where: { organisationId: organisation.id } })).toBe(0);

    expect(((await post({ intent: "codes", ...codes })) as Response).status).toBe(302);
    expect(await db().leaseFeeSettings.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({ receivableAccount: "1200", waiverAccount: "4190" });
  });
});
