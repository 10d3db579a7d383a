/**
 * The resale calculator form's pieces (/resale/homes/:homeId): the form itself (useCalculatorForm: the
 * loader's starting values with spare improvement and deduction rows, checked as staff type) and its
 * fieldsets — the resale formula (a preset, or the rule by hand), this home's figures, capital improvements,
 * deductions and the outcome measures. The page lays them out in one form that posts to its action.
 */
import { getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/forms";
import type { HomeFigure } from "~/modules/home-inputs/prefill";
import { DEDUCTION_ROWS, IMPROVEMENT_ROWS, type CalculatorContext } from "~/modules/resale/calculator-fields";
import { calculatorFormSchema } from "~/modules/resale/calculator-request";
import { FORMULA_TYPE_LABELS, FORMULA_TYPES, ROUNDING_MODES } from "~/modules/resale/formula-spec";
import type { CalculatorView } from "./calculator-view";
import { withScreenDates } from "~/utils/calendar-date";

/** True once React runs in the browser: only then are fieldsets that do not apply hidden (without JS all show). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The calculator form, starting from the loader's values; `lastResult`: the action's reply. */
export function useCalculatorForm({
  homeId,
  lastResult,
  defaults,
  context,
}: {
  homeId: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: CalculatorView["defaults"];
  context: CalculatorContext;
}) {
  return useForm({
    id: `resale-${homeId}`,
    lastResult,
    defaultValue: {
      ...defaults,
      // the home's approved improvements and pre-sale deductions first, then spare rows
      improvements: [
        ...defaults.improvements,
        ...Array.from({ length: Math.max(1, IMPROVEMENT_ROWS - defaults.improvements.length) }, () => ({ description: "", cost: "", completedOn: "", approved: "" })),
      ],
      deductions: [
        ...defaults.deductions,
        ...Array.from({ length: Math.max(1, DEDUCTION_ROWS - defaults.deductions.length) }, () => ({ description: "", amount: "" })),
      ],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: calculatorFormSchema(context) }),
    shouldRevalidate: "onInput",
  });
}

type CalculatorForm = ReturnType<typeof useCalculatorForm>[0];
type CalculatorFields = ReturnType<typeof useCalculatorForm>[1];
/** Spread on an element: `{ hidden: true }` once hydrated unless it applies (the page's `show`). */
type Shown = { hidden?: boolean };

const input = (meta: FieldMetadata<string | undefined>, label: string, hint?: string, inputMode: "decimal" | "text" = "decimal") => (
  <Field label={label} hint={hint} errors={meta.errors} inputProps={{ ...getInputProps(meta, { type: "text" }), inputMode }} />
);

type AffordabilityFieldset = FieldMetadata<Record<string, string | undefined> | undefined>;

function AffordabilityTermsFields({ field, withIncome, legend }: { field: AffordabilityFieldset; withIncome: boolean; legend: string }) {
  const f = field.getFieldset();
  const text = (name: string, label: string, hint?: string) => {
    const meta = f[name]!;
    return <Field key={name} label={label} hint={hint} errors={meta.errors} inputProps={{ ...getInputProps(meta, { type: "text" }), inputMode: "decimal" }} />;
  };
  return (
    <fieldset className="stack">
      <legend>{legend}</legend>
      <div className="form-grid">
        {withIncome ? text("percentAmi", "Target income (% AMI)", "Resolved from the income-limit table in effect on the valuation date") : null}
        {withIncome ? (
          <SelectField
            label="Household size"
            errors={f.householdSizeRule!.errors}
            selectProps={getSelectProps(f.householdSizeRule!)}
            options={[
              { value: "bedrooms-plus-one", label: "The home's bedrooms + 1" },
              { value: "fixed", label: "A fixed size (next field)" },
            ]}
          />
        ) : null}
        {withIncome ? text("householdSize", "Fixed household size (persons)") : null}
        {withIncome ? <Field label="HUD area" hint="Area code or name of the income-limit tables" errors={f.area!.errors} inputProps={getInputProps(f.area!, { type: "text" })} /> : null}
        {withIncome ? text("income", "…or a fixed annual income ($)", "Instead of a % AMI level: empty the level") : null}
        {text("housingCostRatio", "Share of income for housing (%)")}
        {text("interestRate", "Mortgage interest rate (% a year)")}
        {text("termYears", "Mortgage term (years)")}
        {text("downPaymentRate", "Down payment (%)")}
        {text("propertyTaxRate", "Property tax (% of price a year)")}
        {text("mortgageInsuranceRate", "Mortgage insurance (% of loan a year)")}
        {text("insurance", "Hazard insurance ($ a month)")}
        {text("hoa", "Association dues ($ a month)")}
        {text("leaseFee", "Ground lease fee ($ a month)")}
        {text("utilities", "Utilities ($ a month)")}
      </div>
    </fieldset>
  );
}

/**
 * The resale formula: one of the organisation's presets (with its description), or the rule by hand, folded
 * away while a preset is chosen; `byHand`: no preset is chosen.
 */
export function FormulaFieldset({
  fields,
  presets,
  defaultPresetId,
  byHand,
  show,
}: {
  fields: CalculatorFields;
  presets: { id: string; name: string; spec: unknown; extras: string; description: string }[];
  defaultPresetId: string;
  byHand: boolean;
  show: (visible: boolean) => Shown;
}) {
  const formulaType = fields.formulaType.value;
  const byHandRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (byHand && byHandRef.current) byHandRef.current.open = true;
  }, [byHand]);
  return (
    <fieldset className="card stack">
      <legend>Resale formula</legend>
      <SelectField
        label="Formula"
        hint={presets.length ? "One of the organisation's formula presets, or enter the lease's formula by hand." : "No formula presets yet (an administrator adds them under Settings → Formula presets): enter the lease's formula by hand."}
        errors={fields.presetId.errors}
        selectProps={getSelectProps(fields.presetId)}
        placeholder="Enter a formula by hand"
        options={presets.map((p) => ({ value: p.id, label: p.spec ? `${p.name} — ${p.extras}` : `${p.name} (needs correcting)` }))}
      />
      {presets
        .filter((p) => p.id === fields.presetId.value)
        .map((p) => (
          <p key={p.id} className="field-hint">
            {p.description}
          </p>
        ))}
      {/* the rule by hand: folded away while a preset is chosen (opens when "Enter a formula by hand" is) */}
      <details ref={byHandRef} open={defaultPresetId === "" || undefined}>
        <summary>Enter a formula by hand</summary>
        <div className="stack">
        <p className="field-hint">Used only when “Enter a formula by hand” is chosen above. Percentages as typed: 1.5 means 1.5%.</p>
        <SelectField
          label="Formula type"
          errors={fields.formulaType.errors}
          selectProps={getSelectProps(fields.formulaType)}
          options={FORMULA_TYPES.map((type) => ({ value: type, label: FORMULA_TYPE_LABELS[type] }))}
        />
        <fieldset className="form-grid" {...show(formulaType === "fixed-rate" || formulaType === "fair-return")}>
          <legend>Fixed rate (also the fair return's inflation rate)</legend>
          {input(fields.annualRate, "Annual rate (%)")}
          <SelectField
            label="Interest"
            errors={fields.compounding.errors}
            selectProps={getSelectProps(fields.compounding)}
            options={[
              { value: "simple", label: "Simple" },
              { value: "compound", label: "Compound" },
            ]}
          />
          <SelectField
            label="Time owned counts"
            errors={fields.elapsed.errors}
            selectProps={getSelectProps(fields.elapsed)}
            options={[
              { value: "full-months", label: "Full months ÷ 12" },
              { value: "full-years", label: "Full years only" },
            ]}
          />
        </fieldset>
        <fieldset className="form-grid" {...show(formulaType === "appraisal")}>
          <legend>Appraisal-based</legend>
          {input(fields.ownerShare, "Owner's share of appreciation (%)")}
          {input(fields.ownerShareSchedule, "…or a share stepping with years owned", "Full years owned: share %, e.g. 0: 20, 5: 25, 10: 30", "text")}
          <SelectField
            label="A fall in value"
            errors={fields.losses.errors}
            selectProps={getSelectProps(fields.losses)}
            options={[
              { value: "shielded", label: "Is not shared (losses shielded)" },
              { value: "shared", label: "Is shared" },
            ]}
          />
          <CheckboxField
            label="Credit the appraiser's improvement value first"
            errors={fields.creditImprovementValue.errors}
            inputProps={getInputProps(fields.creditImprovementValue, { type: "checkbox" })}
          />
        </fieldset>
        <fieldset className="form-grid" {...show(formulaType === "index" || formulaType === "fair-return")}>
          <legend>Indexed (also the fair return's inflation index)</legend>
          {input(fields.indexName, "Index named in the lease", "e.g. HUD area median income", "text")}
        </fieldset>
        <div {...show(formulaType === "affordability")}>
          <AffordabilityTermsFields field={fields.affordability as unknown as AffordabilityFieldset} withIncome legend="Affordability formula: the target household and loan" />
          <CheckboxField
            label="Cap at affordability: improvement credits may not lift the price above what this household can afford"
            errors={fields.capAtAffordability.errors}
            inputProps={getInputProps(fields.capAtAffordability, { type: "checkbox" })}
          />
        </div>
        <fieldset className="form-grid" {...show(formulaType === "fair-return")}>
          <legend>HOME fair return</legend>
          <SelectField
            label="Inflation on the purchase price"
            errors={fields.inflationType.errors}
            selectProps={getSelectProps(fields.inflationType)}
            options={[
              { value: "fixed-rate", label: "The fixed rate above" },
              { value: "index", label: "The index above (values under This home)" },
            ]}
          />
          <p className="field-hint">The principal paid down is entered under This home; the liens and closing costs under Outcome measures.</p>
        </fieldset>
        <fieldset className="form-grid">
          <legend>Improvement credit</legend>
          <CheckboxField
            label="Credit a share of approved improvements, depreciated"
            hint="Unticked: approved improvements are credited at cost."
            errors={fields.improvementCredit.errors}
            inputProps={getInputProps(fields.improvementCredit, { type: "checkbox" })}
          />
          {input(fields.creditRate, "Credit (% of cost)")}
          {input(fields.depreciationYears, "Depreciated over (years, 0 = not)")}
          {input(fields.minimumCost, "Minimum cost ($)")}
        </fieldset>
        <fieldset className="stack">
          <legend>Caps, floor and rounding</legend>
          <div className="form-grid">
            <CheckboxField label="Never above the current market value" errors={fields.marketValueCap.errors} inputProps={getInputProps(fields.marketValueCap, { type: "checkbox" })} />
            <CheckboxField label="Never above the price affordable at a target % AMI" errors={fields.affordabilityCap.errors} inputProps={getInputProps(fields.affordabilityCap, { type: "checkbox" })} />
            <CheckboxField label="Not below the purchase price (floor)" errors={fields.floor.errors} inputProps={getInputProps(fields.floor, { type: "checkbox" })} />
            <SelectField label="Rounding" errors={fields.roundingMode.errors} selectProps={getSelectProps(fields.roundingMode)} options={[...ROUNDING_MODES]} />
            {input(fields.roundingIncrement, "Rounding increment ($)", "0.01 for the cent; e.g. 50, 500, 1000")}
          </div>
          <div {...show(fields.affordabilityCap.value === "on")}>
            <AffordabilityTermsFields field={fields.capAffordability as unknown as AffordabilityFieldset} withIncome legend="Affordability cap: the target household and loan" />
          </div>
        </fieldset>
        </div>
      </details>
    </fieldset>
  );
}

/**
 * This home's figures: purchase, valuation date, and the figures the chosen formula needs (`figure`: spread on
 * each figure's wrapper, hiding those it does not), with where the prefilled ones came from (`sources`).
 */
export function HomeFiguresFieldset({
  fields,
  figure,
  sources,
  homeId,
}: {
  fields: CalculatorFields;
  figure: (name: HomeFigure) => Shown;
  sources: string[];
  homeId: string;
}) {
  return (
    <fieldset className="card stack">
      <legend>This home</legend>
      <div className="form-grid">
        {input(fields.purchasePrice, "Seller's purchase price ($)")}
        {input(fields.purchaseDate, "Purchase date", "YYYY-MM-DD", "text")}
        {input(fields.valuationDate, "Valuation date", "YYYY-MM-DD; today unless the sale is on another date", "text")}
      </div>
      <div className="form-grid">
        <div {...figure("appraisalAtPurchase")}>{input(fields.appraisalAtPurchase, "Appraised value at purchase ($)", "Appraisal formulas")}</div>
        <div {...figure("appraisalCurrent")}>{input(fields.appraisalCurrent, "Current appraised value ($)", "Appraisal formulas, the market-value cap and subsidy retained")}</div>
        <div {...figure("improvementValue")}>{input(fields.improvementValue, "Improvement value ($)", "The appraiser's value of the owner's improvements, when credited")}</div>
        <div {...figure("principalPaidDown")}>{input(fields.principalPaidDown, "Principal paid down ($)", "HOME fair-return formulas: mortgage principal the seller repaid")}</div>
        <div {...figure("indexAtPurchase")}>{input(fields.indexAtPurchase, "Index value at purchase", "Indexed formulas")}</div>
        <div {...figure("indexCurrent")}>{input(fields.indexCurrent, "Index value now", "Indexed formulas")}</div>
      </div>
      {sources.length ? (
        <div>
          <p className="field-hint">Prefilled from what is recorded for this home (change any figure before calculating):</p>
          <ul className="field-hint">
            {sources.map((text) => (
              <li key={text}>{withScreenDates(text)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="field-hint">
          Nothing is recorded for this home yet: record appraisals under <Link to={`/resale/homes/${homeId}/inputs`}>Valuation inputs</Link>, or type the figures.
        </p>
      )}
    </fieldset>
  );
}

/** Capital improvements, one row each (spare rows stay empty), and a button adding a row (works without JavaScript). */
export function ImprovementsFieldset({ form, fields }: { form: CalculatorForm; fields: CalculatorFields }) {
  const improvements = fields.improvements.getFieldList();
  return (
    <fieldset className="card stack">
      <legend>Capital improvements</legend>
      <p className="field-hint">One row per improvement; leave spare rows empty. Only approved work completed while the seller owned the home is credited.</p>
      <FormErrors errors={fields.improvements.errors} />
      {improvements.map((item, index) => {
        const row = item.getFieldset();
        return (
          <div key={item.key} className="form-grid" role="group" aria-label={`Improvement ${index + 1}`}>
            {input(row.description, `Improvement ${index + 1}: description`, undefined, "text")}
            {input(row.cost, `Improvement ${index + 1}: cost ($)`)}
            {input(row.completedOn, `Improvement ${index + 1}: completed on`, "YYYY-MM-DD", "text")}
            <CheckboxField label={`Improvement ${index + 1}: approved by the trust`} errors={row.approved.errors} inputProps={getInputProps(row.approved, { type: "checkbox" })} />
          </div>
        );
      })}
      <div>
        <button className="secondary" {...form.insert.getButtonProps({ name: fields.improvements.name })}>
          Add another improvement row
        </button>
      </div>
    </fieldset>
  );
}

/** Deductions found at the pre-sale inspection, one row each, and a button adding a row. */
export function DeductionsFieldset({ form, fields }: { form: CalculatorForm; fields: CalculatorFields }) {
  const deductions = fields.deductions.getFieldList();
  return (
    <fieldset className="card stack">
      <legend>Deductions</legend>
      <p className="field-hint">Deferred maintenance or damage found at the pre-sale inspection.</p>
      {deductions.map((item, index) => {
        const row = item.getFieldset();
        return (
          <div key={item.key} className="form-grid" role="group" aria-label={`Deduction ${index + 1}`}>
            {input(row.description, `Deduction ${index + 1}: description`, undefined, "text")}
            {input(row.amount, `Deduction ${index + 1}: amount ($)`)}
          </div>
        );
      })}
      <div>
        <button className="secondary" {...form.insert.getButtonProps({ name: fields.deductions.name })}>
          Add another deduction row
        </button>
      </div>
    </fieldset>
  );
}

/** The outcome measures' inputs: the buyer's household, the seller's costs at closing, the buyer's loan. Not saved. */
export function OutcomeMeasuresFieldset({ fields, incomeLimits }: { fields: CalculatorFields; incomeLimits: { label: string } | null }) {
  return (
    <fieldset className="card stack">
      <legend>Outcome measures</legend>
      <p className="field-hint">
        The buyer a resale must stay affordable to, and the seller&apos;s costs at closing. Not part of the lease&apos;s formula; not saved.
        {incomeLimits ? ` % AMI uses ${incomeLimits.label}.` : " No income-limit table yet, so % AMI cannot be shown."}
      </p>
      <div className="form-grid">
        {input(fields.householdSize, "Household size (persons)", "For % AMI figures", "decimal")}
        {input(fields.mortgagePayoff, "Seller's mortgage payoff ($)")}
        {input(fields.closingCosts, "Seller's closing costs ($)")}
        {input(fields.unpaidLeaseFees, "Unpaid lease fees ($)")}
      </div>
      <AffordabilityTermsFields field={fields.buyer as unknown as AffordabilityFieldset} withIncome={false} legend="The buyer's loan and costs" />
    </fieldset>
  );
}
