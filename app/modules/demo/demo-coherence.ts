import { systemActor } from "~/modules/audit/audit.server";
import { BINDING_STATUSES, createLease as createLeaseRecord } from "~/modules/leases/leases.server";
import type { Db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "./formula-presets";
import { advanceLease, leaseValues, SAMPLE_LEGAL_DESCRIPTION } from "./leases";

/**
 * Makes the demo tell one coherent story (issue 8 §4), after the ownerships and the showcase leases are seeded:
 * - every current owner holds a binding lease (executed, recorded or active) on the home they own: an owner
 *   without one gets an active lease that commenced on their purchase date, listing their purchase mortgage
 *   (linked to the purchase, recorded once) as its permitted mortgage;
 * - an ended lease has its sale: the former homeowner's ownership of that home, sold on the day the lease
 *   ended.
 * `demoCoherenceProblems` states the same rules, for the test that checks the seeded demo.
 */
export async function seedDemoCoherence(db: Db, organisationId: string): Promise<void> {
  const actor = systemActor(organisationId, "Demo seed");
  const presets = await seedDemoFormulaPresets(db, organisationId);
  const owners = await db.ownership.findMany({
    where: { organisationId, saleDate: null },
    orderBy: { purchaseDate: "asc" },
    include: { home: { include: { parcel: true } }, household: { include: { members: { orderBy: { createdAt: "asc" } } } } },
  });
  for (const ownership of owners) {
    const binding = await db.lease.count({ where: { organisationId, homeId: ownership.homeId, householdId: ownership.householdId, status: { in: BINDING_STATUSES } } });
    if (binding > 0) continue;
    if (!ownership.home.parcel.legalDescription.trim()) {
      await db.parcel.update({ where: { id: ownership.home.parcelId }, data: { legalDescription: SAMPLE_LEGAL_DESCRIPTION } });
    }
    const members = ownership.household.members;
    const result = await createLeaseRecord(
      db,
      actor,
      leaseValues({
        homeId: ownership.homeId,
        householdId: ownership.householdId,
        lesseeNames: members.length ? members.slice(0, 2).map((m) => m.fullName) : [ownership.household.name],
        commencementDate: ownership.purchaseDate,
        monthlyFeeCents: 3500,
        formulaPresetName: presets[0]!.name,
        // the purchase mortgage is listed from the purchase (createLease links it): never typed twice
        mortgages: [],
      }),
      { today: ownership.purchaseDate },
    );
    if (!result.ok) throw new Error(`Demo lease for ${ownership.household.name} failed: ${JSON.stringify(result)}`);
    await advanceLease(db, actor, result.id, "active", { executionDate: ownership.purchaseDate });
  }
  const ended = await db.lease.findMany({ where: { organisationId, status: "ended" } });
  for (const lease of ended) {
    if (!lease.endedOn || !lease.commencementDate) continue;
    const sold = await db.ownership.count({ where: { organisationId, homeId: lease.homeId, householdId: lease.householdId, saleDate: lease.endedOn } });
    if (sold > 0) continue;
    // the former homeowner's purchase when the lease commenced, and the sale when it ended (a past record)
    await db.ownership.create({
      data: {
        organisationId,
        homeId: lease.homeId,
        householdId: lease.householdId,
        purchaseDate: lease.commencementDate,
        purchasePriceCents: 11_800_000,
        saleDate: lease.endedOn,
        salePriceCents: 13_050_000,
      },
    });
  }
}

/** What breaks the demo's story, in words; empty when every rule holds. */
export async function demoCoherenceProblems(db: Db, organisationId: string): Promise<string[]> {
  const problems: string[] = [];
  const owners = await db.ownership.findMany({ where: { organisationId, saleDate: null }, include: { household: true } });
  for (const ownership of owners) {
    const binding = await db.lease.count({ where: { organisationId, homeId: ownership.homeId, householdId: ownership.householdId, status: { in: BINDING_STATUSES } } });
    if (binding === 0) problems.push(`${ownership.household.name} owns a home without a binding lease on it`);
  }
  const ended = await db.lease.findMany({ where: { organisationId, status: "ended" } });
  for (const lease of ended) {
    const sold = await db.ownership.count({ where: { organisationId, homeId: lease.homeId, householdId: lease.householdId, saleDate: lease.endedOn } });
    if (sold === 0) problems.push(`Lease ${lease.reference} ended on ${lease.endedOn} without a sale of the home by its lessee on that day`);
  }
  return problems;
}
