import { Decimal, parseDecimal, type DecimalInput } from "~/utils/money";
import type { AffordabilityTerms, ResolvedAffordabilityTerms } from "./contract";

/**
 * Affordability math and outcome measures (docs/resale-contract.md, affordability-based formula; docs/resale-calculator.md "Outcome measures").
 * Pure functions on exact decimals; the caller supplies household incomes and AMI figures.
 *
 *   B = housingCostRatio · income / 12                  monthly housing budget
 *   F = insurance + hoa + leaseFee + utilities           fixed monthly costs
 *   i = interestRate / 12, n = termYears · 12
 *   f = (1 − d)·i / (1 − (1 + i)^−n) + taxRate/12 + MIrate·(1 − d)/12   monthly cost per dollar of price
 *       (with i = 0 the loan part is (1 − d)/n)
 *   affordable price P = (B − F) / f                     (0 when B ≤ F)
 *   income needed      = 12 · (f·P + F) / ratio
 */

/** The loan and cost terms without the household income: what a price costs per month. */
export type HousingCostTerms = Omit<AffordabilityTerms, "income">;

const d = (value: DecimalInput): Decimal => (typeof value === "string" ? parseDecimal(value) : value);

const annuityCache = new Map<string, Decimal>();

/** (1 + i)^−n, memoised: a portfolio shares a handful of (rate, term) pairs and integer powers are not free. */
function discountFactor(monthlyRate: Decimal, payments: number): Decimal {
  const key = `${monthlyRate.toString()}|${payments}`;
  let value = annuityCache.get(key);
  if (value === undefined) {
    value = monthlyRate.plus(1).pow(-payments);
    if (annuityCache.size > 10_000) annuityCache.clear();
    annuityCache.set(key, value);
  }
  return value;
}

const costPerDollarCache = new Map<string, Decimal>();

/** f: the monthly payment (principal, interest, property tax, mortgage insurance) per dollar of price. */
export function monthlyCostPerDollar(terms: HousingCostTerms): Decimal {
  // Memoised on the loan terms: a portfolio shares a handful of them, and f costs several divisions.
  const key = `${terms.downPaymentRate}|${terms.interestRate}|${terms.termYears}|${terms.propertyTaxRate}|${terms.mortgageInsuranceRate}`;
  let f = costPerDollarCache.get(key);
  if (f === undefined) {
    f = computeMonthlyCostPerDollar(terms);
    if (costPerDollarCache.size > 10_000) costPerDollarCache.clear();
    costPerDollarCache.set(key, f);
  }
  return f;
}

function computeMonthlyCostPerDollar(terms: HousingCostTerms): Decimal {
  const down = d(terms.downPaymentRate);
  const financed = new Decimal(1).minus(down);
  const payments = terms.termYears * 12;
  const monthlyRate = d(terms.interestRate).div(12);
  const loanPart = monthlyRate.isZero()
    ? financed.div(payments)
    : financed.times(monthlyRate).div(new Decimal(1).minus(discountFactor(monthlyRate, payments)));
  const taxPart = d(terms.propertyTaxRate).div(12);
  const insurancePart = d(terms.mortgageInsuranceRate).times(financed).div(12);
  return loanPart.plus(taxPart).plus(insurancePart);
}

/** F: the fixed monthly costs (hazard insurance + HOA + ground lease fee + utilities). */
export function fixedMonthlyCosts(terms: Pick<HousingCostTerms, "monthlyCosts">): Decimal {
  const costs = terms.monthlyCosts;
  return d(costs.insurance).plus(costs.hoa).plus(costs.leaseFee).plus(costs.utilities);
}

/** B: the monthly housing budget of a household with this annual income. */
export function monthlyBudget(annualIncome: DecimalInput, housingCostRatio: DecimalInput): Decimal {
  return d(housingCostRatio).times(d(annualIncome)).div(12);
}

export type AffordablePrice = {
  /** P = (B − F) / f, never below zero. Exact (not rounded). */
  price: Decimal;
  budget: Decimal;
  fixedCosts: Decimal;
  costPerDollar: Decimal;
  /** True when the budget does not even cover the fixed costs (price 0). */
  budgetBelowFixedCosts: boolean;
};

const affordableCache = new Map<string, AffordablePrice>();

/**
 * The highest price the target household can afford under these terms. Memoised on the terms
 * (results are immutable Decimals): across a portfolio the same program terms — an income limit
 * for a household size, the program's loan assumptions — recur for thousands of homes.
 */
export function affordablePrice(terms: ResolvedAffordabilityTerms): AffordablePrice {
  const costs = terms.monthlyCosts;
  const key = `${terms.income}|${terms.housingCostRatio}|${terms.interestRate}|${terms.termYears}|${terms.downPaymentRate}|${terms.propertyTaxRate}|${terms.mortgageInsuranceRate}|${costs.insurance}|${costs.hoa}|${costs.leaseFee}|${costs.utilities}`;
  let result = affordableCache.get(key);
  if (result === undefined) {
    result = computeAffordablePrice(terms);
    if (affordableCache.size > 10_000) affordableCache.clear();
    affordableCache.set(key, result);
  }
  return result;
}

function computeAffordablePrice(terms: ResolvedAffordabilityTerms): AffordablePrice {
  const budget = monthlyBudget(terms.income, terms.housingCostRatio);
  const fixedCosts = fixedMonthlyCosts(terms);
  const costPerDollar = monthlyCostPerDollar(terms);
  if (budget.lte(fixedCosts)) {
    return { price: new Decimal(0), budget, fixedCosts, costPerDollar, budgetBelowFixedCosts: true };
  }
  return { price: budget.minus(fixedCosts).div(costPerDollar), budget, fixedCosts, costPerDollar, budgetBelowFixedCosts: false };
}

/** Annual income needed to buy at `price`: 12 · (f·P + F) / ratio (the inverse of `affordablePrice`). */
export function incomeNeeded(price: DecimalInput, terms: HousingCostTerms): Decimal {
  const monthly = monthlyCostPerDollar(terms).times(d(price)).plus(fixedMonthlyCosts(terms));
  return monthly.times(12).div(d(terms.housingCostRatio));
}

/**
 * Income needed as a percentage of area median income: 100 · incomeNeeded / ami100, where `ami100`
 * is the 100 %-AMI income for the household size (the caller looks it up). 78.5 means 78.5 % AMI.
 */
export function incomeNeededPercentOfAmi(price: DecimalInput, terms: HousingCostTerms, ami100: DecimalInput): Decimal {
  const median = d(ami100);
  if (median.lte(0)) throw new RangeError("The 100 % AMI income must be greater than zero");
  return incomeNeeded(price, terms).times(100).div(median);
}

export type SaleProceedsInput = {
  price: DecimalInput;
  mortgagePayoff: DecimalInput;
  closingCosts: DecimalInput;
  unpaidLeaseFees: DecimalInput;
};

/**
 * What the seller takes home: price − mortgage payoff − closing costs − unpaid lease fees.
 * Not clamped: a negative figure is money the seller must bring to closing.
 */
export function sellerNetProceeds(input: SaleProceedsInput): Decimal {
  return d(input.price).minus(d(input.mortgagePayoff)).minus(d(input.closingCosts)).minus(d(input.unpaidLeaseFees));
}

/** Subsidy retained in the home at a sale: market value − resale price (negative if sold above market). */
export function subsidyRetained(marketValue: DecimalInput, price: DecimalInput): Decimal {
  return d(marketValue).minus(d(price));
}
