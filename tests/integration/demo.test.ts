import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { demoCoherenceProblems } from "~/modules/demo/demo-coherence";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { createOrganisation } from "~/modules/demo/organisations";

describe("the demo trust (issue 8 §4: the demo is coherent)", () => {
  it("gives every current owner a binding lease, and every ended lease its sale", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const owners = await db().ownership.count({ where: { organisationId: organisation.id, saleDate: null } });
    const ended = await db().lease.count({ where: { organisationId: organisation.id, status: "ended" } });
    expect(owners).toBeGreaterThan(5);
    expect(ended).toBeGreaterThan(0);
    expect(await demoCoherenceProblems(db(), organisation.id)).toEqual([]);
    // the rule is not vacuous: an owner without a lease is reported
    const leaseless = await db().ownership.findFirstOrThrow({ where: { organisationId: organisation.id, saleDate: null }, include: { household: true } });
    await db().lease.updateMany({ where: { homeId: leaseless.homeId, householdId: leaseless.householdId }, data: { status: "draft", bindingHomeId: null } });
    expect(await demoCoherenceProblems(db(), organisation.id)).toEqual([`${leaseless.household.name} owns a home without a binding lease on it`]);
  });
});
