/**
 * Sections of the ground lease page (/leases/:leaseId) that only show what the loader read: the resale formula
 * with its worked example, permitted mortgages and riders, amendments, and the documents produced. Markup only.
 */
import { Link } from "@remix-run/react";
import { TableWrap } from "~/components/table-wrap";
import type { ResaleLine } from "~/modules/resale/contract";
import { TEXT } from "~/modules/resale/engine-texts";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";
import { useFormatInstant } from "~/components/instant";
import { centsToString, formatUsd } from "~/utils/money";
import type { getLease } from "./leases.server";
import type { FrozenRider } from "./riders";

type LeaseRecord = NonNullable<Awaited<ReturnType<typeof getLease>>>;

export function Money({ cents }: { cents: number }) {
  return <>{formatUsd(centsToString(cents))}</>;
}

/** What the lease documents can say about the resale formula: its worked example and the formula in words, or why not yet. */
export type LeaseDocumentsView =
  | { ready: true; example: { description: string; lines: ResaleLine[]; maxResalePrice: string }; formulaInWords: string }
  | { ready: false; errors: string[] };

/** The resale formula: frozen into a signed lease, or the preset a draft will copy; with the worked example. */
export function ResaleFormulaSection({
  lease,
  frozenFormula,
  documents,
}: {
  lease: Pick<LeaseRecord, "formulaPresetName">;
  frozenFormula: { label: string; words: string } | null;
  documents: LeaseDocumentsView;
}) {
  return (
    <section className="card">
      <h2>Resale formula</h2>
      {frozenFormula ? (
        <p>
          <strong>{frozenFormula.label}</strong> (frozen into the lease at signing; preset “{lease.formulaPresetName}”). {frozenFormula.words}
        </p>
      ) : lease.formulaPresetName ? (
        <p>
          Preset <strong>{lease.formulaPresetName}</strong> — copied into the lease when it is signed.{" "}
          {documents.ready ? documents.formulaInWords : null}
        </p>
      ) : (
        <p className="muted">No formula preset chosen yet.</p>
      )}
      {documents.ready ? (
        <>
          <h3>Worked example (Exhibit)</h3>
          <p className="muted">{documents.example.description}</p>
          <TableWrap label="Worked example (Exhibit)">
            <table>
              <tbody>
                {/* the engine's own "Maximum resale price" line is the bold total row below: shown once */}
                {documents.example.lines.filter((line) => line.label !== TEXT.maximumResalePrice).map((line, i) => (
                  <tr key={i}>
                    <th scope="row">{line.label}</th>
                    <td className="num">{/^-?\d+(\.\d+)?$/.test(line.amount) ? formatUsd(line.amount) : line.amount}</td>
                    <td className="muted">{withScreenDates(line.explanation)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Maximum resale price</th>
                  <td className="num">
                    <strong>{formatUsd(documents.example.maxResalePrice)}</strong>
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </section>
  );
}

/** Permitted mortgages, riders (with the library version signed), the stewardship links and the monitoring schedule. */
export function MortgagesAndRidersSection({
  lease,
  signedRiderVersions,
  monitoringSchedule,
  canWrite,
}: {
  lease: Pick<LeaseRecord, "id" | "status" | "permittedMortgages"> & { riders: string[] };
  signedRiderVersions: FrozenRider[];
  /** The lease's monitoring schedule as stewardship keeps it (getLeaseSchedule); typed here by what it shows, as leases does not import stewardship. */
  monitoringSchedule: { insuranceExpiresOn: string | null; occupancyFixedDate: string | null; taxProofDate: string | null };
  canWrite: boolean;
}) {
  return (
    <section className="card">
      <h2>Permitted mortgages and riders</h2>
      {lease.permittedMortgages.length ? (
        <ul>
          {lease.permittedMortgages.map((m) => (
            <li key={m.id}>
              {m.lender}: <Money cents={m.amountCents} /> ({formatScreenDate(m.recordedOn)})
              {m.ownershipId ? <span className="muted"> — the purchase mortgage, recorded with the purchase</span> : null}
              {m.releasedOn ? <span className="muted"> — released {formatScreenDate(m.releasedOn)} (paid off; not in Exhibit D)</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No permitted mortgages.</p>
      )}
      <p>
        Riders:{" "}
        {lease.riders.length
          ? lease.riders
              .map((name) => {
                const kept = signedRiderVersions.find((r) => r.name === name);
                return kept ? `${name} (version ${kept.versionNumber}, as signed)` : name;
              })
              .join("; ")
          : "none"}
      </p>
      {canWrite && ["executed", "recorded", "active"].includes(lease.status) ? (
        <p>
          <Link to={`/leases/${lease.id}/requests/new`}>Record a request (refinance, leave of absence, renting, short sale)</Link> · <Link to={`/leases/${lease.id}/defaults/new`}>Give a notice of default</Link> ·{" "}
          <Link to="/stewardship/requests">Requests and decisions</Link> · <Link to="/stewardship/defaults">Defaults</Link>
        </p>
      ) : null}
      {lease.status !== "draft" ? (
        <p>
          Monitoring schedule: proof of insurance {monitoringSchedule.insuranceExpiresOn ? `by ${formatScreenDate(monitoringSchedule.insuranceExpiresOn)} and each year after` : "not scheduled (the policy's expiry is not recorded)"}
          {monitoringSchedule.occupancyFixedDate ? `; occupancy certification each year on ${monitoringSchedule.occupancyFixedDate}` : ""}
          {monitoringSchedule.taxProofDate ? `; property tax proof each year on ${monitoringSchedule.taxProofDate}` : ""}.
          {canWrite ? (
            <>
              {" "}
              <Link to={`/leases/${lease.id}/schedule`}>Edit the monitoring schedule</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

/** The amendments recorded on a signed lease, with the terms each changed. */
export function AmendmentsSection({ amendments }: { amendments: LeaseRecord["amendments"] }) {
  return (
    <section className="card">
      <h2>Amendments</h2>
      {amendments.length ? (
        <ul>
          {amendments.map((a) => (
            <li key={a.id}>
              <strong>{formatScreenDate(a.effectiveDate)}</strong>: {a.description}{" "}
              <span className="muted">({Object.keys((a.changes as { after?: Record<string, unknown> }).after ?? {}).join(", ")})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
    </section>
  );
}

/** The lease and memorandum PDFs produced and recorded, newest first. */
export function ProducedDocumentsSection({ documents }: { documents: LeaseRecord["documents"] }) {
  const formatInstant = useFormatInstant();
  return (
    <section className="card">
      <h2>Documents produced</h2>
      {documents.length ? (
        <TableWrap label="Documents produced">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Document</th>
                <th scope="col">By</th>
                <th scope="col">Template version</th>
                <th scope="col" className="num">
                  Pages
                </th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>{formatInstant(d.createdAt)}</td>
                  <td>{d.kind === "lease" ? "Ground lease" : "Memorandum"}</td>
                  <td>{d.generatedByLabel}</td>
                  <td>{d.templateVersion ? `Version ${d.templateVersion.versionNumber}` : "—"}</td>
                  <td className="num">{d.pages}</td>
                  <td>
                    <code>{d.sha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">No document has been produced yet.</p>
      )}
    </section>
  );
}
