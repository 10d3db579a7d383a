import { describe, expect, it } from "vitest";
import { approvedPeriods } from "~/modules/stewardship-decisions/requests.server";
import { action as newRequestAction, loader as newRequestLoader } from "~/routes/leases.$leaseId.requests.new";
import { action as decideAction } from "~/routes/stewardship.requests.$requestId";
import { db } from "~/utils/db.server";
import { completeOrganisation, createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Issue 10: leave of absence, renting and short-sale requests carry an approved period whose end the calendar follows. */

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const lease = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2024-01-15" } });
  return { organisation, lease, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function ask(ctx: { lease: { id: string }; cookie: string }, form: Record<string, string>) {
  return unwrap(await run(newRequestAction, postRequest(`/leases/${ctx.lease.id}/requests/new`, { receivedOn: "2026-11-02", reason: "Caring for a parent out of state", ...form }, { cookie: ctx.cookie }), { leaseId: ctx.lease.id }));
}

async function decide(cookie: string, requestId: string, form: Record<string, string>) {
  const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id: requestId } });
  return unwrap(await run(decideAction, postRequest(`/stewardship/requests/${requestId}`, { version: String(row.version), decidedOn: "2026-11-20", ...form }, { cookie }), { requestId }));
}

describe("leave of absence, renting and short-sale requests", () => {
  it("a leave of absence approved for a shorter period: the calendar follows the approved end date", async () => {
    const ctx = await setup();
    const page = await unwrap(await run(newRequestLoader, getRequest(`/leases/${ctx.lease.id}/requests/new?kind=leave-of-absence`, ctx.cookie), { leaseId: ctx.lease.id }));
    expect((page.body as { kind: string }).kind).toBe("leave-of-absence");
    const asked = await ask(ctx, { kind: "leave-of-absence", periodStart: "2027-01-01", periodEnd: "2027-06-30" });
    expect(asked.status).toBe(302);
    const id = asked.headers.get("Location")!.split("/").at(-1)!;
    expect(await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: "leave-of-absence", status: "pending", periodStart: "2027-01-01", periodEnd: "2027-06-30" });
    expect(await approvedPeriods(db(), ctx.organisation.id, { asOf: "2027-02-01" })).toEqual([]);
    const backwards = await decide(ctx.cookie, id, { intent: "approve", periodStart: "2027-01-01", periodEnd: "2026-12-31" });
    expect(backwards.status).toBe(400);
    expect((await decide(ctx.cookie, id, { intent: "approve", periodStart: "2027-01-01", periodEnd: "2027-05-31" })).status).toBe(302);
    const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "approved", periodStart: "2027-01-01", periodEnd: "2027-05-31", decidedOn: "2026-11-20" });
    expect((row.details as { requestedEnd: string }).requestedEnd).toBe("2027-06-30");
    const during = await approvedPeriods(db(), ctx.organisation.id, { asOf: "2027-02-01" });
    expect(during.map((p) => [p.kind, p.leaseReference, p.periodEnd, p.state])).toEqual([["leave-of-absence", ctx.lease.reference, "2027-05-31", "current"]]);
    expect((await approvedPeriods(db(), ctx.organisation.id, { asOf: "2027-06-01" }))[0]!.state).toBe("ended");
    expect((await approvedPeriods(db(), ctx.organisation.id, { asOf: "2026-12-31" }))[0]!.state).toBe("upcoming");
  });

  it("renting: an end before the start is refused next to the field; approved as asked when no period is given", async () => {
    const ctx = await setup();
    const bad = await ask(ctx, { kind: "rental", periodStart: "2027-03-01", periodEnd: "2027-02-28", party: "A. Tenant" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { error: Record<string, string[]> }).error)).toEqual(["periodEnd"]);
    expect(await db().stewardshipRequest.count({ where: { organisationId: ctx.organisation.id } })).toBe(0);
    const asked = await ask(ctx, { kind: "rental", periodStart: "2027-03-01", periodEnd: "2028-02-29", party: "A. Tenant" });
    const id = asked.headers.get("Location")!.split("/").at(-1)!;
    expect((await decide(ctx.cookie, id, { intent: "approve" })).status).toBe(302);
    expect(await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "approved", periodStart: "2027-03-01", periodEnd: "2028-02-29" });
  });

  it("a short sale needs the price offered; a refusal keeps its reason and puts nothing on the calendar", async () => {
    const ctx = await setup();
    const noPrice = await ask(ctx, { kind: "short-sale", periodStart: "2026-12-01", periodEnd: "2027-03-01", party: "Green Mountain Community Bank" });
    expect(noPrice.status).toBe(400);
    expect(Object.keys((noPrice.body as { error: Record<string, string[]> }).error)).toEqual(["priceCents"]);
    const asked = await ask(ctx, { kind: "short-sale", periodStart: "2026-12-01", periodEnd: "2027-03-01", party: "Green Mountain Community Bank", priceCents: "139,000" });
    const id = asked.headers.get("Location")!.split("/").at(-1)!;
    expect((await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).details).toMatchObject({ priceCents: 13_900_000, party: "Green Mountain Community Bank" });
    expect((await decide(ctx.cookie, id, { intent: "refuse", note: "The trust will exercise its purchase option instead." })).status).toBe(302);
    expect(await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "refused", decisionNote: "The trust will exercise its purchase option instead." });
    expect(await approvedPeriods(db(), ctx.organisation.id, { asOf: "2027-01-01" })).toEqual([]);
  });
});
