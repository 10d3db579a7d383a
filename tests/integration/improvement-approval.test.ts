import { describe, expect, it } from "vitest";
import { resaleInputsForHome } from "~/modules/home-inputs/home-inputs.server";
import { action as newRequestAction } from "~/routes/leases.$leaseId.requests.new";
import { action as decideAction } from "~/routes/stewardship.requests.$requestId";
import { db } from "~/utils/db.server";
import { completeOrganisation, createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Issue 10: an improvement approval creates the home's approved improvement, with the lease's credit terms, which the resale inputs read. */
describe("improvement approval", () => {
  it("an approved improvement appears in the home's resale inputs; a refused one does not", async () => {
    const { organisation, user } = await createOrganisation(db());
    await completeOrganisation(db(), organisation.id);
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const lease = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2024-01-15" } });
    const ask = async (form: Record<string, string>) =>
      unwrap(await run(newRequestAction, postRequest(`/leases/${lease.id}/requests/new`, { kind: "improvement", receivedOn: "2026-11-02", ...form }, { cookie }), { leaseId: lease.id }));
    const bad = await ask({ description: "", costCents: "0", completedOn: "2027-02-30" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { error: Record<string, string[]> }).error).sort()).toEqual(["completedOn", "costCents", "description"]);
    const asked = await ask({ description: "Replace the roof", costCents: "12,400", completedOn: "2026-12-15" });
    expect(asked.status).toBe(302);
    const id = asked.headers.get("Location")!.split("/").at(-1)!;
    const other = await ask({ description: "Hot tub", costCents: "9,000", completedOn: "2026-12-20" });
    const otherId = other.headers.get("Location")!.split("/").at(-1)!;
    const decide = async (requestId: string, form: Record<string, string>) => {
      const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id: requestId } });
      return unwrap(await run(decideAction, postRequest(`/stewardship/requests/${requestId}`, { version: String(row.version), decidedOn: "2026-11-20", ...form }, { cookie }), { requestId }));
    };
    expect((await decide(id, { intent: "approve" })).status).toBe(302);
    expect((await decide(otherId, { intent: "refuse", note: "Not a capital improvement under the lease." })).status).toBe(302);
    const improvements = await db().approvedImprovement.findMany({ where: { organisationId: organisation.id } });
    expect(improvements).toHaveLength(1);
    expect(improvements[0]).toMatchObject({ homeId: lease.homeId, description: "Replace the roof", costCents: 1_240_000n, approvedOn: "2026-11-20", completedOn: "2026-12-15" });
    // the credit terms are the lease's frozen formula's, in words
    expect(improvements[0]!.creditTerms).toMatch(/improvements/i);
    expect(improvements[0]!.source).toContain(lease.reference);
    const inputs = await resaleInputsForHome(db(), organisation.id, lease.homeId, { purchaseDate: "2024-01-15", valuationDate: "2027-06-01" });
    expect(JSON.stringify(inputs.improvements)).toContain("12400.00");
    expect(JSON.stringify(inputs.improvements)).not.toContain("9000.00");
  });
});
