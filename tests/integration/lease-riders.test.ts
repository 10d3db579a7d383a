import { describe, expect, it } from "vitest";
import { leaseFormOptions } from "~/modules/leases/leases.server";
import { action as leaseAction, loader as leaseLoader } from "~/routes/leases.$leaseId._index";
import { action as newLeaseAction } from "~/routes/leases.new";
import { action as riderAction, loader as riderLoader } from "~/routes/settings.lease-riders.$riderId";
import { action as newRiderAction, loader as ridersLoader } from "~/routes/settings.lease-riders._index";
import { db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { completeOrganisation, createLease, createLeasableHome } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";
import { leaseDocumentText } from "./pdf-text";

const ADU = "Rider: accessory dwelling unit";
const V1 =
  "The Homeowner may build one accessory dwelling unit on the Leased Land with the Trust's prior written approval.\n\n" +
  "The accessory dwelling unit is an Improvement under this Lease and is included in the Purchase Option Price only as the resale formula provides.";
const V2 = "The Homeowner may build and rent one accessory dwelling unit to a household earning at most 80 percent of area median income.";

describe("rider library", () => {
  it("admins keep versioned riders; a lease prints its riders' texts after the body with their version, and keeps the version it was signed with", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);

    // bad input: 400 next to the field, nothing stored
    const blank = await unwrap(await run(newRiderAction, postRequest("/settings/lease-riders", { name: ADU, text: "   " }, { cookie })));
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ error: { text: ["Enter the rider's text."] } });
    expect(await db().leaseRider.count({ where: { organisationId: organisation.id } })).toBe(0);

    const created = await unwrap(await run(newRiderAction, postRequest("/settings/lease-riders", { name: ADU, text: V1, note: "Reviewed by counsel 2026" }, { cookie })));
    expect(created.status).toBe(302);
    const rider = await db().leaseRider.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(rider.name).toBe(ADU);

    // the same name with other case and spaces is the same rider: refused, naming the field
    const duplicate = await unwrap(await run(newRiderAction, postRequest("/settings/lease-riders", { name: "  rider:  ACCESSORY dwelling unit ", text: "x" }, { cookie })));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ error: { name: [expect.stringContaining("already has a rider with this name")] } });

    // staff may not keep the library
    const staff = await createMember(db(), organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.user.id, organisation.id);
    expect((await unwrap(await run(newRiderAction, postRequest("/settings/lease-riders", { name: "Other rider", text: "x" }, { cookie: staffCookie })))).status).toBe(403);

    // a lease naming it; the lease form offers the library's riders and the lender riders
    await completeOrganisation(db(), organisation.id);
    const options = await leaseFormOptions(db(), organisation.id);
    expect(options.riders[0]).toEqual({ name: ADU, versionNumber: 1 });
    expect(options.riders.map((r) => r.name)).toContain("Fannie Mae Community Land Trust Ground Lease Rider");
    const signed = await createLease(db(), organisation.id, { status: "executed", values: { riders: [ADU, "Fannie Mae Community Land Trust Ground Lease Rider"] } });
    expect((await db().lease.findUniqueOrThrow({ where: { id: signed.id } })).riderVersions).toEqual([{ riderId: rider.id, name: ADU, versionNumber: 1 }]);

    const first = await leaseDocumentText(cookie, signed.id);
    expect(first).toContain(`1. ${ADU} (version 1, printed after the exhibits)`);
    expect(first).toContain("2. Fannie Mae Community Land Trust Ground Lease Rider");
    expect(first).toContain("RIDER RIDER: ACCESSORY DWELLING UNIT");
    expect(first).toContain(`Version 1 of the Trust's rider, attached to Lease ${signed.reference}.`);
    expect(first).toContain("The Homeowner may build one accessory dwelling unit on the Leased Land with the Trust's prior written approval.");
    // after the body: the rider's text follows the last exhibit's heading
    expect(first.lastIndexOf("RIDER RIDER: ACCESSORY")).toBeGreaterThan(first.lastIndexOf("EXHIBIT"));

    // a new version: stale edits refused (409); the signed lease keeps version 1, a draft prints version 2
    const stale = await unwrap(await run(riderAction, postRequest(`/settings/lease-riders/${rider.id}`, { intent: "save", basedOn: "0", text: V2 }, { cookie }), { riderId: rider.id }));
    expect(stale.status).toBe(409);
    const saved = await unwrap(await run(riderAction, postRequest(`/settings/lease-riders/${rider.id}`, { intent: "save", basedOn: "1", text: V2, note: "Rental allowed" }, { cookie }), { riderId: rider.id }));
    expect(saved.status).toBe(302);
    const { body: riderPage } = await unwrap(await run(riderLoader, getRequest(`/settings/lease-riders/${rider.id}`, cookie), { riderId: rider.id }));
    expect((riderPage as { versions: { versionNumber: number; savedBy: string }[] }).versions.map((v) => [v.versionNumber, v.savedBy])).toEqual([
      [2, "Avery Admin"],
      [1, "Avery Admin"],
    ]);
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "LeaseRiderVersion", action: "create" } })).toBe(2);

    const again = await leaseDocumentText(cookie, signed.id);
    expect(again).toContain("Version 1 of the Trust's rider");
    expect(again).toContain("with the Trust's prior written approval");
    expect(again).not.toContain("rent one accessory dwelling unit");
    const { body: leasePage } = await unwrap(await run(leaseLoader, getRequest(`/leases/${signed.id}`, cookie), { leaseId: signed.id }));
    expect(leasePage).toMatchObject({ signedRiderVersions: [{ name: ADU, versionNumber: 1 }] });

    const draft = await createLease(db(), organisation.id, { values: { riders: [ADU] } });
    const draftText = await leaseDocumentText(cookie, draft.id);
    expect(draftText).toContain(`Version 2 of the Trust's rider, attached to Lease ${draft.reference}.`);
    expect(draftText).toContain("rent one accessory dwelling unit to a household earning at most 80 percent of area median income");

    // archived: no longer offered; the lease that names it keeps printing it
    expect((await unwrap(await run(riderAction, postRequest(`/settings/lease-riders/${rider.id}`, { intent: "archive" }, { cookie }), { riderId: rider.id }))).status).toBe(302);
    expect((await leaseFormOptions(db(), organisation.id)).riders.map((r) => r.name)).not.toContain(ADU);
    expect(await leaseDocumentText(cookie, draft.id)).toContain("Version 2 of the Trust's rider");
    const { body: list } = await unwrap(await run(ridersLoader, getRequest("/settings/lease-riders", cookie)));
    expect(list).toMatchObject({ riders: [{ name: ADU, archived: true, versionNumber: 2 }] });
  });

  it("a lease form naming a rider that is not in the library is refused with 400 next to the riders, nothing stored", async () => {
    const { organisation, user } = await createOrganisation(db());
    await completeOrganisation(db(), organisation.id);
    const presets = await seedDemoFormulaPresets(db(), organisation.id);
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const { home, household } = await createLeasableHome(db(), organisation.id);
    const form = {
      homeId: home.id,
      householdId: household.id,
      lesseeNames: "Ana Lima",
      commencementDate: "2025-01-01",
      termYears: "99",
      renewalTermYears: "99",
      monthlyFeeCents: "35.00",
      escalationKind: "none",
      feeDueDay: "1",
      purchaseOptionDays: "90",
      formulaPresetName: presets[0]!.name,
      riders: ["Rider: solar panels"],
    };
    const refused = await unwrap(await run(newLeaseAction, postRequest("/leases/new", form, { cookie })));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("not in the rider library: “Rider: solar panels”");
    expect(await db().lease.count({ where: { organisationId: organisation.id } })).toBe(0);

    // an amendment may not add one either
    const lease = await createLease(db(), organisation.id, { status: "executed" });
    const amend = await unwrap(
      await run(
        leaseAction,
        postRequest(
          `/leases/${lease.id}`,
          { intent: "amend", version: String(lease.version), effectiveDate: "2026-01-01", description: "Solar", monthlyFeeCents: "35", escalationKind: "none", renewalTermYears: "99", feeDueDay: "1", purchaseOptionDays: "90", riders: ["Rider: solar panels"] },
          { cookie },
        ),
        { leaseId: lease.id },
      ),
    );
    expect(amend.status).toBe(400);
    expect(JSON.stringify(amend.body)).toContain("not in the rider library");
    expect(await db().leaseAmendment.count({ where: { leaseId: lease.id } })).toBe(0);
  });
});
