import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { amendLease, updateDraftLease } from "~/modules/leases/leases.server";
import { feeLedgerForAmendments } from "~/modules/lease-fees/terms.server";
import { DEFAULT_LEASE_TERMS } from "~/modules/leases/terms";
import { getLeaseTermDefaults, getLeaseTermsOn, updateLeaseTermDefaults } from "~/modules/leases/terms.server";
import { action as leaseAction } from "~/routes/leases.$leaseId._index";
import { action as newLeaseAction } from "~/routes/leases.new";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.lease-terms";
import { db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { advanceLease, completeOrganisation, createLeasableHome, leaseValues } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const [preset] = await seedDemoFormulaPresets(db(), organisation.id);
  const { home, household } = await createLeasableHome(db(), organisation.id);
  return { organisation, user, preset: preset!, home, household, actor: systemActor(organisation.id, "Test"), cookie: await sessionCookieFor(user.id, organisation.id) };
}

const trustTerms = { ...DEFAULT_LEASE_TERMS, feeDueDay: 5, graceDays: 15, lateChargeCents: 2500, monetaryCureDays: 45, nonMonetaryCureDays: 75, lenderCureDays: 90, priceNoticeDays: 20, purchaseOptionDays: 60, closingDays: 45, renewalNoticeEarliestMonths: 18, renewalNoticeLatestMonths: 9 };

describe("lease terms as data", () => {
  it("a new lease takes the trust's defaults, which an edit (with a stale version refused) changes, audited", async () => {
    const { organisation, actor, home, household, preset, cookie } = await setup();
    expect(await getLeaseTermDefaults(db(), organisation.id)).toEqual({ ...DEFAULT_LEASE_TERMS, version: 0 });
    expect(await updateLeaseTermDefaults(db(), actor, { ...trustTerms, version: 0 })).toEqual({ ok: true });
    await expect(updateLeaseTermDefaults(db(), actor, { ...trustTerms, version: 0 })).rejects.toThrow(/changed by someone else/);
    const invalid = await updateLeaseTermDefaults(db(), actor, { ...trustTerms, closingDays: 0, renewalNoticeLatestMonths: 30, version: 1 });
    expect(invalid.ok).toBe(false);
    expect(Object.keys((invalid as { fieldErrors: object }).fieldErrors).sort()).toEqual(["closingDays", "renewalNoticeLatestMonths"]);
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "LeaseTermDefaults" } })).toBe(1);

    // the settings page: every field error at once, 400, nothing stored; a staff member may not use it
    const form = Object.fromEntries(Object.entries({ ...trustTerms, lateChargeCents: "25.00", version: 1 }).map(([k, v]) => [k, String(v)]));
    const refused = await unwrap(await run(settingsAction, postRequest("/settings/lease-terms", { ...form, graceDays: "-1", lateChargeCents: "ten" }, { cookie })));
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as { error: object }).error).sort()).toEqual(["graceDays", "lateChargeCents"]);
    const saved = (await run(settingsAction, postRequest("/settings/lease-terms", form, { cookie }))) as Response;
    expect(saved.status).toBe(302);
    expect(await unwrap(await run(settingsLoader, getRequest("/settings/lease-terms", cookie)))).toMatchObject({ body: { defaults: { ...trustTerms, version: 2 } } });
    const staff = await createMember(db(), organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.user.id, organisation.id);
    expect(((await run(settingsAction, postRequest("/settings/lease-terms", form, { cookie: staffCookie }))) as Response).status).toBe(403);

    // the lease form leaves the terms out: they come from the trust's settings
    const created = (await run(
      newLeaseAction,
      postRequest(
        "/leases/new",
        { homeId: home.id, householdId: household.id, lesseeNames: "Ana Lima", commencementDate: "2025-01-01", termYears: "99", renewalTermYears: "99", monthlyFeeCents: "35", escalationKind: "none", formulaPresetName: preset.name },
        { cookie },
      ),
    )) as Response;
    expect(created.status).toBe(302);
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id } });
    const { version: _version, ...expected } = { ...trustTerms, version: 0 };
    expect(await getLeaseTermsOn(db(), organisation.id, lease.id, "2025-01-01")).toMatchObject(expected);
    expect(lease.lateChargeCents).toBe(2500n);
  });

  it("a draft's terms are edited directly (invalid ones refused with every field named); execution freezes them; an amendment changes them from its date", async () => {
    const { organisation, actor, home, household, preset, cookie } = await setup();
    const made = await (await import("~/modules/leases/leases.server")).createLease(db(), actor, leaseValues({ homeId: home.id, householdId: household.id, formulaPresetName: preset.name }));
    if (!made.ok) throw new Error(JSON.stringify(made));
    const bad = await updateDraftLease(db(), actor, made.id, 1, leaseValues({ homeId: home.id, householdId: household.id, formulaPresetName: preset.name, graceDays: 400, monetaryCureDays: 0 }));
    expect(bad.ok).toBe(false);
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["graceDays", "monetaryCureDays"]);
    const good = await updateDraftLease(db(), actor, made.id, 1, leaseValues({ homeId: home.id, householdId: household.id, formulaPresetName: preset.name, graceDays: 5, lateChargeCents: 1500, lenderCureDays: 150 }));
    expect(good.ok).toBe(true);
    const executed = await advanceLease(db(), actor, made.id, "executed", { executionDate: "2025-01-01" });
    expect(executed).toMatchObject({ graceDays: 5, lateChargeCents: 1500n, lenderCureDays: 150 });

    // an amendment recorded later but effective earlier still applies in date order
    const amend = (version: number, effectiveDate: string, changes: Record<string, unknown>) =>
      amendLease(db(), actor, made.id, {
        intent: "amend",
        version,
        effectiveDate,
        description: `Board resolution ${effectiveDate}`,
        monthlyFeeCents: 3500,
        escalationKind: "fixed-percent",
        escalationRate: "0.03",
        feeDueDay: 1,
        purchaseOptionDays: 90,
        renewalTermYears: 99,
        riders: [],
        ...changes,
      }, feeLedgerForAmendments);
    expect((await amend(executed.version, "2030-01-01", { lateChargeCents: 3000 })).ok).toBe(true);
    expect((await amend(executed.version + 1, "2028-01-01", { graceDays: 12, lateChargeCents: 2000 })).ok).toBe(true);
    const on = (date: string) => getLeaseTermsOn(db(), organisation.id, made.id, date);
    expect(await on("2027-12-31")).toMatchObject({ graceDays: 5, lateChargeCents: 1500, lenderCureDays: 150 });
    expect(await on("2028-01-01")).toMatchObject({ graceDays: 12, lateChargeCents: 2000 });
    expect(await on("2030-01-01")).toMatchObject({ graceDays: 12, lateChargeCents: 3000 });
    // the lease row keeps the terms as signed
    expect(await db().lease.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ graceDays: 5, lateChargeCents: 1500n });
    const recorded = await db().leaseAmendment.findMany({ where: { leaseId: made.id }, orderBy: { effectiveDate: "asc" } });
    expect(recorded.map((a) => a.changes)).toEqual([
      { before: { graceDays: 5, lateChargeCents: 1500 }, after: { graceDays: 12, lateChargeCents: 2000 } },
      { before: { lateChargeCents: 1500 }, after: { lateChargeCents: 3000 } },
    ]);

    // the amendment form posts the terms; an impossible one is refused with 400 and nothing stored
    const lease = await db().lease.findUniqueOrThrow({ where: { id: made.id } });
    const refused = await unwrap(
      await run(
        leaseAction,
        postRequest(
          `/leases/${made.id}`,
          { intent: "amend", version: String(lease.version), effectiveDate: "2031-01-01", description: "x", monthlyFeeCents: "35", escalationKind: "none", feeDueDay: "1", purchaseOptionDays: "90", renewalTermYears: "99", renewalNoticeEarliestMonths: "6", renewalNoticeLatestMonths: "12" },
          { cookie },
        ),
        { leaseId: made.id },
      ),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("renewal notice window must close after it opens");
    expect(await db().leaseAmendment.count({ where: { leaseId: made.id } })).toBe(2);
  });
});
