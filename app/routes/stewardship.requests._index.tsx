import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listStewardshipRequests } from "~/modules/stewardship-decisions/requests.server";
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus } from "~/modules/stewardship-decisions/schemas";
import { db } from "~/utils/db.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Requests and decisions · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const requests = await listStewardshipRequests(db(), actor.organisationId, { ...(status in REQUEST_STATUSES ? { status } : {}) });
  return {
    status,
    requests: requests.map((r) => ({ id: r.id, kind: r.kind as RequestKind, status: r.status as RequestStatus, receivedOn: r.receivedOn, decidedOn: r.decidedOn, lease: r.lease.reference, household: r.lease.household.name, home: r.homeLabel })),
  };
}

export default function StewardshipRequestsPage() {
  const { requests, status } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Requests and decisions</h1>
      <p className="muted">Homeowners&apos; requests (refinance, improvement, leave of absence, renting, short sale) and the trust&apos;s decisions. Record a request from the lease&apos;s page. See also <Link to="/stewardship/defaults">defaults and cure</Link>.</p>
      <p>
        Show: <Link to="/stewardship/requests">all</Link>
        {Object.entries(REQUEST_STATUSES).map(([key, label]) => (
          <span key={key}>
            {" · "}
            {status === key ? <strong>{label}</strong> : <Link to={`/stewardship/requests?status=${key}`}>{label}</Link>}
          </span>
        ))}
      </p>
      {requests.length === 0 ? (
        <p className="muted">No requests.</p>
      ) : (
        <TableWrap label="Requests and decisions">
          <table>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Request</th>
                <th scope="col">Household</th>
                <th scope="col">Home</th>
                <th scope="col">Lease</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.receivedOn}</td>
                  <td>
                    <Link to={`/stewardship/requests/${r.id}`}>{REQUEST_KINDS[r.kind]}</Link>
                  </td>
                  <td>{r.household}</td>
                  <td>{r.home}</td>
                  <td>{r.lease}</td>
                  <td>
                    {REQUEST_STATUSES[r.status]}
                    {r.decidedOn ? ` ${r.decidedOn}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
