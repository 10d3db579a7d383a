import { describe, expect, it } from "vitest";
import { stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { action as scheduleAction, loader as scheduleLoader } from "~/routes/leases.$leaseId.schedule";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.stewardship";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Settings → Stewardship → Monitoring and a lease's own monitoring schedule, through the pages' loaders and
 * actions on both databases: what an admin saves is what the compliance calendar follows; bad input is refused
 * next to the field and changes nothing.
 */

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const made = await createLeasableHome(db(), organisation.id, { streetAddress: "12 Alder Lane", members: ["Ana Lima"] });
  const lease = await createLease(db(), organisation.id, { status: "active", homeId: made.home.id, householdId: made.household.id, today: "2024-01-10", values: { commencementDate: "2024-01-15" } });
  const cookie = await sessionCookieFor(user.id, organisation.id);
  return { organisation, user, lease, cookie };
}

const staff = (organisationId: string) => ({ organisationId, role: "staff" as const, householdId: null });
const rows = async (organisationId: string, asOf: string, type: string) =>
  (await stewardshipCalendar(db(), staff(organisationId), asOf)).items.filter((i) => i.type === type).map((i) => [i.dueDate, i.status]);

describe("Settings → Stewardship: monitoring", () => {
  it("a 30-day grace period and a fixed certification date of 06-30 move the calendar; the refinance policy is kept", async () => {
    const { organisation, cookie } = await setup();
    const page = (await unwrap(await run(settingsLoader, getRequest("/settings/stewardship", cookie)))).body as { monitoring: Record<string, string> };
    expect(page.monitoring).toMatchObject({ version: "0", graceDays: "14", occupancyFixedDate: "", taxProofDate: "" });
    // default: the 2026-01-15 certification is delinquent from 2026-01-30 (15 + 14 = 29 is the last day of grace)
    expect(await rows(organisation.id, "2026-01-30", "occupancy_certification")).toEqual([
      ["2025-01-15", "delinquent"],
      ["2026-01-15", "delinquent"],
    ]);
    const saved = (await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "0", graceDays: "30", occupancyFixedDate: "6-30", taxProofDate: "" }, { cookie }))) as Response;
    expect(saved.status).toBe(302);
    expect(await db().stewardshipSettings.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      graceDays: 30,
      occupancyFixedDate: "06-30",
      taxProofDate: null,
      monitoringStartsOn: null,
      refinanceMaxShare: "0.95",
      version: 1,
    });
    // certification on 30 June of each year after the commencement year: 2025-06-30, then 2026-06-30 (beyond
    // the 90-day horizon of 2026-01-30, which ends 2026-04-30). 2025-06-30 + 30 days = 2025-07-30, the last day of grace.
    expect(await rows(organisation.id, "2025-07-30", "occupancy_certification")).toEqual([["2025-06-30", "open"]]);
    expect(await rows(organisation.id, "2025-07-31", "occupancy_certification")).toEqual([["2025-06-30", "delinquent"]]);
    // the tax proof still follows the commencement anniversary, with the 30-day grace: 2026-01-15 + 30 = 2026-02-14
    expect(await rows(organisation.id, "2026-02-14", "property_tax_proof")).toEqual([
      ["2025-01-15", "delinquent"],
      ["2026-01-15", "open"],
    ]);
    // a start date: nothing due before 2026-01-01 is asked for
    const started = (await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "1", graceDays: "30", occupancyFixedDate: "06-30", monitoringStartsOn: "2026-01-01" }, { cookie }))) as Response;
    expect(started.status).toBe(302);
    expect(await rows(organisation.id, "2026-02-14", "property_tax_proof")).toEqual([["2026-01-15", "open"]]);
  });

  it("refuses 29 February, a negative grace period and a stale form next to the field, and saves nothing", async () => {
    const { organisation, cookie } = await setup();
    const bad = await unwrap(await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "0", graceDays: "-1", occupancyFixedDate: "02-29", taxProofDate: "13-01", monitoringStartsOn: "2026-02-30" }, { cookie })));
    expect(bad.status).toBe(400);
    const errors = (bad.body as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["graceDays", "monitoringStartsOn", "occupancyFixedDate", "taxProofDate"]);
    expect(errors.occupancyFixedDate![0]).toContain("29 February does not come every year");
    expect(await db().stewardshipSettings.count({ where: { organisationId: organisation.id } })).toBe(0);
    // the refinance policy saved first (version 1); a monitoring form still showing version 0 is stale
    expect(((await run(settingsAction, postRequest("/settings/stewardship", { intent: "policy", version: "0", calculationMaxAgeDays: "180", refinanceMaxSharePercent: "95", cashOutLimitCents: "5000" }, { cookie }))) as Response).status).toBe(302);
    const stale = await unwrap(await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "0", graceDays: "30" }, { cookie })));
    expect(stale.status).toBe(409);
    expect((await db().stewardshipSettings.findUniqueOrThrow({ where: { organisationId: organisation.id } })).graceDays).toBe(14);
    // staff (not admins) cannot change the trust's settings
    const { user: member } = await createMember(db(), organisation.id, "staff");
    const forbidden = await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "1", graceDays: "1" }, { cookie: await sessionCookieFor(member.id, organisation.id) }));
    expect((forbidden as Response).status).toBe(403);
  });
});

describe("a lease's monitoring schedule", () => {
  it("the insurance policy's expiry puts proof of insurance on the calendar by it and each renewal; its own certification date wins over the trust's", async () => {
    const { organisation, lease, cookie } = await setup();
    expect(await rows(organisation.id, "2026-01-30", "insurance_proof")).toEqual([]);
    const form = (await unwrap(await run(scheduleLoader, getRequest(`/leases/${lease.id}/schedule`, cookie), { leaseId: lease.id }))).body as { values: Record<string, string> };
    expect(form.values).toEqual({ version: "0", insuranceExpiresOn: "", occupancyFixedDate: "", taxProofDate: "" });
    const saved = (await run(scheduleAction, postRequest(`/leases/${lease.id}/schedule`, { version: "0", insuranceExpiresOn: "2024-09-01", occupancyFixedDate: "03-01" }, { cookie }), { leaseId: lease.id })) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/leases/${lease.id}`);
    // policy expiring 2024-09-01 (after the 2024-01-15 commencement), renewed yearly: 2024-09-01 and 2025-09-01 by
    // 2026-01-30; 2025-09-01 + 14 = 2025-09-15 was its last day of grace, so both are delinquent
    expect(await rows(organisation.id, "2026-01-30", "insurance_proof")).toEqual([
      ["2024-09-01", "delinquent"],
      ["2025-09-01", "delinquent"],
    ]);
    // certification on 1 March of each year after 2024: 2025-03-01; 2026-03-01 is within the 90 days after 2026-01-30
    expect(await rows(organisation.id, "2026-01-30", "occupancy_certification")).toEqual([
      ["2025-03-01", "delinquent"],
      ["2026-03-01", "open"],
    ]);
    // the trust's own date does not override the lease's
    await run(settingsAction, postRequest("/settings/stewardship", { intent: "monitoring", version: "0", graceDays: "14", occupancyFixedDate: "06-30" }, { cookie }));
    expect((await rows(organisation.id, "2026-01-30", "occupancy_certification")).map((r) => r[0])).toEqual(["2025-03-01", "2026-03-01"]);
    // the policy renewed to a new date: the schedule moves with it
    const renewed = (await run(scheduleAction, postRequest(`/leases/${lease.id}/schedule`, { version: "1", insuranceExpiresOn: "2025-12-01" }, { cookie }), { leaseId: lease.id })) as Response;
    expect(renewed.status).toBe(302);
    expect(await rows(organisation.id, "2026-01-30", "insurance_proof")).toEqual([["2025-12-01", "delinquent"]]);
    const audit = await db().auditEntry.findMany({ where: { organisationId: organisation.id, entity: "MonitoringSchedule" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses a non-date and a stale form; another trust's lease is not found; a viewer may not edit", async () => {
    const { organisation, lease, cookie } = await setup();
    const bad = await unwrap(await run(scheduleAction, postRequest(`/leases/${lease.id}/schedule`, { version: "0", insuranceExpiresOn: "next year", taxProofDate: "31-12" }, { cookie }), { leaseId: lease.id }));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { error: Record<string, string[]> }).error).sort()).toEqual(["insuranceExpiresOn", "taxProofDate"]);
    expect(await db().monitoringSchedule.count({ where: { leaseId: lease.id } })).toBe(0);
    const stale = await unwrap(await run(scheduleAction, postRequest(`/leases/${lease.id}/schedule`, { version: "3", insuranceExpiresOn: "2026-05-01" }, { cookie }), { leaseId: lease.id }));
    expect(stale.status).toBe(409);
    expect(await db().monitoringSchedule.count({ where: { leaseId: lease.id } })).toBe(0);
    const other = await setup();
    const missing = await run(scheduleAction, postRequest(`/leases/${lease.id}/schedule`, { version: "0", insuranceExpiresOn: "2026-05-01" }, { cookie: other.cookie }), { leaseId: lease.id });
    expect((missing as Response).status).toBe(404);
    const { user: viewer } = await createMember(db(), organisation.id, "viewer");
    const forbidden = await run(scheduleLoader, getRequest(`/leases/${lease.id}/schedule`, await sessionCookieFor(viewer.id, organisation.id)), { leaseId: lease.id });
    expect((forbidden as Response).status).toBe(403);
  });
});
