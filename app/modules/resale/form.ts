/**
 * The resale calculator form (/resale/homes/:homeId): what staff type → a resale request in the public
 * contract's shape (docs/resale-contract.md), and the outcome measures shown beside the worksheet
 * (docs/resale-calculator.md "Outcome measures"). Pure: no I/O. The same schema validates in the browser and on the server.
 *
 * People type percents ("1.5" for 1.5 %) and dollars ("$250,000"); the contract takes fractions and decimal
 * strings. The contract itself is the validator: every contract error comes back with its path
 * ("formula.annualRate", "improvements.0.cost", "appraisals.current") and is placed next to the form field it
 * belongs to. The formula fields use the same names as the formula preset form (resale/formula-spec.ts),
 * whose `specFromForm` / `formFieldForPath` build and map the `{ formula, caps, floor, rounding }` part.
 */
import { z } from "zod";
import {
  FORMULA_TYPES,
  formFieldForPath,
  formulaSpecFields,
  missingIncomeFields,
  SCHEDULE_HINT,
  householdIncomeFields,
  housingTermsFields,
  specFromForm,
  type FormulaPresetSpec,
  type PresetFormValues,
} from "./formula-spec";
import { limitFor, type DerivationMethod, type IncomeLimitTable } from "~/modules/income-limits/income-limits";
import type { IncomeLimitTableInput } from "./ami-level";
import { Decimal, isDecimalString, parseDollars, rateToPercent, toMoneyString } from "~/utils/money";
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { parseResaleRequest, type FieldError, type ResaleRequest, type ResaleResult } from "./contract";
import { incomeNeeded, incomeNeededPercentOfAmi, sellerNetProceeds, subsidyRetained, type HousingCostTerms } from "./outcomes";

// ---------------------------------------------------------------------------------------------------------
// Form values
// ---------------------------------------------------------------------------------------------------------

const optional = z.string().trim().optional();

const termsFields = housingTermsFields;

/** Affordability terms of a formula or cap; the income is typed, or named by a % AMI level resolved at the valuation date. */
const affordabilityFields = z.object({ ...householdIncomeFields, ...termsFields }).optional();

export const IMPROVEMENT_ROWS = 5;
export const DEDUCTION_ROWS = 3;

const improvementRow = z.object({ description: optional, cost: optional, completedOn: optional, approved: z.literal("on").optional() });
const deductionRow = z.object({ description: optional, amount: optional });

export const CALCULATOR_INTENTS = ["calculate", "save"] as const;

const calculatorFields = z.object({
  intent: z.enum(CALCULATOR_INTENTS).default("calculate"),
  /** A formula preset of the organisation, or blank to enter the formula by hand. */
  presetId: optional,
  // the formula by hand (same names as the preset form)
  formulaType: z.enum(FORMULA_TYPES, { errorMap: () => ({ message: "Choose a formula type" }) }).optional(),
  ...formulaSpecFields(affordabilityFields),
  // this home's figures
  purchasePrice: optional,
  purchaseDate: optional,
  valuationDate: optional,
  appraisalAtPurchase: optional,
  appraisalCurrent: optional,
  improvementValue: optional,
  /** The HOME fair-return formula: mortgage principal the seller repaid (liens and closing costs are the outcome fields). */
  principalPaidDown: optional,
  indexAtPurchase: optional,
  indexCurrent: optional,
  improvements: z.array(improvementRow.optional()).default([]),
  deductions: z.array(deductionRow.optional()).default([]),
  // outcome measures
  householdSize: optional,
  buyer: z.object(termsFields).optional(),
  mortgagePayoff: optional,
  closingCosts: optional,
  unpaidLeaseFees: optional,
});
export type CalculatorFormValues = z.infer<typeof calculatorFields>;

/**
 * What the form needs to know about the organisation and the home: its presets, its latest income-limit table
 * (for the % AMI outcome measure), every income-limit table with its effective date (an AMI level in the rule is
 * resolved at the valuation date from the table then in effect) and the home's bedrooms.
 */
export type CalculatorContext = {
  presets: { id: string; name: string; spec: FormulaPresetSpec | null }[];
  incomeLimits: { table: IncomeLimitTable; method: DerivationMethod } | null;
  incomeLimitTables?: IncomeLimitTableInput[];
  bedrooms?: number | null;
};

/** The buyer assumptions and sale costs behind the outcome measures (not part of the contract). */
export type OutcomeInput = {
  householdSize: number;
  terms: HousingCostTerms;
  mortgagePayoff: string;
  closingCosts: string;
  unpaidLeaseFees: string;
};

export type CalculatorSubmission = {
  intent: (typeof CALCULATOR_INTENTS)[number];
  presetName: string;
  request: ResaleRequest;
  outcome: OutcomeInput;
};

type FormError = { path: (string | number)[]; message: string };

// ---------------------------------------------------------------------------------------------------------
// Typed text → contract values (invalid text passes through unchanged so the contract reports it)
// ---------------------------------------------------------------------------------------------------------

export function percentToRate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[%\s]/g, "");
  return isDecimalString(cleaned) ? new Decimal(cleaned).dividedBy(100).toFixed() : cleaned;
}

export { rateToPercent };

/** "$250,000" → "250000.00"; text that is not an amount is returned as typed. */
export function typedDollars(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[$,\s]/g, "");
  if (!isDecimalString(cleaned)) return value;
  const places = cleaned.split(".")[1]?.length ?? 0;
  return places > 2 ? cleaned : toMoneyString(parseDollars(cleaned));
}

function typedIndex(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/[,\s]/g, "");
}

function whole(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function housingTerms(fields: Partial<Record<keyof typeof termsFields, string | undefined>> | undefined) {
  const f = fields ?? {};
  return {
    housingCostRatio: percentToRate(f.housingCostRatio),
    interestRate: percentToRate(f.interestRate),
    termYears: whole(f.termYears),
    downPaymentRate: percentToRate(f.downPaymentRate),
    propertyTaxRate: percentToRate(f.propertyTaxRate),
    mortgageInsuranceRate: percentToRate(f.mortgageInsuranceRate),
    monthlyCosts: {
      insurance: typedDollars(f.insurance ?? "0"),
      hoa: typedDollars(f.hoa ?? "0"),
      leaseFee: typedDollars(f.leaseFee ?? "0"),
      utilities: typedDollars(f.utilities ?? "0"),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------
// Form → request
// ---------------------------------------------------------------------------------------------------------

function isBlank(...values: (string | undefined)[]): boolean {
  return values.every((value) => value === undefined || value === "");
}

function definedOnly<T extends Record<string, unknown>>(object: T): Partial<T> | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** The form field a contract error belongs to; `spec` is the raw spec built from the form (for caps). */
function formFieldFor(path: string, spec: unknown, fromPreset: boolean, improvementRows: number[], deductionRows: number[]): (string | number)[] {
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

/** True when the rule names an AMI level anywhere (so the request carries the income-limit tables). */
function namesAmiLevel(spec: unknown): boolean {
  const rule = spec as { formula?: { amiLevel?: unknown }; caps?: { amiLevel?: unknown }[] } | undefined;
  return Boolean(rule?.formula?.amiLevel) || Boolean(rule?.caps?.some((cap) => cap?.amiLevel));
}

/** A validated calculation from the form, or every problem with the form field it belongs to. */
export function buildCalculation(values: CalculatorFormValues, context: CalculatorContext): { ok: true; value: CalculatorSubmission } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];

  let householdSize: number | null = null;
  if (!isBlank(values.householdSize)) {
    householdSize = Number(values.householdSize);
    if (!Number.isInteger(householdSize) || householdSize < 1 || householdSize > 12) {
      errors.push({ path: ["householdSize"], message: "Enter a household size from 1 to 12" });
      householdSize = null;
    }
  }

  // 1. the rule: a preset, or the formula by hand
  let spec: unknown;
  let presetName = "";
  const fromPreset = !isBlank(values.presetId);
  if (fromPreset) {
    const preset = context.presets.find((p) => p.id === values.presetId);
    if (!preset) errors.push({ path: ["presetId"], message: "Choose one of the organisation's formula presets, or enter a formula by hand" });
    else if (!preset.spec) errors.push({ path: ["presetId"], message: "This preset no longer validates — an administrator can correct it under Settings → Formula presets" });
    else {
      spec = preset.spec;
      presetName = preset.name;
    }
  } else if (!values.formulaType) {
    errors.push({ path: ["formulaType"], message: "Choose a formula preset or a formula type" });
  } else {
    // only the terms the rule uses: the other fieldsets keep their defaults and are ignored
    spec = specFromForm({ ...values, name: "" } as PresetFormValues);
    for (const missing of missingIncomeFields({ ...values, formulaType: values.formulaType })) errors.push({ path: missing.path.split("."), message: missing.message });
  }

  // 2. this home's figures; blank improvement and deduction rows are skipped (their row numbers kept for errors)
  const improvementRows: number[] = [];
  const improvements = values.improvements.flatMap((row, position) => {
    if (!row || isBlank(row.description, row.cost, row.completedOn)) return [];
    improvementRows.push(position);
    return [{ description: row.description ?? "", cost: typedDollars(row.cost), completedOn: row.completedOn, approved: row.approved === "on" }];
  });
  const deductionRows: number[] = [];
  const deductions = values.deductions.flatMap((row, position) => {
    if (!row || isBlank(row.description, row.amount)) return [];
    deductionRows.push(position);
    return [{ description: row.description ?? "", amount: typedDollars(row.amount) }];
  });
  const raw = {
    ...(spec as object),
    purchase: { price: typedDollars(values.purchasePrice), date: values.purchaseDate },
    valuationDate: values.valuationDate,
    appraisals: definedOnly({
      atPurchase: typedDollars(values.appraisalAtPurchase),
      current: typedDollars(values.appraisalCurrent),
      improvementValue: typedDollars(values.improvementValue),
    }),
    index: definedOnly({ atPurchase: typedIndex(values.indexAtPurchase), current: typedIndex(values.indexCurrent) }),
    improvements,
    deductions,
    ...((spec as { formula?: { type?: string } } | undefined)?.formula?.type === "fair-return"
      ? {
          fairReturn: {
            principalPaidDown: typedDollars(values.principalPaidDown ?? "0"),
            sellerClosingCosts: typedDollars(values.closingCosts ?? "0"),
            outstandingLiens: typedDollars(values.mortgagePayoff ?? "0"),
          },
        }
      : {}),
    ...(context.bedrooms !== undefined && context.bedrooms !== null ? { home: { bedrooms: context.bedrooms } } : {}),
    ...(namesAmiLevel(spec) ? { incomeLimitTables: context.incomeLimitTables ?? [] } : {}),
    // the calculator always says where a result breaks the lease's intent
    leaseIntentChecks: true,
  };
  let request: ResaleRequest | null = null;
  const parsed = parseResaleRequest(raw);
  if (parsed.ok) request = parsed.request;
  else {
    for (const error of parsed.errors) {
      // without a rule there is nothing to say about the formula (the preset/formula type error says it)
      if (spec === undefined && ["formula", "caps", "floor", "rounding"].includes(error.path.split(".")[0]!)) continue;
      const path = formFieldFor(error.path, spec, fromPreset, improvementRows, deductionRows);
      if (errors.some((e) => e.path.join(".") === path.join(".") && e.message.startsWith("Enter the household's income"))) continue;
      errors.push({ path, message: fieldMessage(path, error.message) });
    }
  }

  // 3. the outcome measures' buyer assumptions, checked by the contract's own affordability rules
  const outcome = parseOutcome(values, householdSize, errors);

  if (errors.length || !request || !outcome) return { ok: false, errors: dedupe(errors) };
  return { ok: true, value: { intent: values.intent, presetName, request, outcome } };
}

function parseOutcome(values: CalculatorFormValues, householdSize: number | null, errors: FormError[]): OutcomeInput | null {
  const terms = housingTerms(values.buyer);
  const check = parseResaleRequest({
    formula: { type: "affordability", income: "1.00", ...terms },
    purchase: { price: "1.00", date: "2000-01-01" },
    valuationDate: "2000-01-01",
  });
  let ok = check.ok;
  if (!check.ok) {
    for (const error of check.errors) {
      const [, second, third] = error.path.split(".");
      const path = ["buyer", second === "monthlyCosts" ? (third ?? "insurance") : (second ?? "housingCostRatio")];
      errors.push({ path, message: fieldMessage(path, error.message) });
    }
  }
  const costs: Record<"mortgagePayoff" | "closingCosts" | "unpaidLeaseFees", string> = { mortgagePayoff: "0.00", closingCosts: "0.00", unpaidLeaseFees: "0.00" };
  for (const key of ["mortgagePayoff", "closingCosts", "unpaidLeaseFees"] as const) {
    const amount = typedDollars(values[key] ?? "0");
    if (amount === undefined || !/^\d+(\.\d{1,2})?$/.test(amount)) {
      errors.push({ path: [key], message: "Enter an amount in dollars, e.g. 180000 or 1,234.50" });
      ok = false;
    } else costs[key] = amount;
  }
  if (householdSize === null) {
    if (isBlank(values.householdSize)) errors.push({ path: ["householdSize"], message: "Enter the household size for the % AMI measure" });
    return null;
  }
  if (!ok || !check.ok || check.request.formula.type !== "affordability") return null;
  const { type: _type, income: _income, improvementCredit: _credit, ...buyerTerms } = check.request.formula;
  return { householdSize, terms: buyerTerms, ...costs };
}

/** One message per field: the first (the one that says what to do first). */
function dedupe(errors: FormError[]): FormError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = error.path.join(".");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The calculator's schema for Conform (browser and server): field checks, then the contract, errors next to fields. */
export function calculatorFormSchema(context: CalculatorContext) {
  return calculatorFields.transform((values, ctx) => {
    const built = buildCalculation(values, context);
    if (!built.ok) {
      for (const error of built.errors) ctx.addIssue({ code: z.ZodIssueCode.custom, path: error.path, message: error.message });
      return z.NEVER;
    }
    return built.value;
  });
}

/** Contract field errors (e.g. from the API) as `{ "formula.annualRate": [message] }`. */
export function fieldErrorsByPath(errors: FieldError[]): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const error of errors) (byPath[error.path] ??= []).push(error.message);
  return byPath;
}

// ---------------------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------
// Outcome measures (docs/resale-calculator.md "Outcome measures")
// ---------------------------------------------------------------------------------------------------------

export type OutcomeMeasures = {
  householdSize: number;
  /** Annual income needed to buy at the maximum resale price / at the seller's purchase price (dollars). */
  incomeNeeded: string;
  incomeNeededAtPurchasePrice: string;
  /** Present when the organisation has an income-limit table. */
  percentOfAmi: {
    atResalePrice: string;
    atPurchasePrice: string;
    hundredPercentIncome: string;
    explanation: string;
  } | null;
  ownerGain: string;
  sellerNetProceeds: string;
  /** Market value − maximum resale price; null without a current appraisal. */
  subsidyRetained: string | null;
};

/**
 * The outcome measures for a calculated price. % AMI: income needed (12·(f·P + F)/ratio) ÷ the 100 % AMI
 * income for the household size × 100, one decimal, where the 100 % figure is `limitFor(table, 100, size,
 * method)` with the table's derivation method (by default 2 × HUD's 50 % limit). The purchase-price figure
 * uses the same (latest) table, so it compares prices, not the AMI of the earlier year.
 */
export function outcomeMeasures(
  request: ResaleRequest,
  result: ResaleResult,
  input: OutcomeInput,
  incomeLimits: CalculatorContext["incomeLimits"],
): OutcomeMeasures {
  const price = result.maxResalePrice;
  const purchasePrice = request.purchase.price;
  let percentOfAmi: OutcomeMeasures["percentOfAmi"] = null;
  if (incomeLimits) {
    const hundred = limitFor(incomeLimits.table, 100, input.householdSize, incomeLimits.method);
    percentOfAmi = {
      atResalePrice: incomeNeededPercentOfAmi(price, input.terms, hundred.amount).toFixed(1),
      atPurchasePrice: incomeNeededPercentOfAmi(purchasePrice, input.terms, hundred.amount).toFixed(1),
      hundredPercentIncome: hundred.amount,
      explanation: `${incomeLimits.table.areaName}, FY${incomeLimits.table.fiscalYear}: 100% AMI for ${input.householdSize} ${input.householdSize === 1 ? "person" : "people"} — ${hundred.explanation}`,
    };
  }
  return {
    householdSize: input.householdSize,
    incomeNeeded: toMoneyString(incomeNeeded(price, input.terms)),
    incomeNeededAtPurchasePrice: toMoneyString(incomeNeeded(purchasePrice, input.terms)),
    percentOfAmi,
    ownerGain: toMoneyString(new Decimal(price).minus(purchasePrice)),
    sellerNetProceeds: toMoneyString(
      sellerNetProceeds({ price, mortgagePayoff: input.mortgagePayoff, closingCosts: input.closingCosts, unpaidLeaseFees: input.unpaidLeaseFees }),
    ),
    subsidyRetained: request.appraisals?.current ? toMoneyString(subsidyRetained(request.appraisals.current, price)) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The comparison and projection page (GET form)
// ---------------------------------------------------------------------------------------------------------

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
