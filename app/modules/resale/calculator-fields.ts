/**
 * The resale calculator form's fields (/resale/homes/:homeId): the Zod schema of what staff type, and the
 * shapes the rest of the form works with — the organisation's context, the outcome measures' inputs, and a
 * checked submission. Pure: no I/O. The formula fields use the same names as the formula preset form
 * (resale/formula-spec.ts). Typed text becomes a contract request in calculator-request.ts.
 */
import { z } from "zod";
import { FORMULA_TYPES, formulaSpecFields, householdIncomeFields, housingTermsFields, type FormulaPresetSpec } from "./formula-spec";
import type { DerivationMethod, IncomeLimitTable } from "~/modules/income-limits/income-limits";
import type { IncomeLimitTableInput } from "./ami-level";
import type { ResaleRequest } from "./contract";
import type { HousingCostTerms } from "./outcomes";

const optional = z.string().trim().optional();

const termsFields = housingTermsFields;

/** Affordability terms of a formula or cap; the income is typed, or named by a % AMI level resolved at the valuation date. */
const affordabilityFields = z.object({ ...householdIncomeFields, ...termsFields }).optional();

export const IMPROVEMENT_ROWS = 5;
export const DEDUCTION_ROWS = 3;

const improvementRow = z.object({ description: optional, cost: optional, completedOn: optional, approved: z.literal("on").optional() });
const deductionRow = z.object({ description: optional, amount: optional });

export const CALCULATOR_INTENTS = ["calculate", "save"] as const;

/** The calculator form's fields, checked field by field (the contract checks the rest: calculator-request.ts). */
export const calculatorFields = z.object({
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
