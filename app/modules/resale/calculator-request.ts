/**
 * The resale calculator form → a resale request in the public contract's shape (docs/resale-contract.md) and
 * the outcome measures' inputs. The contract itself is the validator: every contract error is placed next to
 * the form field it belongs to and worded for staff (form-messages.ts). Pure: no I/O. The same schema
 * validates in the browser and on the server.
 */
import { z } from "zod";
import { missingIncomeFields, specFromForm, type PresetFormValues } from "./formula-spec";
import { parseResaleRequest, type ResaleRequest } from "./contract";
import type { CalculatorContext, CalculatorFormValues, CalculatorSubmission, OutcomeInput } from "./calculator-fields";
import { calculatorFields } from "./calculator-fields";
import { definedOnly, housingTerms, isBlank, typedDollars, typedIndex } from "./typed-values";
import { fieldMessage, formFieldFor } from "./form-messages";

type FormError = { path: (string | number)[]; message: string };

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
