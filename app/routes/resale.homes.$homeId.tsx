import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { CheckboxField, conformSummaryErrors, ErrorSummary, Field, FormErrors, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { FORMULA_TYPE_LABELS, FORMULA_TYPES, ROUNDING_MODES, specExtrasLabel, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import type { IncomeLimitTable } from "~/modules/income-limits/income-limits";
import {
  CalculationTooLargeError,
  getHomeForResale,
  latestIncomeLimits,
  listResaleCalculations,
  saveResaleCalculation,
} from "~/modules/resale/calculations.server";
import { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import { describeResaleRule } from "~/modules/resale/describe";
import { homeIncomeLimitArea, incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { calculateResale } from "~/modules/resale/engine";
import { DEDUCTION_ROWS, IMPROVEMENT_ROWS, type CalculatorContext } from "~/modules/resale/calculator-fields";
import { calculatorFormSchema } from "~/modules/resale/calculator-request";
import { defaultCalculatorValues, defaultHouseholdSize, defaultValuationDate } from "~/modules/resale/form-defaults";
import { outcomeMeasures } from "~/modules/resale/outcome-measures";
import { db } from "~/utils/db.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { RequestInputs, SavedCalculationsTable, Worksheet } from "~/modules/resale/components";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
import { figuresNeeded, type HomeFigure } from "~/modules/home-inputs/prefill";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Resale calculator${data ? ` — ${data.home.label}` : ""} · Commonground` }];

async function calculatorData(organisationId: string, homeId: string) {
  const home = await getHomeForResale(db(), organisationId, homeId);
  if (!home) throw new Response("Home not found", { status: 404 });
  const [presets, incomeLimits, incomeLimitTables, area] = await Promise.all([
    presetsForCalculator(db(), organisationId),
    latestIncomeLimits(db(), organisationId),
    incomeLimitTablesForContract(db(), organisationId),
    homeIncomeLimitArea(db(), organisationId, home.parcelId),
  ]);
  return { home, presets, incomeLimits, incomeLimitTables, area };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const { home, presets, incomeLimits, incomeLimitTables, area } = await calculatorData(actor.organisationId, params.homeId ?? "");
  const saved = await listResaleCalculations(db(), actor.organisationId, { homeId: home.id, take: 10 });
  const valuationDate = defaultValuationDate(actor.timeZone);
  const start = await calculatorStartingPoint(db(), actor.organisationId, home, presets, valuationDate);
  return {
    sources: start.sources,
    home,
    incomeLimitTables,
    presets: presets.map((p) => ({ ...p, extras: p.spec ? specExtrasLabel(p.spec) : "", description: p.description || (p.spec ? describeResaleRule(p.spec) : "") })),
    incomeLimits,
    saved,
    canWrite: can(actor.role, "records:write"),
    defaults: {
      ...defaultCalculatorValues({
        presetId: start.presetId,
        purchasePrice: home.currentOwnership?.purchasePrice ?? null,
        purchaseDate: home.currentOwnership?.purchaseDate ?? null,
        valuationDate,
        householdSize: defaultHouseholdSize(home.bedrooms),
        area,
      }),
      ...start.values,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const formData = await readFormData(request);
  // calculating changes nothing (viewers may); saving needs write access
  if (readIntent(formData, ["calculate", "save"], { whenMissing: "calculate" }) === "save") await requirePermission(request, "records:write");
  const { home, presets, incomeLimits, incomeLimitTables } = await calculatorData(actor.organisationId, params.homeId ?? "");
  const context: CalculatorContext = { presets, incomeLimits, incomeLimitTables, bedrooms: home.bedrooms };
  const submission = parseWithZod(formData, { schema: calculatorFormSchema(context) });
  // an "add a row" button (works without JavaScript) is not a calculation
  if (submission.status !== "success") {
    return data({ result: submission.reply(), calculation: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const { intent, presetName, request: resaleRequest, outcome } = submission.value;
  const result = calculateResale(resaleRequest);
  if (intent === "save") {
    try {
      const { id } = await saveResaleCalculation(db(), auditActor(actor), { homeId: home.id, presetName, request: resaleRequest, result });
      return redirectWithToast(`/resale/calculations/${id}`, {
        kind: "success",
        message: `Resale calculation saved: maximum resale price ${formatUsd(result.maxResalePrice)}.`,
      });
    } catch (error) {
      if (error instanceof CalculationTooLargeError) return data({ result: submission.reply({ formErrors: [error.message] }), calculation: null }, { status: 400 });
      throw error;
    }
  }
  return {
    result: submission.reply(),
    calculation: { presetName, request: resaleRequest, result, outcome: outcomeMeasures(resaleRequest, result, outcome, incomeLimits) },
  };
}

/** True once React runs in the browser: only then are fieldsets that do not apply hidden (without JS all show). */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

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

export default function ResaleCalculatorPage() {
  const { home, presets, incomeLimits, incomeLimitTables, saved, canWrite, defaults, sources } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const context = useMemo<CalculatorContext>(
    () => ({
      presets: presets.map((p) => ({ id: p.id, name: p.name, spec: p.spec as FormulaPresetSpec | null })),
      incomeLimits: incomeLimits ? { table: incomeLimits.table as unknown as IncomeLimitTable, method: incomeLimits.method } : null,
      incomeLimitTables,
      bedrooms: home.bedrooms,
    }),
    [presets, incomeLimits, incomeLimitTables, home.bedrooms],
  );
  const [form, fields] = useForm({
    id: `resale-${home.id}`,
    lastResult: actionData?.result,
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
  const byHand = !fields.presetId.value;
  const formulaType = fields.formulaType.value;
  const show = (visible: boolean) => (hydrated && !visible ? { hidden: true } : {});
  // the comparison page starts from the figures on this form (typed or prefilled)
  const carried = new URLSearchParams();
  for (const key of ["purchasePrice", "purchaseDate", "valuationDate", "appraisalAtPurchase", "appraisalCurrent", "indexAtPurchase", "indexCurrent", "householdSize"] as const) {
    const value = fields[key].value;
    if (typeof value === "string" && value.trim()) carried.set(key, value.trim());
  }
  const compareQuery = carried.size ? `?${carried.toString()}` : "";
  const byHandRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (byHand && byHandRef.current) byHandRef.current.open = true;
  }, [byHand]);
  // the chosen preset's figures only (all of them for a formula by hand, or without JavaScript)
  const chosenSpec = (presets.find((p) => p.id === fields.presetId.value)?.spec ?? null) as FormulaPresetSpec | null;
  const needed = new Set<HomeFigure>(figuresNeeded(byHand ? null : chosenSpec));
  const figure = (name: HomeFigure) => show(needed.has(name) || Boolean(fields[name].errors?.length));
  const improvements = fields.improvements.getFieldList();
  const deductions = fields.deductions.getFieldList();
  const calculation = actionData?.calculation ?? null;
  const busy = navigation.state === "submitting";
  const input = (meta: FieldMetadata<string | undefined>, label: string, hint?: string, inputMode: "decimal" | "text" = "decimal") => (
    <Field label={label} hint={hint} errors={meta.errors} inputProps={{ ...getInputProps(meta, { type: "text" }), inputMode }} />
  );

  return (
    <>
      <p>
        <Link to="/resale">← Resale calculator</Link> · <Link to={`/parcels/${home.parcelId}`}>Parcel</Link> ·{" "}
        <Link to={`/resale/homes/${home.id}/compare${compareQuery}`}>Compare presets and project prices</Link> ·{" "}
        <Link to={`/resale/homes/${home.id}/inputs`}>Valuation inputs</Link>
      </p>
      <h1>Resale calculator — {home.label}</h1>
      <p className="muted">
        {home.currentOwnership
          ? `Current homeowner: ${home.currentOwnership.household.name}, bought ${formatScreenDate(home.currentOwnership.purchaseDate)} for ${formatUsd(home.currentOwnership.purchasePrice)} (prefilled below).`
          : "No current homeowner is recorded for this home: enter the purchase price and date by hand."}
      </p>

      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorSummary formId={form.id} {...conformSummaryErrors(form.id, form.allErrors)} />

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
          <details ref={byHandRef} open={defaults.presetId === "" || undefined}>
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
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="field-hint">
              Nothing is recorded for this home yet: record appraisals under <Link to={`/resale/homes/${home.id}/inputs`}>Valuation inputs</Link>, or type the figures.
            </p>
          )}
        </fieldset>

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

        <div className="actions">
          <button type="submit" name="intent" value="calculate" className="primary" disabled={busy}>
            Calculate
          </button>
          {canWrite ? (
            <button type="submit" name="intent" value="save" className="secondary" disabled={busy}>
              Save calculation
            </button>
          ) : null}
        </div>
      </Form>

      {calculation ? (
        <section className="card stack" aria-labelledby="result-heading" style={{ marginTop: "1.5rem" }}>
          <h2 id="result-heading" style={{ marginTop: 0 }}>
            Result{calculation.presetName ? ` — ${calculation.presetName}` : ""}
          </h2>
          <Worksheet result={calculation.result} />
          <h3>Outcome measures</h3>
          <dl className="details">
            <dt>Income needed to buy at this price</dt>
            <dd>
              {formatUsd(calculation.outcome.incomeNeeded)} a year
              {calculation.outcome.percentOfAmi
                ? ` — ${calculation.outcome.percentOfAmi.atResalePrice}% AMI for ${calculation.outcome.householdSize} (at the seller's purchase price: ${calculation.outcome.percentOfAmi.atPurchasePrice}% AMI, ${formatUsd(calculation.outcome.incomeNeededAtPurchasePrice)})`
                : ` (at the seller's purchase price: ${formatUsd(calculation.outcome.incomeNeededAtPurchasePrice)})`}
            </dd>
            {calculation.outcome.percentOfAmi ? (
              <>
                <dt>100% AMI used</dt>
                <dd>
                  {formatUsd(calculation.outcome.percentOfAmi.hundredPercentIncome)} — {calculation.outcome.percentOfAmi.explanation}
                </dd>
              </>
            ) : null}
            <dt>Seller&apos;s gain over the purchase price</dt>
            <dd>{formatUsd(calculation.outcome.ownerGain)}</dd>
            <dt>Seller&apos;s net proceeds</dt>
            <dd>{formatUsd(calculation.outcome.sellerNetProceeds)} (price − mortgage payoff − closing costs − unpaid lease fees)</dd>
            <dt>Subsidy retained</dt>
            <dd>
              {calculation.outcome.subsidyRetained
                ? `${formatUsd(calculation.outcome.subsidyRetained)} (current market value − maximum resale price)`
                : "Enter the current appraised value to see it"}
            </dd>
          </dl>
          <h3>Inputs used</h3>
          <RequestInputs request={calculation.request} />
        </section>
      ) : null}

      <h2>Saved calculations for this home</h2>
      {saved.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <SavedCalculationsTable rows={saved} />
      )}
    </>
  );
}
