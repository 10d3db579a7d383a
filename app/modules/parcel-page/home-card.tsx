/**
 * One home on the parcel page (/parcels/:parcelId): its figures, current homeowner, open resale case with its
 * deadlines, ground leases, cases and ownership history. Shows the page's view model (parcel-view.ts).
 */
import { Link } from "@remix-run/react";
import { TableWrap } from "~/components/table-wrap";
import { ResaleDeadlines } from "~/modules/transfers/components";
import { formatScreenDate } from "~/utils/calendar-date";
import type { ParcelView } from "./parcel-view";
import { HOME_TYPE_LABELS } from "~/modules/parcels/schemas";

export function HomeCard({
  parcel,
  home,
  canWrite,
  openCases,
}: {
  parcel: Pick<ParcelView["parcel"], "id">;
  home: ParcelView["homes"][number];
  canWrite: boolean;
  /** the parcel's open resale / transfer cases with their deadlines (those of this home are shown) */
  openCases: { id: string; homeId: string; deadlines: Parameters<typeof ResaleDeadlines>[0]["items"] }[];
}) {
  return (
    <section id={`home-${home.id}`} className="card" aria-label={`Home ${home.label || HOME_TYPE_LABELS[home.homeType]}`}>
      <div className="page-header">
        <h3 style={{ marginTop: 0 }}>
          {HOME_TYPE_LABELS[home.homeType]}
          {home.label ? ` — ${home.label}` : ""} {home.archived ? <span className="badge badge-warn">Archived</span> : null}
        </h3>
        {canWrite ? (
          <Link className="button secondary small" to={`/parcels/${parcel.id}/homes/${home.id}`}>
            Edit home{home.label ? ` ${home.label}` : ""}
          </Link>
        ) : null}
      </div>
      <p>
        {home.bedrooms} bedroom{home.bedrooms === 1 ? "" : "s"} · {home.bathrooms} bath · {home.floorAreaSqft ? `${home.floorAreaSqft.toLocaleString("en-US")} sq ft` : "floor area not entered"}
        {home.yearBuilt ? ` · built ${home.yearBuilt}` : ""}
      </p>
      <p>
        <strong>Current homeowner:</strong>{" "}
        {home.currentOwner ? <Link to={`/households/${home.currentOwner.id}`}>{home.currentOwner.name}</Link> : <span className="muted">none</span>}
        {" · "}
        <Link to={`/resale/homes/${home.id}`}>Resale calculator</Link>
        {" · "}
        <Link to={`/resale/homes/${home.id}/inputs`}>Valuation inputs</Link>
      </p>
      {openCases
        .filter((c) => c.homeId === home.id)
        .map((c) => (
          <div key={c.id}>
            <p>
              <strong>Open resale / transfer case:</strong> <Link to={`/transfers/${c.id}`}>the case</Link>
              {c.deadlines.length ? "" : " (no deadline pending)"}
            </p>
            <ResaleDeadlines items={c.deadlines} title="Deadlines of the case" showHome={false} level={4} />
          </div>
        ))}
      {home.leases.length ? (
        <p>
          <strong>Ground leases:</strong>{" "}
          {home.leases.map((l, i) => (
            <span key={l.id}>
              {i ? " · " : ""}
              <Link to={`/leases/${l.id}`}>{l.reference}</Link> ({l.status}, <Link to={`/households/${l.household.id}`}>{l.household.name}</Link>)
            </span>
          ))}
        </p>
      ) : null}
      {home.cases.length ? (
        <p>
          <strong>Resale and transfer cases:</strong>{" "}
          {home.cases.map((c, i) => (
            <span key={c.id}>
              {i ? " · " : ""}
              <Link to={`/transfers/${c.id}`}>{c.label}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {home.ownerships.length > 0 ? (
        <TableWrap label="Ownership history">
          <table>
            <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.75rem" }}>
              Ownership history
            </caption>
            <thead>
              <tr>
                <th scope="col">Household</th>
                <th scope="col">Purchased</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col">Sold</th>
                <th scope="col" className="num">
                  Sale price
                </th>
              </tr>
            </thead>
            <tbody>
              {home.ownerships.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/households/${o.household.id}`}>{o.household.name}</Link>
                  </td>
                  <td>{formatScreenDate(o.purchaseDate)}</td>
                  <td className="num">{o.purchasePrice}</td>
                  <td>{o.saleDate ? formatScreenDate(o.saleDate) : "current owner"}</td>
                  <td className="num">{o.salePrice ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
