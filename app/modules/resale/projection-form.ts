/**
 * The comparison and projection page (/resale/homes/:homeId/compare, a GET form): its query → the projection's
 * inputs, or a message per field. Growth rates are typed in percents, amounts in dollars. Pure: no I/O.
 */
import { Decimal, isDecimalString } from "~/utils/money";
import { isCalendarDate } from "~/utils/calendar-date";
import { definedOnly, percentToRate, typedDollars, typedIndex } from "./typed-values";

export type ProjectionFormValues = {
  purchasePrice: string;
  purchaseDate: string;
  valuationDate: string;
  appraisalAtPurchase: string;
  appraisalCurrent: string;
  indexAtPurchase: string;
  indexCurrent: string;
  years: string;
  marketGrowth: string;
  amiGrowth: string;
  indexGrowth: string;
  interestRate: string;
  targetPercentAmi: string;
  householdSize: string;
  presetIds: string[];
};

export type ParsedProjectionForm = {
  base: {
    purchase: { price: string; date: string };
    valuationDate: string;
    appraisals?: { atPurchase?: string; current?: string };
    index?: { atPurchase?: string; current?: string };
  };
  years: number;
  marketGrowth: string;
  amiGrowth: string;
  indexGrowth: string;
  interestRate: string;
  targetPercentAmi: number;
  householdSize: number;
};

const GROWTH_FIELDS = ["marketGrowth", "amiGrowth", "indexGrowth", "interestRate"] as const;

/** The comparison page's query → projection inputs, or a message per field. Growth rates are typed in percents. */
export function parseProjectionForm(values: ProjectionFormValues): { ok: true; value: ParsedProjectionForm } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const price = typedDollars(values.purchasePrice.trim() || undefined);
  if (!price || !/^\d+(\.\d{1,2})?$/.test(price) || Number(price) <= 0) errors.purchasePrice = "Enter the seller's purchase price in dollars";
  const dateOk = (text: string) => isCalendarDate(text);
  if (!dateOk(values.purchaseDate)) errors.purchaseDate = "Enter the purchase date as YYYY-MM-DD";
  if (!dateOk(values.valuationDate)) errors.valuationDate = "Enter the valuation date as YYYY-MM-DD";
  else if (dateOk(values.purchaseDate) && values.valuationDate < values.purchaseDate) errors.valuationDate = "The valuation date cannot be before the purchase date";
  const optionalAmount = (key: "appraisalAtPurchase" | "appraisalCurrent") => {
    const text = values[key].trim();
    if (!text) return undefined;
    const amount = typedDollars(text);
    if (!amount || !/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) errors[key] = "Enter an amount in dollars greater than zero";
    return amount;
  };
  const optionalIndex = (key: "indexAtPurchase" | "indexCurrent") => {
    const text = typedIndex(values[key].trim());
    if (!text) return undefined;
    if (!isDecimalString(text) || Number(text) <= 0) errors[key] = "Enter an index value greater than zero";
    return text;
  };
  const appraisals = definedOnly({ atPurchase: optionalAmount("appraisalAtPurchase"), current: optionalAmount("appraisalCurrent") });
  const index = definedOnly({ atPurchase: optionalIndex("indexAtPurchase"), current: optionalIndex("indexCurrent") });
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 50) errors.years = "Enter a whole number of years from 1 to 50";
  const rates: Record<string, string> = {};
  for (const key of GROWTH_FIELDS) {
    const rate = percentToRate(values[key].trim() || "0")!;
    if (!isDecimalString(rate) || new Decimal(rate).lt(key === "interestRate" ? 0 : -0.5) || new Decimal(rate).gt(0.5)) {
      errors[key] = key === "interestRate" ? "Enter a rate from 0% to 50%" : "Enter a yearly rate from −50% to 50%";
    } else rates[key] = rate;
  }
  const targetPercentAmi = Number(values.targetPercentAmi);
  if (!Number.isFinite(targetPercentAmi) || targetPercentAmi <= 0 || targetPercentAmi > 300) errors.targetPercentAmi = "Enter a % AMI level, e.g. 80";
  const householdSize = Number(values.householdSize);
  if (!Number.isInteger(householdSize) || householdSize < 1 || householdSize > 12) errors.householdSize = "Enter a household size from 1 to 12";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      base: {
        purchase: { price: price!, date: values.purchaseDate },
        valuationDate: values.valuationDate,
        ...(appraisals ? { appraisals } : {}),
        ...(index ? { index } : {}),
      },
      years,
      marketGrowth: rates.marketGrowth!,
      amiGrowth: rates.amiGrowth!,
      indexGrowth: rates.indexGrowth!,
      interestRate: rates.interestRate!,
      targetPercentAmi,
      householdSize,
    },
  };
}
