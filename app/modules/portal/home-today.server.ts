/**
 * "Your home today" for the signed-in homeowner: the stored figures of their current home and binding lease,
 * fed to the pure calculation (home-today.ts). Only the homeowner's own household; null when they have no
 * current home with a signed lease.
 */
import type { Actor } from "~/modules/auth/session.server";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { storedSpec } from "~/modules/formula-presets/formula-presets.server";
import { resaleInputsForHome } from "~/modules/home-inputs/home-inputs.server";
import { formulaIndexName } from "~/modules/home-inputs/resale-inputs";
import { payoffFigure } from "~/modules/lease-fees/ledger.server";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import type { Db } from "~/utils/db.server";
import { homeToday, type RecordedInput, type StoredValuationInputs } from "./home-today";
import { ownHouseholdId } from "./my-home.server";

/** What each recorded input is, in the homeowner's words (the source text says which record). */
const INPUT_WORDS: Record<string, string> = {
  "appraisals.atPurchase": "Appraised value when you bought",
  "appraisals.current": "Current appraised value",
  "appraisals.improvementValue": "Appraiser's value of your improvements",
  "index.atPurchase": "Index value when you bought",
  "index.current": "Current index value",
  improvements: "Approved improvement",
  deductions: "Deductions from the pre-sale inspection",
};

/**
 * The valuation inputs the trust has recorded for the home (app/modules/home-inputs: appraisals, the index
 * values of the formula's index, approved improvements, a pre-sale inspection's deductions), chosen by the
 * same rules as the resale case, with where each came from.
 */
async function storedValuationInputs(
  db: Db,
  organisationId: string,
  homeId: string,
  on: { purchaseDate: string; valuationDate: string; spec: FormulaPresetSpec | null },
): Promise<{ inputs: StoredValuationInputs; recorded: RecordedInput[] }> {
  const found = await resaleInputsForHome(db, organisationId, homeId, {
    purchaseDate: on.purchaseDate,
    valuationDate: on.valuationDate,
    indexName: on.spec ? formulaIndexName(on.spec.formula) : null,
  });
  const { sources, ...inputs } = found;
  const recorded = sources.map((source) => ({ what: INPUT_WORDS[source.input] ?? source.input, source: source.text }));
  return { inputs, recorded };
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
  const spec = lease.formulaSpec != null ? storedSpec(lease.formulaSpec) : null;
  const [stored, tables, fees] = await Promise.all([
    storedValuationInputs(db, actor.organisationId, ownership.homeId, { purchaseDate: ownership.purchaseDate, valuationDate: today, spec }),
    incomeLimitTablesForContract(db, actor.organisationId),
    payoffFigure(db, actor.organisationId, lease.id, today),
  ]);
  const result = homeToday({
    spec,
    purchase: { priceCents: Number(ownership.purchasePriceCents), date: ownership.purchaseDate },
    valuationDate: today,
    bedrooms: ownership.home.bedrooms,
    inputs: stored.inputs,
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
    recorded: stored.recorded,
    ...result,
  };
}
