import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { loader as calendarLoader } from "~/routes/stewardship._index";
import { action as eventAction, loader as eventLoader } from "~/routes/stewardship.events.$eventId";
import { action as scheduledAction, loader as scheduledLoader } from "~/routes/stewardship.scheduled.$leaseId.$scheduleKey";
import { action as letterAction } from "~/routes/stewardship.letter";
import { loader as homeLoader } from "~/routes/_index";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The stewardship pages through their loaders and actions (SQLite and PostgreSQL): the calendar, a certification
 * cycle (the homeowner submits the scheduled 2026 certification, staff resolve it), a refused resolution, and
 * one-click letters read back with pdftotext. "Today" is the real date: the lease commenced on 2024-01-15, so its
 * 2025 and 2026 certifications are both past their grace periods whenever these tests run (after 2026-01-29).
 */

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "letter-pdf-"));
  const file = join(dir, "letter.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const made = await createLeasableHome(db(), organisation.id, { streetAddress: "12 Alder Lane", members: ["Ana Lima", "Jordan Reyes"] });
  const lease = await createLease(db(), organisation.id, { status: "active", homeId: made.home.id, householdId: made.household.id, values: { commencementDate: "2024-01-15", nonMonetaryCureDays: 45, lesseeNames: ["Ana Lima", "Jordan Reyes"] } });
  const staffCookie = await sessionCookieFor(user.id, organisation.id);
  const owner = await createMember(db(), organisation.id, "homeowner", { householdId: lease.householdId });
  const ownerCookie = await sessionCookieFor(owner.user.id, organisation.id);
  return { organisation, user, lease, staffCookie, ownerCookie };
}

describe("the compliance calendar page", () => {
  it("groups the lease's events as of a date: on 2026-02-02 the 2026 certification and tax proof are delinquent, the 2025 ones too", async () => {
    const { lease, staffCookie } = await setup();
    const page = (await unwrap(await run(calendarLoader, getRequest("/stewardship?asOf=2026-02-02", staffCookie)))).body as {
      summary: Record<string, number>;
      groups: Record<string, { leaseId: string; type: string; dueDate: string }[]>;
    };
    expect(page.summary).toEqual({ dueThisMonth: 0, overdue: 0, delinquent: 4, submitted: 0 });
    expect(page.groups.delinquent!.map((i) => [i.leaseId, i.type, i.dueDate])).toEqual([
      [lease.id, "occupancy_certification", "2025-01-15"],
      [lease.id, "property_tax_proof", "2025-01-15"],
      [lease.id, "occupancy_certification", "2026-01-15"],
      [lease.id, "property_tax_proof", "2026-01-15"],
    ]);
    const january = (await unwrap(await run(calendarLoader, getRequest("/stewardship?asOf=2026-01-20&type=occupancy_certification", staffCookie)))).body as typeof page;
    expect(january.groups.overdue!.map((i) => i.dueDate)).toEqual(["2026-01-15"]);
    expect(january.groups.delinquent!.map((i) => i.dueDate)).toEqual(["2025-01-15"]);
  });

  it("is for staff and viewers, not homeowners", async () => {
    const { ownerCookie } = await setup();
    expect((await unwrap(await run(calendarLoader, getRequest("/stewardship", ownerCookie)))).status).toBe(403);
  });
});

describe("a certification cycle", () => {
  it("the homeowner submits the scheduled 2026 certification with proof; staff resolve it; it is stored once and audited", async () => {
    const { organisation, lease, staffCookie, ownerCookie } = await setup();
    const key = "occupancy_certification:2026";
    const params = { leaseId: lease.id, scheduleKey: key };
    const scheduled = (await unwrap(await run(scheduledLoader, getRequest(`/stewardship/scheduled/${lease.id}/${key}`, ownerCookie), params))).body as { event: { status: string; dueDate: string; id: null } };
    expect(scheduled.event).toMatchObject({ id: null, status: "delinquent", dueDate: "2026-01-15" });

    const submitted = await unwrap(await run(scheduledAction, postRequest(`/stewardship/scheduled/${lease.id}/${key}`, { intent: "submit", version: "1", submittedOn: "2026-02-03", notes: "Certification signed" }, { cookie: ownerCookie }), params));
    expect(submitted.status).toBe(302);
    const event = await db().monitoringEvent.findFirstOrThrow({ where: { organisationId: organisation.id, leaseId: lease.id, scheduleKey: key } });
    expect(submitted.headers.get("Location")).toBe(`/stewardship/events/${event.id}`);
    expect(event).toMatchObject({ status: "submitted", submittedOn: "2026-02-03", version: 2 });
    // the scheduled page now leads to the stored event
    const again = await unwrap(await run(scheduledLoader, getRequest(`/stewardship/scheduled/${lease.id}/${key}`, staffCookie), params));
    expect(again.headers.get("Location")).toBe(`/stewardship/events/${event.id}`);

    // a homeowner may not resolve
    expect((await unwrap(await run(eventAction, postRequest(`/stewardship/events/${event.id}`, { intent: "resolve", version: "2", resolvedOn: "2026-02-04", resolution: "ok" }, { cookie: ownerCookie }), { eventId: event.id }))).status).toBe(403);
    // staff: a resolution is required, said next to the field, nothing changed
    const missing = await unwrap(await run(eventAction, postRequest(`/stewardship/events/${event.id}`, { intent: "resolve", version: "2", resolvedOn: "2026-02-04", resolution: "" }, { cookie: staffCookie }), { eventId: event.id }));
    expect(missing).toMatchObject({ status: 400, body: { intent: "resolve", fieldErrors: { resolution: ["Say how it was resolved"] } } });
    expect((await db().monitoringEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("submitted");
    const resolved = await unwrap(await run(eventAction, postRequest(`/stewardship/events/${event.id}`, { intent: "resolve", version: "2", resolvedOn: "2026-02-04", resolution: "Owner-occupied: verified" }, { cookie: staffCookie }), { eventId: event.id }));
    expect(resolved.status).toBe(302);
    const page = (await unwrap(await run(eventLoader, getRequest(`/stewardship/events/${event.id}`, ownerCookie), { eventId: event.id }))).body as { event: { status: string; resolution: string } };
    expect(page.event).toMatchObject({ status: "resolved", resolution: "Owner-occupied: verified" });
    const audit = await db().auditEntry.findMany({ where: { organisationId: organisation.id, entity: "MonitoringEvent", entityId: event.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "transition", "transition"]);
    expect(await db().monitoringEvent.count({ where: { organisationId: organisation.id, scheduleKey: key } })).toBe(1);
  });

  it("a neighbour homeowner cannot see or act on the event", async () => {
    const { organisation, lease } = await setup();
    const other = await createLease(db(), organisation.id, { status: "active" });
    const neighbour = await createMember(db(), organisation.id, "homeowner", { householdId: other.householdId });
    const cookie = await sessionCookieFor(neighbour.user.id, organisation.id);
    const params = { leaseId: lease.id, scheduleKey: "occupancy_certification:2026" };
    expect((await unwrap(await run(scheduledLoader, getRequest("/x", cookie), params))).status).toBe(404);
    expect((await unwrap(await run(scheduledAction, postRequest("/x", { intent: "submit", version: "1", submittedOn: "2026-02-03" }, { cookie }), params))).status).toBe(404);
    expect(await db().monitoringEvent.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe("one-click letters", () => {
  it("a certification request and a past-due notice as PDFs, each filed on the event; the notice quotes the lease's own cure period", async () => {
    const { organisation, lease, staffCookie } = await setup();
    const request = await run(letterAction, postRequest("/stewardship/letter", { kind: "certification-request", leaseId: lease.id, scheduleKey: "occupancy_certification:2026" }, { cookie: staffCookie }));
    expect(request).toBeInstanceOf(Response);
    expect((request as Response).headers.get("Content-Type")).toBe("application/pdf");
    const requestText = pdfText(Buffer.from(await (request as Response).arrayBuffer()));
    expect(requestText).toContain("Request for annual owner-occupancy certification");
    expect(requestText).toContain("Dear Ana Lima and Jordan Reyes:");
    // produced after the due date (the tests run after 2026-01-15): it says so and gives two weeks
    expect(requestText).toContain("It was due on January 15, 2026; please send it by");
    expect(requestText).toContain("ground lease " + lease.reference);

    const event = await db().monitoringEvent.findFirstOrThrow({ where: { organisationId: organisation.id, leaseId: lease.id, scheduleKey: "occupancy_certification:2026" } });
    const notice = await run(letterAction, postRequest("/stewardship/letter", { kind: "past-due-notice", eventId: event.id }, { cookie: staffCookie }));
    const noticeText = pdfText(Buffer.from(await (notice as Response).arrayBuffer()));
    expect(noticeText).toContain("Notice: annual owner-occupancy certification past due");
    expect(noticeText).toContain("was due on January 15, 2026");
    expect(noticeText).toContain("the 14-day grace period ended on January 29, 2026");
    expect(noticeText).toContain("The lease then allows 45 days from that notice to cure the default.");

    const filed = await listDocuments(db(), organisation.id, { ownerType: "monitoring_event", ownerId: event.id });
    expect(filed.map((d) => [d.category, d.contentType, d.name.startsWith("Past-due notice") || d.name.startsWith("Certification request")])).toEqual([
      ["letter", "application/pdf", true],
      ["letter", "application/pdf", true],
    ]);
    expect(await db().monitoringEvent.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("refuses a letter the event cannot have", async () => {
    const { lease, staffCookie } = await setup();
    const refused = await unwrap(await run(letterAction, postRequest("/stewardship/letter", { kind: "past-due-notice", leaseId: lease.id, scheduleKey: "occupancy_certification:2024" }, { cookie: staffCookie })));
    expect(refused.status).toBe(404);
    const badKind = await unwrap(await run(letterAction, postRequest("/stewardship/letter", { kind: "eviction", leaseId: lease.id }, { cookie: staffCookie })));
    expect(badKind.status).toBe(400);
  });
});

describe("the dashboard", () => {
  it("shows the stewardship counts", async () => {
    const { staffCookie } = await setup();
    const home = (await unwrap(await run(homeLoader, getRequest("/", staffCookie)))).body as { stewardship: { delinquent: number } };
    // as of the real today (after 2026-01-29): at least the 2025 and 2026 certification and tax proof
    expect(home.stewardship.delinquent).toBeGreaterThanOrEqual(4);
  });
});
