/**
 * Where the calculator and the comparison page start for a home: the buyer assumptions, the formula, the
 * household size and the valuation date staff can then change. Pure: no I/O (the valuation date reads the
 * clock unless it is given the moment).
 */
import { todayIn } from "~/utils/calendar-date";
import type { HousingCostTerms } from "./outcomes";
import { housingTerms } from "./typed-values";

/** Buyer assumptions used for the outcome measures until staff change them. */
export const DEFAULT_BUYER = {
  housingCostRatio: "30",
  interestRate: "6.5",
  termYears: "30",
  downPaymentRate: "5",
  propertyTaxRate: "1.8",
  mortgageInsuranceRate: "0",
  insurance: "100",
  hoa: "0",
  leaseFee: "35",
  utilities: "0",
};

export function defaultCalculatorValues(input: {
  presetId: string;
  purchasePrice: string | null;
  purchaseDate: string | null;
  valuationDate: string;
  householdSize: number;
  /** The HUD area (code) of the home's income-limit tables, for a rule typed by hand with a % AMI level. */
  area?: string | null;
}) {
  return {
    presetId: input.presetId,
    formulaType: "fixed-rate",
    annualRate: "1.5",
    compounding: "simple",
    elapsed: "full-months",
    losses: "shielded",
    roundingMode: "nearest",
    roundingIncrement: "0.01",
    purchasePrice: input.purchasePrice ?? "",
    purchaseDate: input.purchaseDate ?? "",
    valuationDate: input.valuationDate,
    householdSize: String(input.householdSize),
    affordability: { percentAmi: "80", householdSizeRule: "bedrooms-plus-one", area: input.area ?? "", ...DEFAULT_BUYER },
    capAffordability: { percentAmi: "120", householdSizeRule: "bedrooms-plus-one", area: input.area ?? "", ...DEFAULT_BUYER },
    buyer: DEFAULT_BUYER,
    mortgagePayoff: "0",
    closingCosts: "0",
    unpaidLeaseFees: "0",
  };
}

/** The buyer's loan and costs (DEFAULT_BUYER) as contract terms, for the projection's affordable price. */
export function defaultBuyerTerms(): HousingCostTerms {
  const terms = housingTerms(DEFAULT_BUYER);
  return { ...terms, termYears: terms.termYears as number } as HousingCostTerms;
}

/**
 * The household size the calculator and the projection start from for a home whose next buyer is not known:
 * one person per bedroom plus one (a studio: one). Staff can change it on the form.
 */
export function defaultHouseholdSize(bedrooms: number): number {
  return Math.max(1, bedrooms + 1);
}

/** The valuation date a new calculation starts from: the trust's today (its IANA time zone). */
export function defaultValuationDate(timeZone: string, now = new Date()): string {
  return todayIn(timeZone, now);
}
