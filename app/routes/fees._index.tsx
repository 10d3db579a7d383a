import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ApplyButton } from "~/components/list-filters";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { AGING_LABELS, AgingTable, money } from "~/modules/lease-fees/components";
import { generateAllChargesAndArrears } from "~/modules/lease-fees/ledger.server";
import { AGING_BUCKETS } from "~/modules/lease-fees/rules";
import { formatScreenDate, isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Lease fees · Commonground" }];

/** The trust's arrears list with aging. Reading it posts what is due up to today on every ledger first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const asked = new URL(request.url).searchParams.get("asOf") ?? "";
  const asOf = isCalendarDate(asked) && asked <= today ? asked : today;
  const { arrears } = await generateAllChargesAndArrears(db(), auditActor(actor), today, asOf);
  return { asOf, today, ...arrears, canWrite: can(actor.role, "records:write") };
}

export default function FeesPage() {
  const { asOf, today, rows, totals, canWrite } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Lease fees: arrears</h1>
        <div className="actions">
          {canWrite ? (
            <Link className="button secondary" to="/fees/payments">
              Import payments (bank CSV)
            </Link>
          ) : null}
          <a className="button secondary" href={`/fees/export.csv?from=${asOf.slice(0, 4)}-01-01&to=${asOf}`} download>
            Bookkeeping export (CSV)
          </a>
        </div>
      </div>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="asOf">As of</label>
          <input id="asOf" name="asOf" type="date" defaultValue={asOf} max={today} />
        </div>
        <ApplyButton />
      </Form>
      <AgingTable aging={totals} caption={`Owed to the trust on ${formatScreenDate(asOf)}: ${money(totals.balance)} across ${rows.length} lease${rows.length === 1 ? "" : "s"}`} />
      {rows.length === 0 ? (
        <p>No lease owes anything on {formatScreenDate(asOf)}.</p>
      ) : (
        <TableWrap label="Lease fees: arrears">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Lease</th>
                <th scope="col">Homeowner</th>
                <th scope="col">Home</th>
                {AGING_BUCKETS.map((bucket) => (
                  <th key={bucket} scope="col" className="num">
                    {AGING_LABELS[bucket]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.leaseId}>
                  <td>
                    <Link to={`/leases/${row.leaseId}#fees`}>{row.reference}</Link>
                  </td>
                  <td>
                    <Link to={`/households/${row.householdId}`}>{row.householdName}</Link>
                  </td>
                  <td>{row.homeLabel}</td>
                  {AGING_BUCKETS.map((bucket) => (
                    <td key={bucket} className="num">
                      {money(row.aging[bucket])}
                    </td>
                  ))}
                  <td className="num">{money(row.balanceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p className="muted">
        Aging by each unpaid charge's due date. The ledgers and their rules: each lease page. Account codes for the export and index values: Settings → Lease fees.
      </p>
    </>
  );
}
