import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import { transitionLease } from "~/modules/leases/leases.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { createLease, createLeasableHome } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";

/** Rules that must hold even when two requests arrive at the same moment: the database enforces them. */
describe("one current owner and one binding lease per home", () => {
  it("of two simultaneous purchases of one home, exactly one succeeds", async () => {
    const { organisation } = await createOrganisation(db());
    const actor = systemActor(organisation.id, "Test");
    const { home } = await createLeasableHome(db(), organisation.id);
    const buyers = await Promise.all(
      ["Ortiz household", "Bauer household"].map((name) => db().household.create({ data: { organisationId: organisation.id, name } })),
    );
    const purchase = PurchaseSchema.parse({ homeId: home.id, purchasePrice: "160000", purchaseDate: "2025-04-01" });
    const results = await Promise.all(buyers.map((buyer) => recordPurchase(db(), actor, buyer.id, purchase)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, field: "homeId" });
    expect(await db().ownership.count({ where: { homeId: home.id, saleDate: null } })).toBe(1);
  });

  it("the database itself refuses a second current ownership of a home", async () => {
    const { organisation } = await createOrganisation(db());
    const { home, household } = await createLeasableHome(db(), organisation.id, { purchasePriceCents: 15_000_000 });
    const second = db().ownership.create({
      data: { organisationId: organisation.id, homeId: home.id, currentHomeId: home.id, householdId: household.id, purchasePriceCents: 1, purchaseDate: "2025-01-01" },
    });
    await expect(second).rejects.toSatisfy(isUniqueViolation);
  });

  it("of two draft leases of one home executed at the same moment, exactly one becomes binding", async () => {
    const { organisation } = await createOrganisation(db());
    const actor = systemActor(organisation.id, "Test");
    const first = await createLease(db(), organisation.id);
    const second = await createLease(db(), organisation.id, { homeId: first.homeId, householdId: first.householdId });
    const execute = (lease: { id: string; version: number }) =>
      transitionLease(db(), actor, lease.id, { intent: "transition", to: "executed", version: lease.version, executionDate: "2025-01-01" });
    const results = await Promise.all([execute(first), execute(second)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.formErrors?.[0]).toMatch(/already has .*lease/);
    expect(await db().lease.count({ where: { homeId: first.homeId, status: "executed" } })).toBe(1);
  });
});
