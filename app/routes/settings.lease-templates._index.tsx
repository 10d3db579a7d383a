import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listTemplateVersions } from "~/modules/leases/templates.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Lease templates · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const versions = await listTemplateVersions(db(), actor.organisationId, actor.timeZone);
  return {
    versions: versions.map((v) => ({
      versionNumber: v.versionNumber,
      label: v.label,
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
      leases: v._count.leases,
      documents: v._count.documents,
      reviewedBy: v.review?.counsel ?? null,
    })),
  };
}

export default function LeaseTemplatesPage() {
  const formatInstant = useFormatInstant();
  const { versions } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Ground lease template</h1>
        <div className="actions">
          <Link className="button" to="/settings/lease-templates/new">
            Edit (creates a new version)
          </Link>
        </div>
      </div>
      <p className="muted">
        Versions are never changed once saved. Draft leases are produced from the latest version; a lease keeps the version it was signed on. The text is a starting point
        that a lawyer licensed in your state must review; until an administrator marks a version reviewed by counsel (open the version), every lease
        produced from it prints the red &ldquo;not legal advice&rdquo; box. Drafts always print it.
      </p>
      <TableWrap label="Ground lease template">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Note</th>
              <th scope="col">Saved by</th>
              <th scope="col">When</th>
              <th scope="col">Reviewed by counsel</th>
              <th scope="col" className="num">
                Signed leases
              </th>
              <th scope="col" className="num">
                Documents
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.versionNumber}>
                <td>
                  <Link to={`/settings/lease-templates/${v.versionNumber}`}>Version {v.versionNumber}</Link> {i === 0 ? <span className="badge badge-ok">Latest</span> : null}
                </td>
                <td>{v.note || "—"}</td>
                <td>{v.createdBy}</td>
                <td>{formatInstant(v.createdAt)}</td>
                <td>{v.reviewedBy ?? <span className="muted">Not reviewed</span>}</td>
                <td className="num">{v.leases}</td>
                <td className="num">{v.documents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
