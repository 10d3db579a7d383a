import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { defaultStanding, ESCALATION_STAGES } from "~/modules/stewardship-decisions/defaults";
import { listLeaseDefaults } from "~/modules/stewardship-decisions/defaults.server";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Defaults and cure · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const status = new URL(request.url).searchParams.get("status") ?? "open";
  const today = todayIn(actor.timeZone);
  const rows = await listLeaseDefaults(db(), actor.organisationId, status === "all" ? {} : { status: status === "cured" ? "cured" : "open" });
  return {
    status,
    defaults: rows.map((r) => ({
      id: r.id,
      noticeDate: r.noticeDate,
      household: r.lease.household.name,
      home: r.homeLabel,
      lease: r.lease.reference,
      stage: r.escalations.length ? ESCALATION_STAGES[r.escalations.at(-1)!.stage] : "Notice of default",
      standing: defaultStanding({ ...r, status: r.status as "open" | "cured" }, today).label,
    })),
  };
}

export default function LeaseDefaultsPage() {
  const { defaults, status } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Defaults and cure</h1>
      <p className="muted">Notices of default with their cure deadlines from each lease&apos;s terms. Give a notice from the lease&apos;s page.</p>
      <p>
        Show: {status === "open" ? <strong>open</strong> : <Link to="/stewardship/defaults?status=open">open</Link>} ·{" "}
        {status === "cured" ? <strong>cured</strong> : <Link to="/stewardship/defaults?status=cured">cured</Link>} ·{" "}
        {status === "all" ? <strong>all</strong> : <Link to="/stewardship/defaults?status=all">all</Link>}
      </p>
      {defaults.length === 0 ? (
        <p className="muted">No defaults.</p>
      ) : (
        <TableWrap label="Defaults and cure">
          <table>
            <thead>
              <tr>
                <th scope="col">Notice</th>
                <th scope="col">Household</th>
                <th scope="col">Home</th>
                <th scope="col">Lease</th>
                <th scope="col">Stage</th>
                <th scope="col">Standing</th>
              </tr>
            </thead>
            <tbody>
              {defaults.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/stewardship/defaults/${d.id}`}>{d.noticeDate}</Link>
                  </td>
                  <td>{d.household}</td>
                  <td>{d.home}</td>
                  <td>{d.lease}</td>
                  <td>{d.stage}</td>
                  <td>{d.standing}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
