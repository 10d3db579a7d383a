import { maxBulkLeases } from "~/modules/leases/bulk.server";
import { BULK_CHOICES, documentFilename, documentPath, isBulkChoice, type BulkChoice } from "~/modules/leases/document-kinds";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { zipSync } from "fflate";
import { useState, type FormEvent } from "react";
import { ApplyButton, FilterSelect, SearchBox } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { requirePermission } from "~/modules/auth/session.server";
import { listLeases } from "~/modules/leases/leases.server";
import { LEASE_STATUS_LABELS, LEASE_STATUSES } from "~/modules/leases/lifecycle";
import { parseLeaseListQuery } from "~/modules/leases/schemas";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Ground leases · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const query = parseLeaseListQuery(new URL(request.url));
  const today = todayIn(actor.timeZone);
  const { leases, total, totalIsExact, page, pageCount } = await listLeases(db(), actor.organisationId, query, { today });
  return {
    query,
    total,
    totalIsExact,
    page,
    pageCount,
    canWrite: can(actor.role, "records:write"),
    maxBulk: maxBulkLeases(actor.role),
    today,
    leases: leases.map((l) => ({
      id: l.id,
      reference: l.reference,
      status: l.status,
      home: l.homeLabel,
      lessees: l.lesseeNames,
      commencementDate: l.commencementDate,
      expirationDate: l.expirationDate,
      monthlyFeeCents: l.monthlyFeeCents,
    })),
  };
}

type Progress = { done: number; total: number; failed: string[]; finished: boolean };

/**
 * Bulk download. With JavaScript the browser fetches the selected leases' PDFs one at a time (a progress bar
 * shows how many are done; a download records nothing) and zips them itself with fflate: no job
 * state on the server, so it works behind any number of server processes and survives a slow document.
 * Without JavaScript the form posts to /leases/documents.zip, which builds the same ZIP on the server.
 */
async function downloadZip(selected: { id: string; reference: string }[], choice: BulkChoice, today: string, onProgress: (p: Progress) => void) {
  const files: Record<string, Uint8Array> = {};
  const failed: string[] = [];
  const { kinds, zipName } = BULK_CHOICES[choice];
  const total = selected.length * kinds.length;
  let done = 0;
  for (const lease of selected) {
    for (const kind of kinds) {
      const name = `${lease.reference}${kinds.length > 1 ? ` (${kind === "lease" ? "ground lease" : "memorandum"})` : ""}`;
      try {
        const response = await fetch(documentPath(lease.id, kind));
        if (response.ok) files[documentFilename(lease.reference, kind)] = new Uint8Array(await response.arrayBuffer());
        else failed.push(`${name}: ${(await response.text()).replace(/^No document was produced:\s*/, "").trim()}`);
      } catch {
        failed.push(`${name}: the server could not be reached`);
      }
      done += 1;
      onProgress({ done, total, failed, finished: false });
    }
  }
  if (failed.length) files["SKIPPED.txt"] = new TextEncoder().encode(`${failed.join("\n\n")}\n`);
  const zip = zipSync(files, { level: 0 });
  const url = URL.createObjectURL(new Blob([zip], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${zipName} ${today}.zip`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  onProgress({ done: total, total, failed, finished: true });
}

export default function LeasesPage() {
  const { leases, query, canWrite, maxBulk, total, totalIsExact, page, pageCount, today } = useLoaderData<typeof loader>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const busy = progress !== null && !progress.finished;
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const onBulkSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = leases.filter((l) => selected.has(l.id));
    if (chosen.length === 0 || chosen.length > maxBulk || busy) return;
    const choice = new FormData(event.currentTarget).get("kind");
    const kind: BulkChoice = isBulkChoice(choice) ? choice : "lease";
    setProgress({ done: 0, total: chosen.length * BULK_CHOICES[kind].kinds.length, failed: [], finished: false });
    void downloadZip(chosen, kind, today, (p) => setProgress({ ...p, failed: [...p.failed] }));
  };
  return (
    <>
      <div className="page-header">
        <h1>Ground leases</h1>
        <div className="actions">
          {canWrite ? (
            <Link className="button" to="/leases/new">
              New lease
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters" role="search">
        <SearchBox defaultValue={query.q} placeholder="Reference, lessee or address" />
        <FilterSelect name="status" label="Status" defaultValue={query.status} anyLabel="Any status" options={LEASE_STATUSES.map((value) => ({ value, label: LEASE_STATUS_LABELS[value] }))} />
        <ApplyButton />
      </Form>
      {leases.length === 0 ? (
        <p className="card">No leases match. {canWrite ? <Link to="/leases/new">Create a lease</Link> : null}</p>
      ) : (
        <form method="post" action="/leases/documents.zip" onSubmit={onBulkSubmit}>
          <div className="actions" style={{ marginBottom: "0.75rem", alignItems: "center" }}>
            <label htmlFor="bulk-kind">Documents</label>
            <select id="bulk-kind" name="kind" defaultValue="lease">
              {Object.entries(BULK_CHOICES).map(([value, choice]) => (
                <option key={value} value={value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary" disabled={busy || selected.size > maxBulk}>
              Download selected as ZIP ({selected.size})
            </button>
            {selected.size > maxBulk ? <span role="status">Select at most {maxBulk} leases for one ZIP.</span> : null}
            {progress ? (
              <span role="status" aria-live="polite">
                <progress value={progress.done} max={progress.total} aria-label="Documents prepared" /> {progress.done} of {progress.total} documents
                {progress.finished ? " — done." : "…"}
                {progress.finished && progress.failed.length ? ` ${progress.failed.length} skipped (see SKIPPED.txt in the ZIP).` : ""}
              </span>
            ) : null}
          </div>
          <TableWrap label="Ground leases">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all leases"
                      checked={selected.size === leases.length}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(leases.map((l) => l.id)) : new Set())}
                    />
                  </th>
                  <th scope="col">Reference</th>
                  <th scope="col">Status</th>
                  <th scope="col">Home</th>
                  <th scope="col">Lessees</th>
                  <th scope="col">Term</th>
                  <th scope="col" className="num">
                    Monthly fee
                  </th>
                </tr>
              </thead>
              <tbody>
                {leases.map((lease) => (
                  <tr key={lease.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="leaseId"
                        value={lease.id}
                        aria-label={`Select ${lease.reference}`}
                        checked={selected.has(lease.id)}
                        onChange={(e) => toggle(lease.id, e.currentTarget.checked)}
                      />
                    </td>
                    <td>
                      <Link to={`/leases/${lease.id}`}>{lease.reference}</Link>
                    </td>
                    <td>
                      <span className="badge">{LEASE_STATUS_LABELS[lease.status]}</span>
                    </td>
                    <td>{lease.home}</td>
                    <td>{lease.lessees.join(", ")}</td>
                    <td>
                      {formatScreenDate(lease.commencementDate)} – {formatScreenDate(lease.expirationDate)}
                    </td>
                    <td className="num">{formatUsd(centsToString(lease.monthlyFeeCents))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </form>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} exact={totalIsExact} noun="leases" />
    </>
  );
}
