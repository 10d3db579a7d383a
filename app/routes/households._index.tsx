import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ApplyButton, FilterSelect, IncludeArchived, SearchBox } from "~/components/list-filters";
import { ManyMatches } from "~/components/many-matches";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listHouseholds } from "~/modules/households/households.server";
import { parseHouseholdFilters } from "~/modules/households/schemas";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Households · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const filters = parseHouseholdFilters(new URL(request.url));
  const result = await listHouseholds(db(), actor.organisationId, filters);
  return {
    filters,
    canWrite: can(actor.role, "records:write"),
    total: result.total,
    totalIsExact: result.totalIsExact,
    manyMatches: result.manyMatches,
    page: result.page,
    pageCount: result.pageCount,
    households: result.households.map((h) => {
      const latest = h.incomeCertifications[0];
      const home = h.ownerships[0]?.home;
      return {
        id: h.id,
        name: h.name,
        archived: Boolean(h.archivedAt),
        size: latest?.householdSize ?? h.members.length,
        memberCount: h.members.length,
        memberNames: h.members.slice(0, 4).map((m) => m.fullName),
        latest: latest ? { percentAmi: latest.percentAmi, certifiedOn: latest.certifiedOn, eligible: latest.eligible, targetLevel: latest.targetLevel } : null,
        home: home ? { label: [home.parcel.streetAddress, home.label].filter(Boolean).join(" — "), parcelId: home.parcel.id } : null,
      };
    }),
  };
}

export default function HouseholdsPage() {
  const { households, filters, total, totalIsExact, manyMatches, page, pageCount, canWrite } = useLoaderData<typeof loader>();
  const link = (changes: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filters.q) params.set("q", filters.q);
    if (filters.sort !== "name") params.set("sort", filters.sort);
    if (filters.includeArchived) params.set("archived", "1");
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    return `?${params}`;
  };
  const exportParams = new URLSearchParams();
  if (filters.q) exportParams.set("q", filters.q);
  if (filters.sort !== "name") exportParams.set("sort", filters.sort);
  if (filters.includeArchived) exportParams.set("archived", "1");
  return (
    <>
      <div className="page-header">
        <h1>Households</h1>
        <div className="actions">
          {canWrite ? (
            <>
              <Link className="button" to="/households/new">
                Add a household
              </Link>
              <Link className="button secondary" to="/households/import">
                Import CSV
              </Link>
            </>
          ) : null}
          <a className="button secondary" href={`/households/export.csv?${exportParams}`} download>
            Export CSV
          </a>
        </div>
      </div>
      <Form method="get" className="filters" role="search">
        <SearchBox defaultValue={filters.q} placeholder="Name, member or email" />
        <FilterSelect
          name="sort"
          label="Sort by"
          defaultValue={filters.sort}
          options={[
            { value: "name", label: "Name" },
            { value: "updated", label: "Recently updated" },
          ]}
        />
        <IncludeArchived checked={filters.includeArchived} />
        <ApplyButton />
      </Form>
      <p className="muted">
        {total.toLocaleString("en-US")}
        {totalIsExact ? "" : "+"} household{total === 1 && totalIsExact ? "" : "s"}
        {filters.q ? ` matching “${filters.q}”` : ""}
      </p>
      {manyMatches ? <ManyMatches /> : null}
      {households.length === 0 ? (
        <p>{filters.q ? "No household matches this search." : "No households yet."}</p>
      ) : (
        <TableWrap label="Households">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Members</th>
                <th scope="col" className="num">
                  Latest % AMI
                </th>
                <th scope="col">Current home</th>
              </tr>
            </thead>
            <tbody>
              {households.map((h) => (
                <tr key={h.id}>
                  <td>
                    <Link to={`/households/${h.id}`}>{h.name}</Link> {h.archived ? <span className="badge">Archived</span> : null}
                  </td>
                  <td className="num">{h.size}</td>
                  <td>
                    {h.memberNames.join(", ")}
                    {h.memberCount > h.memberNames.length ? ` +${h.memberCount - h.memberNames.length}` : ""}
                  </td>
                  <td className="num">
                    {h.latest ? (
                      <>
                        {h.latest.percentAmi}% <span className="muted">({h.latest.certifiedOn.slice(0, 4)})</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{h.home ? h.home.label : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? <Link to={link({ page: String(page - 1) })}>← Previous</Link> : null}
          <span>
            Page {page} of {totalIsExact ? pageCount : `${pageCount}+`}
          </span>
          {page < pageCount ? <Link to={link({ page: String(page + 1) })}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
