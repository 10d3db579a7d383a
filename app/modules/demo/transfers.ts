import { systemActor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { createLease, createLeasableHome } from "./leases";

/** A home owned since `purchaseDate` under an active lease with the given formula preset (resale case tests, the demo). */
export async function createHomeUnderLease(
  db: Db,
  organisationId: string,
  options: { presetName?: string; purchasePriceCents?: number; purchaseDate?: string; mortgageAmountCents?: number; streetAddress?: string; members?: string[]; leaseCommencementDate?: string } = {},
) {
  const { home, household, parcel, members } = await createLeasableHome(db, organisationId, { streetAddress: options.streetAddress, members: options.members });
  const purchaseDate = options.purchaseDate ?? "2020-06-15";
  const ownership = await db.ownership.create({
    data: {
      organisationId,
      homeId: home.id,
      currentHomeId: home.id,
      householdId: household.id,
      purchasePriceCents: options.purchasePriceCents ?? 20_000_000,
      purchaseDate,
      mortgageAmountCents: options.mortgageAmountCents ?? null,
    },
  });
  const lease = await createLease(db, organisationId, {
    status: "active",
    homeId: home.id,
    householdId: household.id,
    presetName: options.presetName,
    values: { commencementDate: options.leaseCommencementDate ?? purchaseDate, lesseeNames: members },
    today: options.leaseCommencementDate ?? purchaseDate,
  });
  return { home, household, parcel, ownership, lease, actor: systemActor(organisationId, "Test") };
}
