import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { CheckboxField, Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { FORMULA_TYPE_LABELS, FORMULA_TYPES, FormulaPresetFormSchema, ROUNDING_MODES } from "~/modules/resale/formula-spec";

type Errors = Record<string, string[] | undefined>;

/** The affordability terms (formula or cap): household income, housing ratio, loan and monthly costs. */
function AffordabilityFields({ prefix, errors, values, legend }: { prefix: string; errors: Errors; values: Record<string, string> | undefined; legend: string }) {
  const field = (name: string, label: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      errors={errors[`${prefix}.${name}`]}
      inputProps={{ id: `${prefix}-${name}`, name: `${prefix}.${name}`, defaultValue: values?.[name] ?? "", inputMode: "decimal" }}
    />
  );
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="field-hint">
        Name the household&apos;s income as a % AMI level (resolved when a price is calculated, from the income-limit table in effect on the
        valuation date), or as a fixed dollar income.
      </p>
      <div className="form-grid">
        {field("percentAmi", "Income level (% AMI)", "e.g. 80; leave empty for a fixed dollar income")}
        <SelectField
          label="Household size"
          selectProps={{ id: `${prefix}-householdSizeRule`, name: `${prefix}.householdSizeRule`, defaultValue: values?.householdSizeRule ?? "bedrooms-plus-one" }}
          errors={errors[`${prefix}.householdSizeRule`]}
          options={[
            { value: "bedrooms-plus-one", label: "The home's bedrooms + 1" },
            { value: "fixed", label: "A fixed size (below)" },
          ]}
        />
        {field("householdSize", "Fixed household size (persons)")}
        {field("area", "HUD area of the income-limit table", "Area code or name, e.g. METRO10740M10740")}
        {field("income", "…or a fixed income ($ a year)", "Only when the lease names dollars, not an AMI level")}
        {field("housingCostRatio", "Housing cost ratio (%)", "Commonly 30")}
        {field("interestRate", "Mortgage interest rate (%)")}
        {field("termYears", "Mortgage term (years)")}
        {field("downPaymentRate", "Down payment (%)")}
        {field("propertyTaxRate", "Property tax (% a year)")}
        {field("mortgageInsuranceRate", "Mortgage insurance (% a year)")}
        {field("insurance", "Hazard insurance ($ a month)")}
        {field("hoa", "Association dues ($ a month)")}
        {field("leaseFee", "Ground lease fee ($ a month)")}
        {field("utilities", "Utilities ($ a month)")}
      </div>
    </fieldset>
  );
}

export function FormulaPresetForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue: Record<string, unknown>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FormulaPresetFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const type = String(fields.formulaType.value ?? "fixed-rate");
  const errors = form.allErrors as Errors;
  const affordabilityCap = fields.affordabilityCap.value === "on";
  const credit = fields.improvementCredit.value === "on";
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value="save" />
      {defaultValue.version ? <input type="hidden" name="version" value={String(defaultValue.version)} /> : null}
      <div className="card stack">
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <TextareaField label="Description" hint="Shown to staff when choosing a preset" errors={fields.description.errors} textareaProps={{ ...getTextareaProps(fields.description), rows: 2 }} />
        <SelectField
          label="Formula type"
          hint="The form shows the parameters of the chosen type (without JavaScript, fill in those of your type and save)."
          errors={fields.formulaType.errors}
          selectProps={getSelectProps(fields.formulaType)}
          options={FORMULA_TYPES.map((t) => ({ value: t, label: FORMULA_TYPE_LABELS[t] }))}
        />
      </div>
      <div className="card stack">
        <h2>Formula parameters</h2>
        {type === "fixed-rate" ? (
          <div className="form-grid">
            <Field label="Annual rate (%)" hint="e.g. 1.5" errors={fields.annualRate.errors} inputProps={{ ...getInputProps(fields.annualRate, { type: "text" }), inputMode: "decimal" }} />
            <SelectField label="Interest" errors={fields.compounding.errors} selectProps={getSelectProps(fields.compounding)} options={[{ value: "simple", label: "Simple" }, { value: "compound", label: "Compounded yearly" }]} />
            <SelectField label="Time owned counts" errors={fields.elapsed.errors} selectProps={getSelectProps(fields.elapsed)} options={[{ value: "full-months", label: "Full months (months ÷ 12)" }, { value: "full-years", label: "Full years only" }]} />
          </div>
        ) : null}
        {type === "appraisal" ? (
          <div className="form-grid">
            <Field label="Owner's share of the change in value (%)" hint="e.g. 25" errors={fields.ownerShare.errors} inputProps={{ ...getInputProps(fields.ownerShare, { type: "text" }), inputMode: "decimal" }} />
            <Field
              label="…or a share that steps with years owned"
              hint="Full years owned: share %, e.g. 0: 20, 5: 25, 10: 30 (leave the share above empty)"
              errors={fields.ownerShareSchedule.errors}
              inputProps={getInputProps(fields.ownerShareSchedule, { type: "text" })}
            />
            <SelectField label="Losses" errors={fields.losses.errors} selectProps={getSelectProps(fields.losses)} options={[{ value: "shielded", label: "Shielded (share of the increase only)" }, { value: "shared", label: "Shared (share of the change)" }]} />
            <CheckboxField label="First credit the appraised value of the owner's improvements" errors={fields.creditImprovementValue.errors} inputProps={getInputProps(fields.creditImprovementValue, { type: "checkbox" })} />
          </div>
        ) : null}
        {type === "index" ? (
          <Field label="Index named in the lease" hint="e.g. HUD area median income (four-person family)" errors={fields.indexName.errors} inputProps={getInputProps(fields.indexName, { type: "text" })} />
        ) : null}
        {type === "affordability" ? (
          <>
            <AffordabilityFields prefix="affordability" errors={errors} values={defaultValue.affordability as Record<string, string> | undefined} legend="Target household and loan" />
            <CheckboxField
              label="Cap at affordability: improvement credits may not lift the price above what this household can afford"
              errors={fields.capAtAffordability.errors}
              inputProps={getInputProps(fields.capAtAffordability, { type: "checkbox" })}
            />
          </>
        ) : null}
        {type === "fair-return" ? (
          <div className="form-grid">
            <SelectField
              label="Inflation on the purchase price"
              errors={fields.inflationType.errors}
              selectProps={getSelectProps(fields.inflationType)}
              options={[
                { value: "fixed-rate", label: "A fixed annual rate" },
                { value: "index", label: "An index (e.g. CPI)" },
              ]}
            />
            <Field label="Annual rate (%)" hint="With a fixed rate, e.g. 2" errors={fields.annualRate.errors} inputProps={{ ...getInputProps(fields.annualRate, { type: "text" }), inputMode: "decimal" }} />
            <SelectField label="Interest" errors={fields.compounding.errors} selectProps={getSelectProps(fields.compounding)} options={[{ value: "simple", label: "Simple" }, { value: "compound", label: "Compounded yearly" }]} />
            <SelectField label="Time owned counts" errors={fields.elapsed.errors} selectProps={getSelectProps(fields.elapsed)} options={[{ value: "full-months", label: "Full months (months ÷ 12)" }, { value: "full-years", label: "Full years only" }]} />
            <Field label="Index named in the lease" hint="With an index, e.g. CPI-U" errors={fields.indexName.errors} inputProps={getInputProps(fields.indexName, { type: "text" })} />
            <p className="field-hint">
              The fair return adds the principal paid down, the improvement credit below and the seller&apos;s closing costs; the price is capped at the
              outstanding liens plus the fair return. Those figures are entered with each calculation.
            </p>
          </div>
        ) : null}
        <CheckboxField label="Credit approved capital improvements at a set rate" errors={fields.improvementCredit.errors} inputProps={getInputProps(fields.improvementCredit, { type: "checkbox" })} />
        {credit ? (
          <div className="form-grid">
            <Field label="Credit rate (% of cost)" errors={fields.creditRate.errors} inputProps={getInputProps(fields.creditRate, { type: "text" })} />
            <Field label="Depreciation (years, 0 for none)" errors={fields.depreciationYears.errors} inputProps={getInputProps(fields.depreciationYears, { type: "text" })} />
            <Field label="Minimum cost ($)" errors={fields.minimumCost.errors} inputProps={getInputProps(fields.minimumCost, { type: "text" })} />
          </div>
        ) : null}
      </div>
      <div className="card stack">
        <h2>Caps, floor and rounding</h2>
        <CheckboxField label="Never above the appraised market value (market-value cap)" errors={fields.marketValueCap.errors} inputProps={getInputProps(fields.marketValueCap, { type: "checkbox" })} />
        <CheckboxField label="Never above the price affordable to a target household (affordability cap)" errors={fields.affordabilityCap.errors} inputProps={getInputProps(fields.affordabilityCap, { type: "checkbox" })} />
        {affordabilityCap ? <AffordabilityFields prefix="capAffordability" errors={errors} values={defaultValue.capAffordability as Record<string, string> | undefined} legend="Affordability cap: target household and loan" /> : null}
        <CheckboxField label="Not below the purchase price (floor; the market-value cap still wins)" errors={fields.floor.errors} inputProps={getInputProps(fields.floor, { type: "checkbox" })} />
        <div className="form-grid">
          <SelectField label="Rounding" errors={fields.roundingMode.errors} selectProps={getSelectProps(fields.roundingMode)} options={[...ROUNDING_MODES]} />
          <Field
            label="Rounding increment ($)"
            hint="0.01 for the cent; e.g. 50, 500, 1000"
            errors={fields.roundingIncrement.errors}
            inputProps={{ ...getInputProps(fields.roundingIncrement, { type: "text" }), inputMode: "decimal" }}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <Link to="/settings/formula-presets">Cancel</Link>
      </div>
    </Form>
  );
}
