import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { TableWrap } from "~/components/table-wrap";
import { Field } from "~/components/forms";
import { ApplyButton } from "~/components/list-filters";
import { dollarsTickLabel } from "~/modules/reports/chart";
import { periodReportSections, type ReportSection } from "~/modules/reports/report-tables";
import { ReportTable } from "~/modules/reports/report-table";
import { FUNDING_PROGRAM_LABELS, HOME_TYPE_LABELS, PARCEL_STATUS_LABELS } from "~/modules/parcels/schemas";
import { LEASE_STATUS_LABELS } from "~/modules/leases/lifecycle";
import { listFundingSources, loadPortfolioReport } from "~/modules/reports/reports.server";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { periodReportRequest } from "~/web/report-pages.server";

export const meta: MetaFunction = () => [{ title: "Reports · Commonground" }];

/** The director's report for a period (?from=&to=, blank: this year to date) above the portfolio as it stands today. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, today, query, errors, report: period } = await periodReportRequest(request);
  const [report, fundingSources] = await Promise.all([loadPortfolioReport(db(), actor.organisationId, { today }), listFundingSources(db(), actor.organisationId)]);
  const body = { organisationName: actor.organisationName, query, errors, sections: period ? periodReportSections(period) : null, report, fundingSources };
  return period ? body : data(body, { status: 400 });
}

function PeriodSection({ section }: { section: ReportSection }) {
  return (
    <section className="report-section" aria-labelledby={`${section.id}-heading`}>
      <h2 id={`${section.id}-heading`}>{section.title}</h2>
      <p className="muted">{section.note}</p>
      <div className="report-figures">
        {section.chart ? (
          <BarChart
            id={`chart-${section.id}`}
            title={section.chart.title}
            bars={section.chart.bars}
            wholeNumbers={section.chart.unit === "count"}
            formatTick={section.chart.unit === "dollars" ? dollarsTickLabel : undefined}
          />
        ) : null}
        <ReportTable section={section} empty="None in this period" caption />
      </div>
      {section.summary.length ? <p className="report-summary">{section.summary.map((line) => `${line.charAt(0).toUpperCase()}${line.slice(1)}`).join(" · ")}</p> : null}
    </section>
  );
}

function Table({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <TableWrap label={caption} style={{ marginBottom: "1rem" }}>
      <table>
        <caption style={{ textAlign: "left", padding: "0.5rem 0.75rem", fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th key={header} scope="col" className={i > 0 ? "num" : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className="muted">
                None yet
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <td key={i} className={i > 0 ? "num" : undefined}>
                    {typeof cell === "number" ? cell.toLocaleString("en-US") : cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}

export default function ReportsPage() {
  const { organisationName, query, errors, sections, report, fundingSources } = useLoaderData<typeof loader>();
  const exportQuery = new URLSearchParams({ from: query.from, to: query.to }).toString();
  return (
    <>
      <h1>Reports</h1>
      <p className="muted">{organisationName} — households served, affordability, resales and lease fees for a period, then the portfolio as recorded today.</p>
      <Form method="get" className="filters report-period" aria-label="Reporting period">
        <Field label="First day" hint="Blank: 1 January of this year" errors={errors.from ?? undefined} inputProps={{ id: "from", name: "from", type: "date", defaultValue: query.from }} />
        <Field label="Last day" hint="Blank: today" errors={errors.to ?? undefined} inputProps={{ id: "to", name: "to", type: "date", defaultValue: query.to }} />
        <ApplyButton />
      </Form>
      {sections ? (
        <>
          <p className="report-downloads">
            Period {formatScreenDate(query.from)} – {formatScreenDate(query.to)} ·{" "}
            <a href={`/reports.csv?${exportQuery}`} download>
              Download CSV
            </a>{" "}
            ·{" "}
            <a href={`/reports.pdf?${exportQuery}`} download>
              Download PDF
            </a>
          </p>
          {sections.map((section) => (
            <PeriodSection key={section.id} section={section} />
          ))}
        </>
      ) : (
        <p className="muted">Correct the period to see the report.</p>
      )}
      <h2>Funder reports</h2>
      <TableWrap label="Funder reports">
        <table>
          <caption style={{ textAlign: "left", padding: "0.5rem 0.75rem", fontWeight: 600 }}>Each funding source&apos;s homes, households served and affordability period</caption>
          <thead>
            <tr>
              <th scope="col">Funder</th>
              <th scope="col">Program</th>
              <th scope="col">Land</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Affordability period ends</th>
            </tr>
          </thead>
          <tbody>
            {fundingSources.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No funding recorded
                </td>
              </tr>
            ) : (
              fundingSources.map((source) => (
                <tr key={source.id}>
                  <td>
                    <Link to={`/reports/funding/${source.id}`}>{source.funder}</Link>
                  </td>
                  <td>{FUNDING_PROGRAM_LABELS[source.program]}</td>
                  <td>{source.parcel}</td>
                  <td className="num">{formatUsd(centsToString(source.amountCents))}</td>
                  <td>{source.affordabilityEnds ? formatScreenDate(source.affordabilityEnds) : "Not recorded"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableWrap>
      <h2 style={{ marginTop: "2rem" }}>The portfolio today</h2>
      <section className="cards" aria-label="Key figures">
        <div className="card">
          <p className="stat">{report.householdsServed}</p>
          <p className="stat-label">Households served (purchases)</p>
        </div>
        <div className="card">
          <p className="stat">{report.currentOwners}</p>
          <p className="stat-label">Current homeowners</p>
        </div>
        <div className="card">
          <p className="stat">{report.resalesCompleted}</p>
          <p className="stat-label">Resales completed</p>
        </div>
        <div className="card">
          <p className="stat">{report.averagePercentAmi ? `${report.averagePercentAmi}%` : "—"}</p>
          <p className="stat-label">Average % AMI at purchase ({report.certifiedPurchases} certified)</p>
        </div>
        <div className="card">
          <p className="stat">{report.averagePurchasePriceCents !== null ? formatUsd(centsToString(report.averagePurchasePriceCents)) : "—"}</p>
          <p className="stat-label">Average purchase price</p>
        </div>
      </section>
      <h2>Households by income at purchase (HUD-9902 bands)</h2>
      <Table caption="Households served by % of area median income" headers={["Income band", "Households"]} rows={report.incomeBands.map((b) => [b.band, b.households])} />
      <h2>Income certifications at purchase</h2>
      <Table
        caption={`Purchases without an income certification valid at the purchase (valid ${report.certificationValidityMonths} months)`}
        headers={["Household", "Home", "Purchased", "Certification"]}
        rows={report.flaggedPurchases.map((p) => [p.household, p.home, formatScreenDate(p.purchaseDate), withScreenDates(p.message)])}
      />
      <h2>Resales completed</h2>
      <Table
        caption="Closed resale and transfer cases, with the outcome measures stored at closing"
        headers={["Home", "Closed", "Price", "% AMI needed (this sale / previous)", "Subsidy retained", "Seller's gain", "Net proceeds", "Return on down payment"]}
        rows={report.resales.map((r) => [
          r.home,
          formatScreenDate(r.closingDate),
          r.priceCents === null ? "—" : formatUsd(centsToString(r.priceCents)),
          r.outcomes ? `${r.outcomes.percentAmiNeeded.atThisSale ?? "—"} / ${r.outcomes.percentAmiNeeded.atPreviousSale ?? "—"}` : "—",
          r.outcomes?.subsidyRetained ? formatUsd(r.outcomes.subsidyRetained) : "—",
          r.outcomes ? formatUsd(r.outcomes.sellerGain) : "—",
          r.outcomes ? formatUsd(r.outcomes.netProceeds) : "—",
          r.outcomes?.annualisedReturnOnDownPayment ? `${r.outcomes.annualisedReturnOnDownPayment} % a year` : "—",
        ])}
      />
      <h2>Land and homes</h2>
      <Table caption="Parcels by status" headers={["Status", "Parcels"]} rows={report.parcelsByStatus.map((g) => [PARCEL_STATUS_LABELS[g.status], g.count])} />
      <Table caption="Homes by type" headers={["Type", "Homes"]} rows={report.homesByType.map((g) => [HOME_TYPE_LABELS[g.homeType], g.count])} />
      <Table caption="Ground leases by status" headers={["Status", "Leases"]} rows={report.leasesByStatus.map((g) => [LEASE_STATUS_LABELS[g.status], g.count])} />
      <h2>Funding</h2>
      <Table
        caption="Funding by program"
        headers={["Program", "Sources", "Amount"]}
        rows={report.fundingByProgram.map((g) => [FUNDING_PROGRAM_LABELS[g.program], g.count, formatUsd(centsToString(g.amountCents))])}
      />
    </>
  );
}
