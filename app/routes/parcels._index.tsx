import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ApplyButton, FilterSelect, IncludeArchived, SearchBox } from "~/components/list-filters";
import { ManyMatches } from "~/components/many-matches";
import { Pagination } from "~/components/pagination";
import { requirePermission } from "~/modules/auth/session.server";
import { listParcels } from "~/modules/parcels/parcels.server";
import { FUNDING_PROGRAM_LABELS, FUNDING_PROGRAMS, PARCEL_STATUS_LABELS, PARCEL_STATUSES, parseListQuery } from "~/modules/parcels/schemas";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Parcels · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const query = parseListQuery(new URL(request.url));
  const result = await listParcels(db(), actor.organisationId, query);
  return { ...result, query, canWrite: can(actor.role, "records:write") };
}

export default function ParcelsPage() {
  const { parcels, total, totalIsExact, manyMatches, page, pageCount, query, canWrite } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <div className="page-header">
        <h1>Parcels</h1>
        <div className="actions">
          {canWrite ? (
            <>
              <Link className="button" to="/parcels/new">
                Register a parcel
              </Link>
              <Link className="button secondary" to="/parcels/import">
                Import CSV
              </Link>
            </>
          ) : null}
          <a className="button secondary" href={`/parcels/export.csv${location.search}`}>
            Export CSV
          </a>
        </div>
      </div>
      <Form method="get" className="filters" role="search">
        <SearchBox defaultValue={query.q} placeholder="APN, address or homeowner name" />
        <FilterSelect name="status" label="Status" defaultValue={query.status} anyLabel="Any status" options={PARCEL_STATUSES.map((value) => ({ value, label: PARCEL_STATUS_LABELS[value] }))} />
        <FilterSelect
          name="program"
          label="Funding program"
          defaultValue={query.program}
          anyLabel="Any program"
          options={FUNDING_PROGRAMS.map((value) => ({ value, label: FUNDING_PROGRAM_LABELS[value] }))}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          defaultValue={query.sort}
          options={[
            { value: "parcelNumber", label: "Parcel number" },
            { value: "streetAddress", label: "Address" },
            { value: "status", label: "Status" },
            { value: "updatedAt", label: "Last changed" },
          ]}
        />
        <FilterSelect
          name="dir"
          label="Order"
          defaultValue={query.dir}
          options={[
            { value: "asc", label: "Ascending" },
            { value: "desc", label: "Descending" },
          ]}
        />
        <IncludeArchived checked={query.archived !== undefined} />
        <ApplyButton />
      </Form>
      {manyMatches ? <ManyMatches /> : null}
      {parcels.length === 0 ? (
        <p className="card">No parcels match. {canWrite ? <Link to="/parcels/new">Register a parcel</Link> : null}</p>
      ) : (
        <TableWrap label="Parcels">
          <table>
            <thead>
              <tr>
                <th scope="col">Parcel number</th>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Homes
                </th>
                <th scope="col">Homeowner</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((parcel) => (
                <tr key={parcel.id}>
                  <td>
                    <Link to={`/parcels/${parcel.id}`}>{parcel.parcelNumber}</Link>
                  </td>
                  <td>
                    {parcel.streetAddress}
                    {parcel.city ? <span className="muted">, {parcel.city}</span> : null}
                  </td>
                  <td>
                    <span className="badge">{PARCEL_STATUS_LABELS[parcel.status]}</span>
                    {parcel.archived ? <span className="badge badge-warn"> Archived</span> : null}
                  </td>
                  <td className="num">{parcel.homeCount}</td>
                  <td>{parcel.homeowners.map((h) => h.name).join(", ") || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} exact={totalIsExact} noun="parcels" />
    </>
  );
}
