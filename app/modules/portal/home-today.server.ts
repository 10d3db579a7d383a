/**
 * "Your home today" for the signed-in homeowner: the stored figures of their current home and binding lease,
 * fed to the pure calculation (home-today.ts). Only the homeowner's own household; null when they have no
 * current home with a signed lease.
 */
import type { Actor } from "~/modules/auth/session.server";
import { storedSpec } from "~/modules/formula-presets/formula-presets.server";
import { payoffFigure } from "~/modules/lease-fees/ledger.server";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import type { Db } from "~/utils/db.server";
import { homeToday, type StoredValuationInputs } from "./home-today";
import { ownHouseholdId } from "./my-home.server";

/**
 * The valuation inputs the trust has recorded for a home (appraisals, index values, approved improvements).
 * None are stored yet: the resale case work (session 9's home inputs) adds them; until then an appraisal- or
 * index-based formula is shown as missing its inputs.
 */
async function storedValuationInputs(_db: Db, _organisationId: string, _homeId: string): Promise<StoredValuationInputs> {
  return {};
}

export async function myHomeToday(db: Db, actor: Pick<Actor, "organisationId" | "role" | "householdId">, today: string, mortgagePayoffCents: number | null) {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return null;
  const ownership = await db.ownership.findFirst({
    where: { organisationId: actor.organisationId, householdId, saleDate: null },
    select: { homeId: true, purchaseDate: true, purchasePriceCents: true, mortgageAmountCents: true, home: { select: { bedrooms: true, parcel: { select: { streetAddress: true } } } } },
    orderBy: { purchaseDate: "desc" },
  });
  if (!ownership) return null;
  const lease = await db.lease.findFirst({
    where: { organisationId: actor.organisationId, householdId, homeId: ownership.homeId, status: { in: ["executed", "recorded", "active"] } },
    select: { id: true, reference: true, formulaSpec: true, formulaPresetName: true },
  });
  if (!lease) return null;
  const [inputs, tables, fees] = await Promise.all([
    storedValuationInputs(db, actor.organisationId, ownership.homeId),
    incomeLimitTablesForContract(db, actor.organisationId),
    payoffFigure(db, actor.organisationId, lease.id, today),
  ]);
  const result = homeToday({
    spec: lease.formulaSpec != null ? storedSpec(lease.formulaSpec) : null,
    purchase: { priceCents: Number(ownership.purchasePriceCents), date: ownership.purchaseDate },
    valuationDate: today,
    bedrooms: ownership.home.bedrooms,
    inputs,
    incomeLimitTables: tables,
    mortgagePayoffCents,
    originalMortgageCents: ownership.mortgageAmountCents === null ? null : Number(ownership.mortgageAmountCents),
    feesOwedCents: fees.payoffCents,
  });
  return {
    today,
    address: ownership.home.parcel.streetAddress,
    purchase: { date: ownership.purchaseDate, priceCents: Number(ownership.purchasePriceCents) },
    lease: { reference: lease.reference, formulaName: lease.formulaPresetName },
    mortgagePayoffCents,
    ...result,
  };
}
