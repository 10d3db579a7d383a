import { resaleInputsForHome } from "./home-inputs.server";
import type { Db } from "~/utils/db.server";
import { Decimal, centsToString, toMoneyString } from "~/utils/money";
import type { getHomeForResale } from "~/modules/resale/calculations.server";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { indexNamed, mortgageBalance, storedFormValues } from "./prefill";

type ResaleHome = NonNullable<Awaited<ReturnType<typeof getHomeForResale>>>;

/**
 * Where the calculator and the comparison page start for a home (./prefill.ts): the preset of the lease binding
 * the home (else the organisation's first valid preset), the home's stored valuation inputs at the valuation
 * date (the index values of the index that preset names, else of the first preset naming one), and the owner's
 * purchase mortgage as an estimated payoff and principal paid down. Each prefilled figure says where it came from.
 */
export async function calculatorStartingPoint(
  db: Db,
  organisationId: string,
  home: ResaleHome,
  presets: { id: string; name: string; spec: FormulaPresetSpec | null }[],
  valuationDate: string,
) {
  const usable = presets.filter((p) => p.spec);
  const preset = usable.find((p) => p.name === home.leaseFormulaPresetName) ?? usable[0] ?? null;
  const ownership = home.currentOwnership;
  const indexName = indexNamed(preset?.spec ?? null) ?? usable.map((p) => indexNamed(p.spec)).find(Boolean) ?? null;
  const inputs = ownership ? await resaleInputsForHome(db, organisationId, home.id, { purchaseDate: ownership.purchaseDate, valuationDate, indexName }) : null;
  const balance = ownership?.mortgage ? mortgageBalance(ownership.mortgage, valuationDate) : null;
  const sources = (inputs?.sources ?? []).map((source) => source.text);
  if (balance !== null && ownership?.mortgage) {
    const m = ownership.mortgage;
    sources.push(
      `Mortgage payoff estimated from the purchase mortgage (${centsToString(m.amountCents)} at ${m.ratePercent}% for ${m.termYears} years) on the valuation date — replace it with the lender's payoff figure`,
    );
  }
  return {
    presetId: preset?.id ?? "",
    sources,
    values: {
      ...storedFormValues(inputs),
      mortgagePayoff: balance ?? "0",
      principalPaidDown: balance !== null && ownership?.mortgage ? toMoneyString(new Decimal(centsToString(ownership.mortgage.amountCents)).minus(balance)) : "",
    },
  };
}
