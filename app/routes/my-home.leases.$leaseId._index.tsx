import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { myLease } from "~/modules/portal/my-home.server";
import { formatScreenDate, todayIn, withScreenDates } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Lease ${data?.lease.reference ?? ""} · My home · Commonground` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const found = await myLease(db(), actor, params.leaseId ?? "", today);
  if (!found) throw new Response("Lease not found", { status: 404 });
  return { ...found, today };
}

function usd(cents: number): string {
  return formatUsd(centsToString(cents));
}

export default function MyLeasePage() {
  const { lease, plainTerms, amendments, fees, today } = useLoaderData<typeof loader>();
  return (
    <div className="portal stack">
      <p>
        <Link to="/my-home">← My home</Link>
      </p>
      <h1>Your lease {lease.reference}</h1>
      <p>
        {lease.homeAddress}. Status: <strong>{lease.statusLabel}</strong>
        {lease.executionDate ? <>, signed {formatScreenDate(lease.executionDate)}</> : null}
        {lease.recordingDate ? <>, recorded {formatScreenDate(lease.recordingDate)}</> : null}
        {lease.endedOn ? <>, ended {formatScreenDate(lease.endedOn)}</> : null}. Lessees: {lease.lessees.join(", ") || "—"}.
      </p>
      <p className="portal-actions">
        <a className="button" href={`/my-home/leases/${lease.id}/lease.pdf`}>
          The lease (PDF)
        </a>
        <a className="button secondary" href={`/my-home/leases/${lease.id}/memorandum.pdf`}>
          Memorandum of lease (PDF)
        </a>
      </p>

      <section aria-labelledby="terms-heading" className="card">
        <h2 id="terms-heading">The key terms, in plain words</h2>
        <p className="muted">As in force on {formatScreenDate(today)}, with any amendments. The signed lease is what counts; this is a summary.</p>
        {plainTerms.map((term) => (
          <div key={term.title}>
            <h3>{term.title}</h3>
            <p>{term.text}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="amendments-heading" className="card">
        <h2 id="amendments-heading">Amendments</h2>
        {amendments.length === 0 ? (
          <p>The lease has not been amended.</p>
        ) : (
          <ul>
            {amendments.map((a) => (
              <li key={a.id}>
                From {formatScreenDate(a.effectiveDate)}: {a.description}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fees-heading" className="card">
        <h2 id="fees-heading">Your lease-fee account</h2>
        {!fees.hasLedger ? (
          <p>No lease fees are due under this lease yet.</p>
        ) : (
          <>
            <p className="stat">{fees.balanceCents > 0 ? `You owe ${usd(fees.balanceCents)}` : fees.balanceCents < 0 ? `${usd(-fees.balanceCents)} in credit` : "Nothing is owed"}</p>
            {fees.unpaid.length > 0 ? (
              <ul>
                {fees.unpaid.map((u) => (
                  <li key={u.key}>
                    {withScreenDates(u.label)}: {usd(u.unpaidCents)} unpaid
                  </li>
                ))}
              </ul>
            ) : null}
            <TableWrap label="Your lease-fee account">
              <table>
                <caption className="muted">Every charge and payment, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">What</th>
                    <th scope="col" className="num">Amount</th>
                    <th scope="col" className="num">Balance</th>
                  </tr>
                </thead>
                <tbody>
                  {fees.lines.map((line, i) => (
                    <tr key={i}>
                      <td>{formatScreenDate(line.date)}</td>
                      <td>
                        {withScreenDates(line.label)}
                        {line.reversed ? <span className="muted"> (reversed)</span> : null}
                      </td>
                      <td className="num">{usd(line.amountCents)}</td>
                      <td className="num">{usd(line.balanceCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p>
              <a className="button secondary" href={`/my-home/statement.pdf?from=${today.slice(0, 4)}-01-01&to=${today}`}>
                This year&apos;s statement (PDF)
              </a>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
