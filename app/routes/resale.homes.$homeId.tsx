import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { conformSummaryErrors, ErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import type { IncomeLimitTable } from "~/modules/income-limits/income-limits";
import {
  CalculationTooLargeError,
  getHomeForResale,
  latestIncomeLimits,
  listResaleCalculations,
  saveResaleCalculation,
} from "~/modules/resale/calculations.server";
import { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import { homeIncomeLimitArea, incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { calculateResale } from "~/modules/resale/engine";
import type { CalculatorContext } from "~/modules/resale/calculator-fields";
import { calculatorFormSchema } from "~/modules/resale/calculator-request";
import { defaultValuationDate } from "~/modules/resale/form-defaults";
import { outcomeMeasures } from "~/modules/resale/outcome-measures";
import { db } from "~/utils/db.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { SavedCalculationsTable } from "~/modules/resale/components";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
import { figuresNeeded, type HomeFigure } from "~/modules/home-inputs/prefill";
import { formatScreenDate } from "~/utils/calendar-date";
import { calculatorView } from "~/modules/resale-calculator-page/calculator-view";
import {
  DeductionsFieldset,
  FormulaFieldset,
  HomeFiguresFieldset,
  ImprovementsFieldset,
  OutcomeMeasuresFieldset,
  useCalculatorForm,
  useHydrated,
} from "~/modules/resale-calculator-page/calculator-form";
import { CalculationResult } from "~/modules/resale-calculator-page/calculation-result";

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
  return calculatorView({ home, presets, incomeLimits, incomeLimitTables, area, saved, canWrite: can(actor.role, "records:write"), start, valuationDate });
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
  const [form, fields] = useCalculatorForm({ homeId: home.id, lastResult: actionData?.result, defaults, context });
  const byHand = !fields.presetId.value;
  const show = (visible: boolean) => (hydrated && !visible ? { hidden: true } : {});
  // the comparison page starts from the figures on this form (typed or prefilled)
  const carried = new URLSearchParams();
  for (const key of ["purchasePrice", "purchaseDate", "valuationDate", "appraisalAtPurchase", "appraisalCurrent", "indexAtPurchase", "indexCurrent", "householdSize"] as const) {
    const value = fields[key].value;
    if (typeof value === "string" && value.trim()) carried.set(key, value.trim());
  }
  const compareQuery = carried.size ? `?${carried.toString()}` : "";
  // the chosen preset's figures only (all of them for a formula by hand, or without JavaScript)
  const chosenSpec = (presets.find((p) => p.id === fields.presetId.value)?.spec ?? null) as FormulaPresetSpec | null;
  const needed = new Set<HomeFigure>(figuresNeeded(byHand ? null : chosenSpec));
  const figure = (name: HomeFigure) => show(needed.has(name) || Boolean(fields[name].errors?.length));
  const calculation = actionData?.calculation ?? null;
  const busy = navigation.state === "submitting";

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

        <FormulaFieldset fields={fields} presets={presets} defaultPresetId={defaults.presetId} byHand={byHand} show={show} />

        <HomeFiguresFieldset fields={fields} figure={figure} sources={sources} homeId={home.id} />

        <ImprovementsFieldset form={form} fields={fields} />

        <DeductionsFieldset form={form} fields={fields} />

        <OutcomeMeasuresFieldset fields={fields} incomeLimits={incomeLimits} />

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

      {calculation ? <CalculationResult calculation={calculation} /> : null}

      <h2>Saved calculations for this home</h2>
      {saved.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <SavedCalculationsTable rows={saved} />
      )}
    </>
  );
}
