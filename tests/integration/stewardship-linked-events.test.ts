import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { recordNoticeOfDefault, updateDefault } from "~/modules/stewardship-decisions/defaults.server";
import { decideStewardshipRequest, recordImprovementRequest, recordPeriodRequest } from "~/modules/stewardship-decisions/requests.server";
import { db } from "~/utils/db.server";
import { completeOrganisation, createLeasableHome, createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";

/**
 * Requests and defaults keep their monitoring events in step (issue 10: the calendar follows approved periods;
 * a request and a default are on the calendar without being typed twice), on SQLite and PostgreSQL.
 */

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const made = await createLeasableHome(db(), organisation.id, { streetAddress: "12 Alder Lane", members: ["Ana Lima"] });
  // own cure periods: 30 days for money owed, 45 for anything else, 60 for the trust after a lender's notice
  const lease = await createLease(db(), organisation.id, {
    status: "active",
    homeId: made.home.id,
    householdId: made.household.id,
    today: "2024-01-10",
    values: { commencementDate: "2024-01-15", monetaryCureDays: 30, nonMonetaryCureDays: 45, lenderCureDays: 60 },
  });
  const actor = { ...systemActor(organisation.id, "Dana Staff"), userId: user.id };
  return { organisation, lease, actor };
}

const staff = (organisationId: string) => ({ organisationId, role: "staff" as const, householdId: null });
/** The calendar's items other than the yearly schedule, as [type, due, status]. */
async function linked(organisationId: string, asOf: string) {
  const { items } = await stewardshipCalendar(db(), staff(organisationId), asOf);
  return items.filter((i) => !["occupancy_certification", "property_tax_proof", "insurance_proof"].includes(i.type)).map((i) => [i.type, i.dueDate, i.status]);
}

describe("requests on the calendar", () => {
  it("a leave-of-absence request is submitted (to decide) on its date; approved, it is resolved and the approved period's end falls due", async () => {
    const { organisation, lease, actor } = await setup();
    const made = await recordPeriodRequest(db(), actor, lease.id, { kind: "leave-of-absence", receivedOn: "2026-03-02", periodStart: "2026-04-01", periodEnd: "2026-09-30", reason: "Caring for a parent" });
    if (!made.ok) throw new Error("not recorded");
    expect(await linked(organisation.id, "2026-03-10")).toEqual([["leave_of_absence_request", "2026-03-02", "submitted"]]);
    // a submitted event waits on the trust, never delinquent by itself, even long after
    expect(await linked(organisation.id, "2026-05-10")).toEqual([["leave_of_absence_request", "2026-03-02", "submitted"]]);
    // approved for a shorter period, to 2026-08-31
    const decided = await decideStewardshipRequest(db(), actor, made.id, { intent: "approve", version: 1, decidedOn: "2026-03-16", periodStart: "2026-04-01", periodEnd: "2026-08-31" }, { today: "2026-03-16" });
    expect(decided).toMatchObject({ ok: true, status: "approved" });
    const events = await db().monitoringEvent.findMany({ where: { leaseId: lease.id }, orderBy: { dueDate: "asc" } });
    expect(events.map((e) => [e.type, e.dueDate, e.status, e.resolvedOn])).toEqual([
      ["leave_of_absence_request", "2026-03-02", "resolved", "2026-03-16"],
      ["leave_of_absence_request", "2026-08-31", "open", null],
    ]);
    expect(events[1]!.subject).toBe("Approved leave of absence (2026-04-01 to 2026-08-31) ends: check the homeowner is living in the home again");
    // the calendar follows the approved end: open on 2026-08-31 … 2026-09-14 (+14 days of grace), delinquent from 2026-09-15
    expect(await linked(organisation.id, "2026-09-14")).toEqual([
      ["leave_of_absence_request", "2026-03-02", "resolved"],
      ["leave_of_absence_request", "2026-08-31", "open"],
    ]);
    expect((await linked(organisation.id, "2026-09-15"))[1]).toEqual(["leave_of_absence_request", "2026-08-31", "delinquent"]);
  });

  it("a refused improvement request is resolved with the reason, and nothing else is due", async () => {
    const { organisation, lease, actor } = await setup();
    const made = await recordImprovementRequest(db(), actor, lease.id, { kind: "improvement", receivedOn: "2026-03-02", description: "New roof", costCents: 1_200_000, completedOn: "2026-06-30" });
    if (!made.ok) throw new Error("not recorded");
    await decideStewardshipRequest(db(), actor, made.id, { intent: "refuse", version: 1, decidedOn: "2026-03-05", note: "The roof is under warranty" }, { today: "2026-03-05" });
    const events = await db().monitoringEvent.findMany({ where: { leaseId: lease.id } });
    expect(events.map((e) => [e.type, e.status, e.resolvedOn, e.resolution])).toEqual([["improvement_request", "resolved", "2026-03-05", "Refused on 2026-03-05: The roof is under warranty"]]);
    expect(await linked(organisation.id, "2026-03-10")).toEqual([["improvement_request", "2026-03-02", "resolved"]]);
  });
});

describe("a default on the calendar", () => {
  it("the notice is an enforcement event due on the cure deadline; escalations add 90+ days delinquent and foreclosure events; a lender's notice the trust's deadline; the cure resolves them all", async () => {
    const { organisation, lease, actor } = await setup();
    // non-monetary: 2026-03-02 + 45 days = 2026-04-16 (29 to 31 March, 16 in April)
    const notice = await recordNoticeOfDefault(db(), actor, lease.id, { kind: "non-monetary", description: "No proof of insurance", noticeDate: "2026-03-02" }, { today: "2026-03-02" });
    if (!notice.ok) throw new Error("not recorded");
    expect(await linked(organisation.id, "2026-03-02")).toEqual([["enforcement_violation", "2026-04-16", "open"]]);
    const version = async () => (await db().leaseDefault.findUniqueOrThrow({ where: { id: notice.id } })).version;
    expect(await updateDefault(db(), actor, notice.id, { intent: "escalate", version: await version(), stage: "delinquent-90", date: "2026-06-01", obligation: "mortgage" }, { today: "2026-06-01" })).toMatchObject({ ok: true });
    expect(await updateDefault(db(), actor, notice.id, { intent: "escalate", version: await version(), stage: "delinquent-90", date: "2026-07-01", obligation: "taxes" }, { today: "2026-07-01" })).toMatchObject({ ok: true });
    // lender's notice received 2026-07-10 + 60 days = 2026-09-08 (21 to 31 July, 31 in August, 8 in September)
    expect(await updateDefault(db(), actor, notice.id, { intent: "lender-notice", version: await version(), lenderName: "VHFA", receivedOn: "2026-07-10" }, { today: "2026-07-10" })).toMatchObject({ ok: true });
    expect(await updateDefault(db(), actor, notice.id, { intent: "escalate", version: await version(), stage: "notice-of-foreclosure", date: "2026-07-15" }, { today: "2026-07-15" })).toMatchObject({ ok: true });
    const events = await db().monitoringEvent.findMany({ where: { leaseId: lease.id }, orderBy: [{ dueDate: "asc" }] });
    expect(events.map((e) => [e.type, e.dueDate, e.subject, e.status])).toEqual([
      ["enforcement_violation", "2026-04-16", "Notice of default of 2026-03-02 (non-monetary): cure by 2026-04-16", "open"],
      ["delinquent_90_days", "2026-06-01", "mortgage", "open"],
      ["delinquent_90_days", "2026-07-01", "taxes", "open"],
      ["notice_of_foreclosure", "2026-07-15", "", "open"],
      ["other", "2026-09-08", "VHFA's notice of default received 2026-07-10: the trust may cure by 2026-09-08", "open"],
    ]);
    expect(await updateDefault(db(), actor, notice.id, { intent: "cured", version: await version(), curedOn: "2026-07-20" }, { today: "2026-07-20" })).toMatchObject({ ok: true });
    const after = await db().monitoringEvent.findMany({ where: { leaseId: lease.id } });
    expect(after.map((e) => [e.status, e.resolvedOn, e.resolution])).toEqual(Array(5).fill(["resolved", "2026-07-20", "The default was cured on 2026-07-20."]));
  });

  it("a refused notice (dated in the future) creates no event", async () => {
    const { lease, actor } = await setup();
    const refused = await recordNoticeOfDefault(db(), actor, lease.id, { kind: "monetary", description: "Fees", amountCents: 10_000, noticeDate: "2026-03-05" }, { today: "2026-03-02" });
    expect(refused.ok).toBe(false);
    expect(await db().monitoringEvent.count({ where: { leaseId: lease.id } })).toBe(0);
  });
});
