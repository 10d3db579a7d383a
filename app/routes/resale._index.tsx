import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ApplyButton } from "~/components/list-filters";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listHomesForPicker } from "~/modules/parcels/parcels.server";
import { listResaleCalculations } from "~/modules/resale/calculations.server";
import { db } from "~/utils/db.server";
import { SavedCalculationsTable } from "~/modules/resale/components";

export const meta: MetaFunction = () => [{ title: "Resale calculator · Commonground" }];

const MAX_LISTED_HOMES = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim();
  const [homes, recent] = await Promise.all([
    listHomesForPicker(db(), actor.organisationId),
    listResaleCalculations(db(), actor.organisationId, { take: 20 }),
  ]);
  const needle = q.toLowerCase();
  const matching = needle
    ? homes.filter((home) => `${home.label} ${home.currentOwner?.name ?? ""}`.toLowerCase().includes(needle))
    : homes;
  return { q, homes: matching.slice(0, MAX_LISTED_HOMES), total: matching.length, allHomes: homes.length, recent };
}

export default function ResaleIndexPage() {
  const { q, homes, total, allHomes, recent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Resale calculator</h1>
      <p className="muted">
        The maximum resale price a home&apos;s ground lease allows, with a worksheet that shows every step. Pick a home to calculate, or open a
        saved calculation.
      </p>

      <section className="card stack" aria-labelledby="pick-home">
        <h2 id="pick-home" style={{ marginTop: 0 }}>
          Pick a home
        </h2>
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="home-search">Search by address, APN or homeowner</label>
            <input id="home-search" name="q" type="search" defaultValue={q} />
          </div>
          <ApplyButton />
          {q ? <Link to="/resale">Clear</Link> : null}
        </Form>
        {allHomes === 0 ? (
          <p>
            No homes yet. <Link to="/parcels/new">Register a parcel with a home</Link> first.
          </p>
        ) : homes.length === 0 ? (
          <p>No home matches “{q}”.</p>
        ) : (
          <>
            <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Homes">
              {homes.map((home) => (
                <li key={home.id}>
                  <Link to={`/resale/homes/${home.id}`}>{home.label}</Link>
                  <span className="muted"> · {home.currentOwner ? `homeowner ${home.currentOwner.name}` : "no current homeowner"}</span>
                </li>
              ))}
            </ul>
            {total > homes.length ? (
              <p className="muted">
                Showing {homes.length} of {total} homes — search to narrow the list.
              </p>
            ) : null}
          </>
        )}
      </section>

      <h2>Recent saved calculations</h2>
      {recent.length === 0 ? (
        <p className="muted">No saved calculations yet.</p>
      ) : (
        <SavedCalculationsTable rows={recent} showHome />
      )}
    </>
  );
}
