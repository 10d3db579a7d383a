import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { FORMULA_TYPE_LABELS, FORMULA_TYPES, FormulaPresetFormSchema } from "./presets";

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
      <div className="form-grid">
        {field("income", "Household income ($ a year)", "e.g. 80% AMI for a family of four")}
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
      <FormErrors errors={form.errors} />
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
            <SelectField label="Losses" errors={fields.losses.errors} selectProps={getSelectProps(fields.losses)} options={[{ value: "shielded", label: "Shielded (share of the increase only)" }, { value: "shared", label: "Shared (share of the change)" }]} />
            <CheckboxField label="First credit the appraised value of the owner's improvements" errors={fields.creditImprovementValue.errors} inputProps={getInputProps(fields.creditImprovementValue, { type: "checkbox" })} />
          </div>
        ) : null}
        {type === "index" ? (
          <Field label="Index named in the lease" hint="e.g. HUD area median income (four-person family)" errors={fields.indexName.errors} inputProps={getInputProps(fields.indexName, { type: "text" })} />
        ) : null}
        {type === "affordability" ? <AffordabilityFields prefix="affordability" errors={errors} values={defaultValue.affordability as Record<string, string> | undefined} legend="Target household and loan" /> : null}
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
          <SelectField label="Rounding" errors={fields.roundingMode.errors} selectProps={getSelectProps(fields.roundingMode)} options={[{ value: "nearest", label: "To the nearest" }, { value: "down", label: "Down to" }]} />
          <SelectField label="Rounding increment" errors={fields.roundingIncrement.errors} selectProps={getSelectProps(fields.roundingIncrement)} options={[{ value: "0.01", label: "Cent" }, { value: "1", label: "Dollar" }, { value: "100", label: "$100" }]} />
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
