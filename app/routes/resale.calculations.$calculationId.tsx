import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { getResaleCalculation } from "~/modules/resale/calculations.server";
import { RequestInputs, Worksheet } from "~/modules/resale/components";
import { describeResaleRule, formulaLabel } from "~/modules/resale/describe";
import { subsidyRetained } from "~/modules/resale/outcomes";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { formatUsd, toMoneyString } from "~/utils/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Resale worksheet${data ? ` — ${data.calculation.homeLabel}` : ""} · Commonground` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const calculation = await getResaleCalculation(db(), actor.organisationId, params.calculationId ?? "");
  if (!calculation) throw new Response("Calculation not found", { status: 404 });
  return {
    calculation: {
      ...calculation,
      createdAt: calculation.createdAt.toISOString(),
      formulaLabel: formulaLabel(calculation.request.formula),
      formulaDescription: describeResaleRule(calculation.request),
      subsidyRetained: calculation.request.appraisals?.current
        ? toMoneyString(subsidyRetained(calculation.request.appraisals.current, calculation.result.maxResalePrice))
        : null,
    },
  };
}


export default function SavedCalculationPage() {
  const formatInstant = useFormatInstant();
  const { calculation } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/resale">← Resale calculator</Link> · <Link to={`/resale/homes/${calculation.homeId}`}>Calculate again for this home</Link>
      </p>
      <div className="page-header">
        <h1>Resale worksheet — {calculation.homeLabel}</h1>
        <div className="actions">
          <a className="button" href={`/resale/calculations/${calculation.id}/worksheet.pdf`} download>
            Download worksheet (PDF)
          </a>
        </div>
      </div>
      <p className="muted">
        Saved {formatInstant(calculation.createdAt)} by {calculation.createdByLabel}. A saved calculation never changes: it shows the inputs
        and rule as they were on that day.
      </p>
      <section className="card" aria-labelledby="rule">
        <h2 id="rule" style={{ marginTop: 0 }}>
          Rule: {calculation.presetName ? `${calculation.presetName} (${calculation.formulaLabel})` : calculation.formulaLabel}
        </h2>
        <p>{calculation.formulaDescription}</p>
        <RequestInputs request={calculation.request} />
      </section>
      <Worksheet result={calculation.result} />
      {calculation.subsidyRetained ? (
        <p>
          Subsidy retained (market value − maximum resale price): <strong>{formatUsd(calculation.subsidyRetained)}</strong>
        </p>
      ) : null}
    </>
  );
}
