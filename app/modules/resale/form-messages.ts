/**
 * Contract errors in the form's words and on the form's fields: a contract error comes back with its path
 * ("formula.annualRate", "improvements.0.cost", "appraisals.current"); it is placed next to the form field it
 * belongs to (the formula fields through the preset form's `formFieldForPath`, resale/formula-spec.ts) and worded
 * as a person reads it beside that field. Used by the calculator (calculator-request.ts) and the comparison page.
 * Pure: no I/O.
 */
import { formFieldForPath, SCHEDULE_HINT } from "./formula-spec";
import { Decimal } from "~/utils/money";

const PERCENT_LEAVES = new Set(["annualRate", "ownerShare", "creditRate", "housingCostRatio", "interestRate", "downPaymentRate", "propertyTaxRate", "mortgageInsuranceRate"]);
const MONEY_LEAVES = new Set([
  "purchasePrice",
  "appraisalAtPurchase",
  "appraisalCurrent",
  "improvementValue",
  "principalPaidDown",
  "cost",
  "amount",
  "income",
  "mortgagePayoff",
  "closingCosts",
  "unpaidLeaseFees",
  "minimumCost",
  "roundingIncrement",
  "insurance",
  "hoa",
  "leaseFee",
  "utilities",
]);
const DATE_LEAVES = new Set(["purchaseDate", "valuationDate", "completedOn"]);

/** Each field as its label names it, in a sentence ("Enter the purchase price"). */
const FIELD_NAMES: Record<string, string> = {
  purchasePrice: "the seller's purchase price",
  purchaseDate: "the purchase date",
  valuationDate: "the valuation date",
  appraisalAtPurchase: "the appraised value at purchase",
  appraisalCurrent: "the current appraised value",
  improvementValue: "the improvement value",
  indexAtPurchase: "the index value at purchase",
  indexCurrent: "the index value now",
  description: "a description",
  cost: "the cost",
  completedOn: "the date the work was completed",
  amount: "the amount",
  income: "the income (or a % AMI level)",
  principalPaidDown: "the principal paid down",
  mortgagePayoff: "the seller's mortgage payoff",
  closingCosts: "the seller's closing costs",
  unpaidLeaseFees: "the unpaid lease fees",
  annualRate: "the annual rate",
  ownerShare: "the owner's share of appreciation",
  ownerShareSchedule: "the share stepping with years owned",
  creditRate: "the credit (% of cost)",
  depreciationYears: "the years the credit is depreciated over",
  minimumCost: "the minimum cost",
  roundingIncrement: "the rounding increment",
  indexName: "the index named in the lease",
  percentAmi: "the target income (% AMI)",
  householdSize: "the household size",
  area: "the HUD area",
  housingCostRatio: "the share of income for housing",
  interestRate: "the mortgage interest rate",
  termYears: "the mortgage term",
  downPaymentRate: "the down payment",
  propertyTaxRate: "the property tax",
  mortgageInsuranceRate: "the mortgage insurance",
  insurance: "the hazard insurance",
  hoa: "the association dues",
  leaseFee: "the ground lease fee",
  utilities: "the utilities",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A contract message ("is required", "must be at most 0.25, got 0.3", "must be a plain decimal string …") as a
 * person reads it next to the field: the field named as its label names it, percents as typed, no internal
 * paths ("caps.0") and no echo of what was typed.
 */
export function fieldMessage(path: (string | number)[], message: string): string {
  const leaf = String(path.at(-1) ?? "");
  if (leaf === "ownerShareSchedule" && message.startsWith("must be a list")) return SCHEDULE_HINT;
  const name = FIELD_NAMES[leaf] ?? "a value";
  // what was typed is beside the message already; internal paths mean nothing to staff
  let text = message
    .replace(/,? got [\s\S]*$/, "")
    .replace(/ \((?:caps|formula|appraisals|index|fairReturn|home)\b[^)]*\)/g, "")
    .replace(/ \(a fraction: "0\.015" is 1\.5 %\)/, "");
  if (/^is required by the market-value cap/.test(text)) return `Enter ${name}: the cap at market value needs it`;
  const neededBy = /^is required (?:for|when) (.+)$/.exec(text);
  if (neededBy) {
    const reason = neededBy[1]!.replace(/^an? /, "");
    return `Enter ${name}: ${/formula/.test(reason) ? `the ${reason.replace(/ \(.*\)$/, "")} needs it` : "the formula needs it"}`;
  }
  if (text === "is required") return `Enter ${name}`;
  if (/^must be a (?:plain )?decimal string|^must be a number/.test(text)) {
    if (MONEY_LEAVES.has(leaf)) return `Enter ${name} in dollars, e.g. 180,000 or 1,234.50`;
    if (PERCENT_LEAVES.has(leaf)) return `Enter ${name} as a percentage, e.g. 1.5`;
    return `Enter ${name} as a number`;
  }
  if (/^must have at most \d+ decimal places/.test(text)) return MONEY_LEAVES.has(leaf) ? `Enter ${name} to the cent, e.g. 1,234.50` : `Enter ${name} with fewer decimal places`;
  if (/^must be a real calendar date/.test(text) || DATE_LEAVES.has(leaf) && /date/.test(text)) return `Enter ${name} as a date, YYYY-MM-DD`;
  if (/^must be a whole number/.test(text)) return `Enter ${name} as a whole number`;
  if (/^is too large/.test(text)) return `${capitalise(name)} is too large`;
  if (/^is not a recognised field/.test(text)) return `${capitalise(name)} is not used by this formula`;
  if (PERCENT_LEAVES.has(leaf)) {
    text = text.replace(/(-?\d+(?:\.\d+)?)(?=(?: and|,|$| or))/g, (n) => `${new Decimal(n).times(100).toFixed()}%`);
  }
  if (/^(?:is|must|cannot|may) /.test(text)) return `${capitalise(name)} ${text}`;
  return capitalise(text);
}

function toPath(field: string): (string | number)[] {
  if (!field) return [];
  return field.split(".").flatMap((part) => {
    const match = /^(\w+)\[(\d+)\]$/.exec(part);
    return match ? [match[1]!, Number(match[2])] : [part];
  });
}

/** The form field a contract error belongs to; `spec` is the raw spec built from the form (for caps). */
export function formFieldFor(path: string, spec: unknown, fromPreset: boolean, improvementRows: number[], deductionRows: number[]): (string | number)[] {
  const [head, second, third] = path.split(".");
  switch (head) {
    case "purchase":
      return [second === "date" ? "purchaseDate" : "purchasePrice"];
    case "valuationDate":
      return ["valuationDate"];
    case "appraisals":
      return [second === "atPurchase" ? "appraisalAtPurchase" : second === "improvementValue" ? "improvementValue" : "appraisalCurrent"];
    case "index":
      return [second === "atPurchase" ? "indexAtPurchase" : "indexCurrent"];
    case "fairReturn":
      return [second === "outstandingLiens" ? "mortgagePayoff" : second === "sellerClosingCosts" ? "closingCosts" : "principalPaidDown"];
    case "home":
      return fromPreset ? ["presetId"] : ["affordability", "householdSizeRule"];
    case "improvements":
      return second === undefined ? [] : ["improvements", improvementRows[Number(second)] ?? 0, third ?? "description"];
    case "deductions":
      return second === undefined ? [] : ["deductions", deductionRows[Number(second)] ?? 0, third ?? "description"];
    case "formula":
    case "caps":
    case "floor":
    case "rounding":
      return fromPreset ? ["presetId"] : toPath(formFieldForPath(path, spec));
    default:
      return [];
  }
}

/** Labels of the calculator's and the comparison page's fields, for a message that names where to look. */
const FIGURE_LABELS: Record<string, string> = {
  purchasePrice: "Seller's purchase price",
  purchaseDate: "Purchase date",
  valuationDate: "Valuation date",
  appraisalAtPurchase: "Appraised value at purchase",
  appraisalCurrent: "Current appraised value",
  improvementValue: "Improvement value",
  principalPaidDown: "Principal paid down",
  indexAtPurchase: "Index value at purchase",
  indexCurrent: "Index value now",
};

/**
 * A contract error on a request built from a preset and a home's figures (the comparison page), in the user's
 * words: "Enter the current appraised value: the cap at market value needs it". A problem with the preset itself
 * says so, naming no internal path.
 */
export function presetProblemInWords(path: string, message: string): string {
  const field = formFieldFor(path, undefined, true, [], []);
  const leaf = String(field.at(-1) ?? "");
  if (leaf in FIGURE_LABELS) return fieldMessage(field, message);
  return "This preset cannot be applied to these figures: an administrator can check it under Settings → Formula presets";
}
