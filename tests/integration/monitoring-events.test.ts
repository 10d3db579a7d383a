import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { changeEventStatus, createMonitoringEvent, getMonitoringEvent, listMonitoringEvents } from "~/modules/stewardship/events.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";

/** Monitoring events on a real database (SQLite and PostgreSQL): recorded on a lease, moved open → submitted → resolved, audited, scoped. */

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const actor = { ...systemActor(organisation.id, "Dana Staff"), userId: user.id };
  const lease = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2024-01-15" } });
  return { organisation, user, actor, lease };
}

describe("monitoring events", () => {
  it("are recorded on a lease with its home and household, then submitted and resolved, each step audited", async () => {
    const { organisation, user, actor, lease } = await setup();
    const created = await createMonitoringEvent(db(), actor, { leaseId: lease.id, type: "occupancy_certification", subject: "", dueDate: "2025-01-15", notes: "Yearly certification", assignedToId: user.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const staffView = { organisationId: organisation.id, role: "staff" as const, householdId: null };
    const event = await getMonitoringEvent(db(), staffView, created.id);
    expect(event).toMatchObject({ homeId: lease.homeId, householdId: lease.householdId, leaseId: lease.id, status: "open", dueDate: "2025-01-15", assignedToId: user.id, version: 1 });

    expect(await changeEventStatus(db(), actor, created.id, { to: "submitted", version: 1, submittedOn: "2025-01-10", notes: "Signed certification and a utility bill received" })).toEqual({ ok: true });
    expect(await changeEventStatus(db(), actor, created.id, { to: "resolved", version: 2, resolvedOn: "2025-01-09", resolution: "Verified" })).toEqual({
      ok: false,
      status: 400,
      field: "resolvedOn",
      message: "It cannot be resolved before it was submitted (2025-01-10).",
    });
    expect(await changeEventStatus(db(), actor, created.id, { to: "resolved", version: 2, resolvedOn: "2025-01-20", resolution: "Owner-occupied: verified" })).toEqual({ ok: true });
    const resolved = await getMonitoringEvent(db(), staffView, created.id);
    expect(resolved).toMatchObject({ status: "resolved", submittedOn: "2025-01-10", resolvedOn: "2025-01-20", resolution: "Owner-occupied: verified", notes: "Yearly certification\n\nSigned certification and a utility bill received", version: 3 });

    const audit = await db().auditEntry.findMany({ where: { organisationId: organisation.id, entity: "MonitoringEvent", entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "transition", "transition"]);
    expect(await changeEventStatus(db(), actor, created.id, { to: "open", version: 3, notes: "again" })).toEqual({ ok: false, status: 400, message: "A resolved event cannot be marked open." });
  });

  it("refuse a change made over a stale version", async () => {
    const { actor, lease } = await setup();
    const created = await createMonitoringEvent(db(), actor, { leaseId: lease.id, type: "insurance_proof", subject: "", dueDate: "2025-06-30", notes: "", assignedToId: null });
    if (!created.ok) throw new Error("create");
    await changeEventStatus(db(), actor, created.id, { to: "submitted", version: 1, submittedOn: "2025-06-01", notes: "" });
    await expect(changeEventStatus(db(), actor, created.id, { to: "resolved", version: 1, resolvedOn: "2025-06-02", resolution: "ok" })).rejects.toBeInstanceOf(StaleRecordError);
  });

  it("refuse a lease or staff member of another trust", async () => {
    const { actor, lease } = await setup();
    const other = await createOrganisation(db());
    expect(await createMonitoringEvent(db(), systemActor(other.organisation.id), { leaseId: lease.id, type: "other", subject: "", dueDate: "2025-01-01", notes: "", assignedToId: null })).toEqual({
      ok: false,
      fieldErrors: { leaseId: ["Choose a lease of this trust."] },
    });
    expect(await createMonitoringEvent(db(), actor, { leaseId: lease.id, type: "other", subject: "", dueDate: "2025-01-01", notes: "", assignedToId: other.user.id })).toEqual({
      ok: false,
      fieldErrors: { assignedToId: ["Choose a staff member of this trust."] },
    });
  });

  it("a homeowner sees only their own household's events; staff see all", async () => {
    const { organisation, actor, lease } = await setup();
    const neighbour = await createLease(db(), organisation.id, { status: "active" });
    const mine = await createMonitoringEvent(db(), actor, { leaseId: lease.id, type: "property_tax_proof", subject: "", dueDate: "2025-04-01", notes: "", assignedToId: null });
    const theirs = await createMonitoringEvent(db(), actor, { leaseId: neighbour.id, type: "property_tax_proof", subject: "", dueDate: "2025-04-01", notes: "", assignedToId: null });
    if (!mine.ok || !theirs.ok) throw new Error("create");
    const owner = { organisationId: organisation.id, role: "homeowner" as const, householdId: lease.householdId };
    expect((await listMonitoringEvents(db(), owner)).map((e) => e.id)).toEqual([mine.id]);
    expect(await getMonitoringEvent(db(), owner, theirs.id)).toBeNull();
    const staff = await createMember(db(), organisation.id, "staff");
    expect((await listMonitoringEvents(db(), { organisationId: organisation.id, role: staff.membership.role, householdId: null })).map((e) => e.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(await listMonitoringEvents(db(), { organisationId: organisation.id, role: "member", householdId: null })).toEqual([]);
  });
});
