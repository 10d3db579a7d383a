import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { limitFor } from "~/modules/income-limits/income-limits";
import { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import { getHomeForResale, latestIncomeLimits } from "~/modules/resale/calculations.server";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { DEFAULT_BUYER, defaultBuyerTerms, defaultHouseholdSize, defaultValuationDate } from "~/modules/resale/form-defaults";
import { presetProblemInWords } from "~/modules/resale/form-messages";
import { parseProjectionForm, type ProjectionFormValues } from "~/modules/resale/projection-form";
import { chartGeometry, projectResalePrices, type ProjectionRow } from "~/modules/resale/projection";
import { db } from "~/utils/db.server";
import { formatUsd } from "~/utils/money";
import { BOUND_BY_LABELS } from "~/modules/resale/components";
import { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
import { formatScreenDate, isCalendarDate, withScreenDates } from "~/utils/calendar-date";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Compare and project${data ? ` — ${data.home.label}` : ""} · Commonground` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const home = await getHomeForResale(db(), actor.organisationId, params.homeId ?? "");
  if (!home) throw new Response("Home not found", { status: 404 });
  const [presets, incomeLimits, incomeLimitTables] = await Promise.all([
    presetsForCalculator(db(), actor.organisationId),
    latestIncomeLimits(db(), actor.organisationId),
    incomeLimitTablesForContract(db(), actor.organisationId),
  ]);
  const usable = presets.filter((p) => p.spec);

  const search = new URL(request.url).searchParams;
  // the same starting figures as the calculator (the home's stored inputs at the valuation date); the calculator's
  // link carries the figures typed there in the query, which win
  const valuationDate = search.get("valuationDate") || defaultValuationDate(actor.timeZone);
  const start = await calculatorStartingPoint(db(), actor.organisationId, home, presets, isCalendarDate(valuationDate) ? valuationDate : defaultValuationDate(actor.timeZone));
  const get = (key: keyof ProjectionFormValues, fallback: string) => search.get(key) ?? fallback;
  const values: ProjectionFormValues = {
    purchasePrice: get("purchasePrice", home.currentOwnership?.purchasePrice ?? ""),
    purchaseDate: get("purchaseDate", home.currentOwnership?.purchaseDate ?? ""),
    valuationDate: get("valuationDate", defaultValuationDate(actor.timeZone)),
    appraisalAtPurchase: get("appraisalAtPurchase", start.values.appraisalAtPurchase),
    appraisalCurrent: get("appraisalCurrent", start.values.appraisalCurrent),
    indexAtPurchase: get("indexAtPurchase", start.values.indexAtPurchase),
    indexCurrent: get("indexCurrent", start.values.indexCurrent),
    years: get("years", "10"),
    marketGrowth: get("marketGrowth", "3"),
    amiGrowth: get("amiGrowth", "3"),
    indexGrowth: get("indexGrowth", "2.5"),
    interestRate: get("interestRate", "6.5"),
    targetPercentAmi: get("targetPercentAmi", "80"),
    householdSize: get("householdSize", String(defaultHouseholdSize(home.bedrooms))),
    // none ticked (or a first visit): compare them all
    presetIds: search.getAll("presetIds").length ? search.getAll("presetIds") : usable.map((p) => p.id),
  };
  const chosen = usable.filter((p) => values.presetIds.includes(p.id));
  const parsed = parseProjectionForm(values);

  let projection: { labels: string[]; rows: ProjectionRow[]; target: string | null } | null = null;
  if (parsed.ok && chosen.length) {
    const { base, years, marketGrowth, amiGrowth, indexGrowth, interestRate, targetPercentAmi, householdSize } = parsed.value;
    const targetIncome = incomeLimits ? limitFor(incomeLimits.table, targetPercentAmi, householdSize, incomeLimits.method).amount : null;
    const rows = projectResalePrices({
      base,
      specs: chosen.map((p) => ({ label: p.name, spec: p.spec! })),
      assumptions: { years, marketGrowth, amiGrowth, indexGrowth, interestRate },
      target: targetIncome ? { label: `${targetPercentAmi}% AMI`, income: targetIncome, terms: defaultBuyerTerms() } : null,
      // presets naming an AMI level: resolved at the valuation date from the table then in effect
      incomeLimitTables,
      bedrooms: home.bedrooms,
    });
    projection = {
      labels: chosen.map((p) => p.name),
      rows,
      target: targetIncome ? `${targetPercentAmi}% AMI, ${householdSize} ${householdSize === 1 ? "person" : "people"} (${incomeLimits!.label})` : null,
    };
  }
  return {
    home,
    presets: usable.map((p) => ({ id: p.id, name: p.name })),
    values,
    errors: parsed.ok ? {} : parsed.errors,
    projection,
    hasIncomeLimits: incomeLimits !== null,
  };
}

const COLOURS = ["#2f6b4f", "#b5522b", "#3c5a99", "#8a6d1d", "#7a3e7a", "#1f7a7a"];
const DASHES = ["", "6 4", "2 3", "10 4 2 4", "1 5", "8 8"];

function ProjectionChart({ labels, rows, target }: { labels: string[]; rows: ProjectionRow[]; target: string | null }) {
  const series = [
    ...labels.map((label, i) => ({ label, values: rows.map((row) => { const p = row.prices[i]!; return "error" in p ? null : p.maxResalePrice; }) })),
    ...(target ? [{ label: `Affordable at ${target}`, values: rows.map((row) => row.affordablePrice) }] : []),
    ...(rows.some((row) => row.marketValue) ? [{ label: "Market value", values: rows.map((row) => row.marketValue) }] : []),
  ];
  const chart = chartGeometry(rows.map((row) => row.year), series);
  return (
    <figure className="card" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby="chart-title chart-desc" style={{ width: "100%", height: "auto", maxWidth: `${chart.width}px` }}>
        <title id="chart-title">Projected maximum resale prices</title>
        <desc id="chart-desc">
          {`Lines for ${series.map((s) => s.label).join(", ")} over years 0 to ${rows.at(-1)?.year ?? 0}. The table below gives every value.`}
        </desc>
        {chart.yTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} stroke="#ddd" />
            <text x={chart.plot.left - 8} y={tick.y + 4} textAnchor="end" fontSize="11" fill="#555">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => (
          <text key={tick.label} x={tick.x} y={chart.plot.bottom + 18} textAnchor="middle" fontSize="11" fill="#555">
            {tick.label}
          </text>
        ))}
        <text x={(chart.plot.left + chart.plot.right) / 2} y={chart.height - 2} textAnchor="middle" fontSize="11" fill="#555">
          Years from the valuation date
        </text>
        {chart.series.map((s, i) => (
          <polyline key={s.label} points={s.points} fill="none" stroke={COLOURS[i % COLOURS.length]} strokeWidth="2" strokeDasharray={DASHES[i % DASHES.length] || undefined} />
        ))}
      </svg>
      <figcaption>
        <ul className="actions" style={{ listStyle: "none", padding: 0 }} aria-label="Legend">
          {chart.series.map((s, i) => (
            <li key={s.label}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={COLOURS[i % COLOURS.length]} strokeWidth="2" strokeDasharray={DASHES[i % DASHES.length] || undefined} />
              </svg>{" "}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function QueryField({ name, label, value, error, hint }: { name: string; label: string; value: string; error?: string; hint?: string }) {
  const id = `compare-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {withScreenDates(error)}
        </p>
      ) : null}
    </div>
  );
}

export default function ComparePage() {
  const { home, presets, values, errors, projection, hasIncomeLimits } = useLoaderData<typeof loader>();
  const e = errors as Record<string, string | undefined>;
  const first = projection?.rows[0];
  return (
    <>
      <p>
        <Link to={`/resale/homes/${home.id}`}>← Resale calculator for this home</Link>
      </p>
      <h1>Compare formulas and project prices — {home.label}</h1>
      {presets.length === 0 ? (
        <p>
          The organisation has no formula presets to compare yet. An administrator adds them under{" "}
          <Link to="/settings/formula-presets">Settings → Formula presets</Link>.
        </p>
      ) : null}
      <Form method="get" className="card stack">
        <fieldset>
          <legend>Formula presets to compare</legend>
          <div className="actions">
            {presets.map((p) => (
              <label key={p.id} className="field-checkbox">
                <input type="checkbox" name="presetIds" value={p.id} defaultChecked={values.presetIds.includes(p.id)} /> {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="form-grid">
          <legend>This home</legend>
          <QueryField name="purchasePrice" label="Seller's purchase price ($)" value={values.purchasePrice} error={e.purchasePrice} />
          <QueryField name="purchaseDate" label="Purchase date" hint="YYYY-MM-DD" value={values.purchaseDate} error={e.purchaseDate} />
          <QueryField name="valuationDate" label="Valuation date (year 0)" hint="YYYY-MM-DD" value={values.valuationDate} error={e.valuationDate} />
          <QueryField name="appraisalAtPurchase" label="Appraised value at purchase ($)" value={values.appraisalAtPurchase} error={e.appraisalAtPurchase} />
          <QueryField name="appraisalCurrent" label="Current appraised value ($)" value={values.appraisalCurrent} error={e.appraisalCurrent} />
          <QueryField name="indexAtPurchase" label="Index value at purchase" value={values.indexAtPurchase} error={e.indexAtPurchase} />
          <QueryField name="indexCurrent" label="Index value now" value={values.indexCurrent} error={e.indexCurrent} />
        </fieldset>
        <fieldset className="form-grid">
          <legend>Projection assumptions (constant yearly rates)</legend>
          <QueryField name="years" label="Years" value={values.years} error={e.years} />
          <QueryField name="marketGrowth" label="Market value growth (% a year)" value={values.marketGrowth} error={e.marketGrowth} />
          <QueryField name="amiGrowth" label="AMI growth (% a year)" value={values.amiGrowth} error={e.amiGrowth} />
          <QueryField name="indexGrowth" label="CPI / lease index growth (% a year)" value={values.indexGrowth} error={e.indexGrowth} />
          <QueryField name="interestRate" label="Mortgage interest rate (%)" value={values.interestRate} error={e.interestRate} />
          <QueryField
            name="targetPercentAmi"
            label="Target household (% AMI)"
            value={values.targetPercentAmi}
            error={e.targetPercentAmi}
            hint={hasIncomeLimits ? undefined : "No income-limit table yet: the affordable price cannot be shown"}
          />
          <QueryField name="householdSize" label="Household size" value={values.householdSize} error={e.householdSize} />
        </fieldset>
        <div>
          <button type="submit" className="primary">
            Compare and project
          </button>
        </div>
      </Form>

      {projection && first ? (
        <>
          <h2 id="side-by-side">Side by side, on {formatScreenDate(first.date)}</h2>
          {/* scrolls sideways on a narrow screen: focusable so the keyboard can scroll it too */}
          <TableWrap labelledBy="side-by-side" className="wrap-headers">
            <table>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  {projection.labels.map((label) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(["formulaPrice", "maxResalePrice", "boundBy"] as const).map((measure) => (
                  <tr key={measure}>
                    <th scope="row">{measure === "formulaPrice" ? "Formula price" : measure === "maxResalePrice" ? "Maximum resale price" : "Bound by"}</th>
                    {first.prices.map((price, i) => (
                      <td key={projection.labels[i]} className={measure === "boundBy" ? undefined : "num"}>
                        {"error" in price
                          ? measure === "formulaPrice"
                            ? [...new Set(price.problems.map((p) => presetProblemInWords(p.path, p.message)))].join(" ")
                            : "—"
                          : measure === "boundBy"
                            ? BOUND_BY_LABELS[price.boundBy]
                            : formatUsd(price[measure])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>

          <h2>Projection over {projection.rows.length - 1} years</h2>
          <ProjectionChart labels={projection.labels} rows={projection.rows} target={projection.target} />
          <TableWrap label="Projection table: maximum resale price by year" className="wrap-headers" style={{ marginTop: "1rem" }}>
            <table>
              <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.75rem" }}>
                Maximum resale price by year under each preset{projection.target ? `, and the price affordable at ${projection.target}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Date</th>
                  {projection.labels.map((label) => (
                    <th scope="col" key={label} className="num">
                      {label}
                    </th>
                  ))}
                  {projection.target ? (
                    <th scope="col" className="num">
                      Affordable price
                    </th>
                  ) : null}
                  <th scope="col" className="num">
                    Market value
                  </th>
                </tr>
              </thead>
              <tbody>
                {projection.rows.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td>{formatScreenDate(row.date)}</td>
                    {row.prices.map((price, i) => (
                      <td key={projection.labels[i]} className="num">
                        {"error" in price ? "—" : formatUsd(price.maxResalePrice)}
                      </td>
                    ))}
                    {projection.target ? <td className="num">{row.affordablePrice ? formatUsd(row.affordablePrice) : "—"}</td> : null}
                    <td className="num">{row.marketValue ? formatUsd(row.marketValue) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted">
            Assumptions: constant yearly growth, compounded; incomes in affordability formulas and caps grow with AMI; the affordable price uses a{" "}
            {DEFAULT_BUYER.termYears}-year loan, {DEFAULT_BUYER.downPaymentRate}% down, {DEFAULT_BUYER.housingCostRatio}% of income for housing,{" "}
            {DEFAULT_BUYER.propertyTaxRate}% property tax, {formatUsd(DEFAULT_BUYER.insurance)} insurance and {formatUsd(DEFAULT_BUYER.leaseFee)} lease fee a month.
          </p>
        </>
      ) : null}
    </>
  );
}
