/**
 * Permitted mortgages, data access: the link between a purchase's mortgage and the leases of that home and
 * household (app/modules/mortgages/permitted-mortgages.ts has the rules). Scoped to the organisation; callers
 * run these inside their own audited transaction.
 */
import type { Db, Tx } from "~/utils/db.server";
import { fromDbCents } from "~/utils/cents";
import type { FormulaPriceBasis } from "./permitted-mortgages";

/** Leases that list the purchase mortgage of their household's purchase: every lease not ended or assigned. */
const LINKABLE_STATUSES = ["draft", "executed", "recorded", "active"] as const;

/** The household's current purchase of the home (no sale yet), if any. */
export async function currentPurchase(db: Db | Tx, organisationId: string, homeId: string, householdId: string) {
  return db.ownership.findFirst({ where: { organisationId, homeId, householdId, saleDate: null } });
}

/** The formula price at the lease's start: the household's purchase price of the home (null when not bought yet). */
export async function purchaseFormulaPrice(db: Db | Tx, organisationId: string, homeId: string, householdId: string): Promise<FormulaPriceBasis | null> {
  const purchase = await currentPurchase(db, organisationId, homeId, householdId);
  return purchase ? { cents: fromDbCents(purchase.purchasePriceCents), source: `the purchase price on ${purchase.purchaseDate}` } : null;
}

/**
 * Lists the purchase mortgage on the lease (linked to the purchase, lender and amount copied from it), when
 * the lease's household has bought the home with a mortgage and the lease does not list it yet. Returns the
 * row created, or null.
 */
export async function linkPurchaseMortgage(tx: Tx, organisationId: string, leaseId: string) {
  const lease = await tx.lease.findFirst({ where: { id: leaseId, organisationId }, select: { homeId: true, householdId: true, status: true } });
  if (!lease || !(LINKABLE_STATUSES as readonly string[]).includes(lease.status)) return null;
  const purchase = await currentPurchase(tx, organisationId, lease.homeId, lease.householdId);
  if (!purchase || purchase.mortgageAmountCents === null || !purchase.mortgageLender.trim()) return null;
  const existing = await tx.permittedMortgage.findFirst({ where: { organisationId, leaseId, ownershipId: purchase.id } });
  if (existing) return null;
  return tx.permittedMortgage.create({
    data: { organisationId, leaseId, ownershipId: purchase.id, lender: purchase.mortgageLender, amountCents: purchase.mortgageAmountCents, recordedOn: purchase.purchaseDate },
  });
}

/** After a purchase: lists its mortgage on every lease of that home and household not ended. Returns how many. */
export async function linkPurchaseMortgageToLeases(tx: Tx, organisationId: string, ownershipId: string): Promise<number> {
  const purchase = await tx.ownership.findFirst({ where: { id: ownershipId, organisationId } });
  if (!purchase) return 0;
  const leases = await tx.lease.findMany({
    where: { organisationId, homeId: purchase.homeId, householdId: purchase.householdId, status: { in: [...LINKABLE_STATUSES] } },
    select: { id: true },
  });
  let linked = 0;
  for (const lease of leases) if (await linkPurchaseMortgage(tx, organisationId, lease.id)) linked++;
  return linked;
}

/** The newest saved resale calculation of the home (latest valuation date, then latest saved). */
export async function latestCalculation(db: Db | Tx, organisationId: string, homeId: string) {
  const calculation = await db.resaleCalculation.findFirst({
    where: { organisationId, homeId },
    orderBy: [{ valuationDate: "desc" }, { createdAt: "desc" }],
    select: { id: true, valuationDate: true, maxResalePriceCents: true, presetName: true, createdAt: true },
  });
  return calculation ? { ...calculation, maxResalePriceCents: fromDbCents(calculation.maxResalePriceCents) } : null;
}

/**
 * The formula price a new permitted mortgage is held to: the maximum resale price of the home's newest saved
 * calculation, or before any, the household's purchase price.
 */
export async function currentFormulaPrice(db: Db | Tx, organisationId: string, lease: { homeId: string; householdId: string }): Promise<FormulaPriceBasis | null> {
  const calculation = await latestCalculation(db, organisationId, lease.homeId);
  if (calculation) return { cents: calculation.maxResalePriceCents, source: `the maximum resale price of the calculation valued ${calculation.valuationDate}` };
  return purchaseFormulaPrice(db, organisationId, lease.homeId, lease.householdId);
}
