import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { FUNDING_PROGRAM_LABELS, HOME_TYPE_LABELS, PARCEL_STATUS_LABELS } from "~/modules/parcels/schemas";
import { LEASE_STATUS_LABELS } from "~/modules/leases/lifecycle";
import { loadPortfolioReport } from "~/modules/reports/reports.server";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Reports · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "reports:read");
  return { organisationName: actor.organisationName, report: await loadPortfolioReport(db(), actor.organisationId, { today: todayIn(actor.timeZone) }) };
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
  const { organisationName, report } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Portfolio report</h1>
      <p className="muted">{organisationName} — households served, affordability and funding, as recorded today.</p>
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
        rows={report.flaggedPurchases.map((p) => [p.household, p.home, p.purchaseDate, p.message])}
      />
      <h2>Resales completed</h2>
      <Table
        caption="Closed resale and transfer cases, with the outcome measures stored at closing"
        headers={["Home", "Closed", "Price", "% AMI needed (this sale / previous)", "Subsidy retained", "Seller's gain", "Net proceeds", "Return on down payment"]}
        rows={report.resales.map((r) => [
          r.home,
          r.closingDate ?? "",
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
