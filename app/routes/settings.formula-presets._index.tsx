import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listFormulaPresets } from "~/modules/formula-presets/formula-presets.server";
import { specExtrasLabel } from "~/modules/resale/formula-spec";
import { describeResaleRule, formulaLabel } from "~/modules/resale/describe";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Formula presets · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const presets = await listFormulaPresets(db(), actor.organisationId, { includeArchived: true });
  return {
    canManage: can(actor.role, "settings:manage"),
    presets: presets.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      archived: Boolean(p.archivedAt),
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
      label: p.parsedSpec ? formulaLabel(p.parsedSpec.formula) : "Invalid specification",
      words: p.parsedSpec ? describeResaleRule(p.parsedSpec) : "",
      extras: p.parsedSpec ? specExtrasLabel(p.parsedSpec) : "",
    })),
  };
}

export default function FormulaPresetsPage() {
  const formatInstant = useFormatInstant();
  const { presets, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Resale formula presets</h1>
        {canManage ? (
          <div className="actions">
            <Link className="button" to="/settings/formula-presets/new">
              New preset
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">
        A preset is a resale formula with its caps, floor and rounding. A lease names a preset while it is a draft; the preset is copied into the lease when it is signed, so
        later edits to the preset never change a signed lease. The oldest active preset is the default for new leases.
      </p>
      {presets.length === 0 ? <p className="card">No presets yet.</p> : null}
      {presets.map((p) => (
        <section className="card" key={p.id}>
          <h2>
            {canManage ? <Link to={`/settings/formula-presets/${p.id}`}>{p.name}</Link> : p.name} {p.archived ? <span className="badge badge-warn">Archived</span> : null}
          </h2>
          <p>
            <strong>{p.label}</strong> · {p.extras}
          </p>
          {p.description ? <p>{p.description}</p> : null}
          <p className="muted">{p.words}</p>
          <p className="muted">
            Version {p.version}, last changed {formatInstant(p.updatedAt)}
          </p>
        </section>
      ))}
    </>
  );
}
