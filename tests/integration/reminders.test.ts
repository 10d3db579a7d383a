import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { ALL_ON } from "~/modules/reminders/reminders";
import { queueDueReminders, reminderSwitches, updateReminderSwitches } from "~/modules/reminders/reminders.server";
import { storedEventFor } from "~/modules/stewardship/calendar.server";
import { openTransferCase } from "~/modules/transfers/transfers.server";
import { action as settingsAction } from "~/routes/settings.reminders";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Email reminders through the outbox: certification due soon and overdue (to the homeowner and the assigned
 * staff member), the monthly statement, a resale case deadline; each exactly once, also when two servers run
 * them at the same moment; each kind switchable per trust.
 */
const BASE = "https://clt.example.org";

async function setup() {
  const { organisation, user: admin } = await createOrganisation(db());
  const staff = await createMember(db(), organisation.id, "staff", { name: "Sam Steward" });
  // A: commenced 2024-01-15, so certifications are due 2025-01-15 and 2026-01-15
  const homeA = await createLeasableHome(db(), organisation.id, { members: ["Grace Adeyemi"], streetAddress: "12 Orchard Lane", purchasePriceCents: 18_500_000 });
  const leaseA = await createLease(db(), organisation.id, { status: "active", homeId: homeA.home.id, householdId: homeA.household.id, values: { commencementDate: "2024-01-15", lesseeNames: homeA.members } });
  // B: commenced 2024-03-01, so certifications are due 2025-03-01 and 2026-03-01
  const homeB = await createLeasableHome(db(), organisation.id, { members: ["Bo Lindqvist"], streetAddress: "40 Birch Road", purchasePriceCents: 19_000_000 });
  const leaseB = await createLease(db(), organisation.id, { status: "active", homeId: homeB.home.id, householdId: homeB.household.id, values: { commencementDate: "2024-03-01", lesseeNames: homeB.members } });
  const ownerA = await createMember(db(), organisation.id, "homeowner", { householdId: homeA.household.id, name: "Grace Adeyemi" });
  const ownerB = await createMember(db(), organisation.id, "homeowner", { householdId: homeB.household.id, name: "Bo Lindqvist" });
  return { organisation, admin, staff, a: { ...homeA, lease: leaseA, owner: ownerA }, b: { ...homeB, lease: leaseB, owner: ownerB } };
}

async function outbox(organisationId: string) {
  return db().emailMessage.findMany({ where: { organisationId }, orderBy: [{ toAddress: "asc" }, { subject: "asc" }], select: { toAddress: true, subject: true, textBody: true, purpose: true } });
}

describe("email reminders", () => {
  it("on 2026-01-05: the 2025 certification overdue, the 2026 one due soon (homeowner and assigned staff), December's statement; each once", async () => {
    const { organisation, staff, a, b } = await setup();
    const event = await storedEventFor(db(), systemActor(organisation.id), a.lease.id, "occupancy_certification:2026");
    if (!event.ok) throw new Error(event.message);
    await db().monitoringEvent.update({ where: { id: event.id }, data: { assignedToId: staff.user.id } });

    expect(await queueDueReminders(db(), organisation.id, "2026-01-05", BASE)).toEqual({ queued: 6 });
    const mail = await outbox(organisation.id);
    // A: 2025-01-15 overdue; 2026-01-15 in 10 days (≤ 14) due soon, to Grace and to Sam (assigned); December statement.
    // B: 2025-03-01 overdue; 2026-03-01 is 55 days away (not yet); December statement.
    expect(mail.map((m) => [m.toAddress, m.subject])).toEqual(
      [
        [a.owner.user.email, "Due January 15, 2026: your annual occupancy certification"],
        [a.owner.user.email, "Overdue: your annual occupancy certification (due January 15, 2025)"],
        [a.owner.user.email, "Your lease-fee statement for December 2025 is ready"],
        [b.owner.user.email, "Overdue: your annual occupancy certification (due March 1, 2025)"],
        [b.owner.user.email, "Your lease-fee statement for December 2025 is ready"],
        [staff.user.email, "Due January 15, 2026: annual occupancy certification — 12 Orchard Lane, Burlington"],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!) || x[1]!.localeCompare(y[1]!)),
    );
    const toGrace = mail.find((m) => m.toAddress === a.owner.user.email && m.subject.startsWith("Due"))!;
    expect(toGrace.textBody).toContain("12 Orchard Lane");
    expect(toGrace.textBody).toContain(`${BASE}/my-home`);
    expect(toGrace.purpose).toBe("reminder:certificationDueSoon");
    expect(mail.find((m) => m.toAddress === staff.user.email)!.textBody).toContain(`${BASE}/stewardship/events/${event.id}`);
    // nothing of A reaches B
    expect(mail.filter((m) => m.toAddress === b.owner.user.email).some((m) => m.textBody.includes("Orchard"))).toBe(false);

    // the next run, and the next day: nothing new (the same reminders are not sent again)
    expect(await queueDueReminders(db(), organisation.id, "2026-01-05", BASE)).toEqual({ queued: 0 });
    expect(await queueDueReminders(db(), organisation.id, "2026-01-06", BASE)).toEqual({ queued: 0 });
    expect(await db().emailMessage.count({ where: { organisationId: organisation.id } })).toBe(6);
  });

  it("two servers running at the same moment queue each reminder once", async () => {
    const { organisation } = await setup();
    const results = await Promise.all([queueDueReminders(db(), organisation.id, "2026-02-02", BASE), queueDueReminders(db(), organisation.id, "2026-02-02", BASE)]);
    // on 2026-02-02: A's 2025 and 2026 certifications overdue, B's 2025 overdue, January's statement for both = 5
    expect(results[0]!.queued + results[1]!.queued).toBe(5);
    expect(await db().emailMessage.count({ where: { organisationId: organisation.id } })).toBe(5);
    expect(await db().reminderSent.count({ where: { organisationId: organisation.id } })).toBe(5);
  });

  it("a resale case's deadline due within 7 days reminds the staff member who opened it", async () => {
    const { organisation, staff, a } = await setup();
    await db().lease.update({ where: { id: a.lease.id }, data: { priceNoticeDays: 30 } });
    await updateReminderSwitches(db(), systemActor(organisation.id), { ...ALL_ON, certificationOverdue: false, feeStatementReady: false }, 0);
    const staffActor = { organisationId: organisation.id, requestId: "", userId: staff.user.id, label: "Sam Steward" };
    await openTransferCase(db(), staffActor, { homeId: a.home.id, kind: "sale", noticeDate: "2025-12-10", noticeMethod: "mail" }, "2025-12-10");
    // the price notice is due 30 days after 2025-12-10 = 2026-01-09: on 2026-01-05 that is 4 days away (≤ 7)
    await queueDueReminders(db(), organisation.id, "2026-01-05", BASE);
    const mail = await outbox(organisation.id);
    expect(mail.filter((m) => m.purpose === "reminder:caseDeadline").map((m) => [m.toAddress, m.subject])).toEqual([
      // the case names the home as the resale pages do: street and parcel number
      [staff.user.email, expect.stringMatching(/^Resale case deadline January 9, 2026: Formula price sent to the homeowner — 12 Orchard Lane \(APN APN-/)],
    ]);
    // the switched-off kinds were not sent; the certification due soon (2026-01-15) still was
    expect(mail.some((m) => m.purpose === "reminder:certificationOverdue" || m.purpose === "reminder:feeStatementReady")).toBe(false);
    expect(mail.some((m) => m.purpose === "reminder:certificationDueSoon")).toBe(true);
  });

  it("Settings → Reminders: an admin switches kinds off; a stale form is refused; others may not", async () => {
    const { organisation, admin, staff } = await setup();
    const cookie = await sessionCookieFor(admin.id, organisation.id);
    const saved = await unwrap(await run(settingsAction, postRequest("/settings/reminders", { version: "0", certificationDueSoon: "on", insuranceDueSoon: "on", caseDeadline: "on" }, { cookie })));
    expect(saved.status).toBe(302);
    expect(await reminderSwitches(db(), organisation.id)).toEqual({ certificationDueSoon: true, certificationOverdue: false, insuranceDueSoon: true, insuranceOverdue: false, feeStatementReady: false, caseDeadline: true, version: 1 });
    const stale = await unwrap(await run(settingsAction, postRequest("/settings/reminders", { version: "0" }, { cookie })));
    expect(stale.status).toBe(409);
    expect((await reminderSwitches(db(), organisation.id)).version).toBe(1);
    const staffCookie = await sessionCookieFor(staff.user.id, organisation.id);
    expect(((await run(settingsAction, postRequest("/settings/reminders", { version: "1" }, { cookie: staffCookie }))) as Response).status).toBe(403);
  });
});
