/**
 * `clt leases [--organisation <slug>] [--date YYYY-MM-DD]` (every lease with its status on the date, by default
 * the trust's today) and `clt lease-document` (dispatched by scripts/clt.ts). Uses DATABASE_URL like the app.
 * Exit codes: 0 success, 2 invalid input (JSON error on stderr), 1 other failure.
 */
import { writeFileSync } from "node:fs";
import { systemActor } from "~/modules/audit/audit.server";
import { isCalendarDate } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { generateLeaseDocument } from "./documents.server";
import { allLeases } from "./leases.server";
import { fail, organisationFor, parseArgs } from "~/modules/organisations/cli.server";

async function leasesCommand(args: string[]): Promise<number> {
  const { flags, error } = parseArgs(args, { organisation: "value", date: "value" });
  if (error) return fail(2, "invalid-arguments", error);
  const date = flags.date as string | undefined;
  if (date !== undefined && !isCalendarDate(date)) return fail(2, "invalid-date", `--date must be a calendar date YYYY-MM-DD, got "${date}".`, { field: "date" });
  const organisation = await organisationFor(flags.organisation as string | undefined);
  if (typeof organisation === "number") return organisation;
  // status on the given date, else on the trust's today (an executed or recorded lease is active from commencement)
  const leases = await allLeases(db(), organisation.id, { today: date });
  const rows = leases.map((lease) => ({
    id: lease.id,
    reference: lease.reference,
    status: lease.status,
    recordedStatus: lease.recordedStatus,
    commencementDate: lease.commencementDate,
    expirationDate: lease.expirationDate,
    home: lease.homeLabel,
    lessees: lease.lesseeNames,
  }));
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return 0;
}

async function leaseDocumentCommand(args: string[]): Promise<number> {
  const { flags, error } = parseArgs(args, { lease: "value", out: "value", memorandum: "flag" });
  if (error) return fail(2, "invalid-arguments", error);
  if (typeof flags.lease !== "string") return fail(2, "invalid-arguments", "Pass --lease <id>.");
  if (typeof flags.out !== "string") return fail(2, "invalid-arguments", "Pass --out <file.pdf>.");
  // cross-organisation: the server operator's CLI addresses a lease by id; its organisation is learnt from it
  const lease = await db().lease.findUnique({ where: { id: flags.lease }, select: { organisationId: true } });
  if (!lease) return fail(2, "unknown-lease", `No lease has the id "${flags.lease}".`);
  const kind = flags.memorandum ? "memorandum" : "lease";
  const result = await generateLeaseDocument(db(), systemActor(lease.organisationId, "CLI"), flags.lease, kind);
  if (!result.ok) return fail(2, "incomplete-lease", "No document was produced.", { errors: result.errors });
  writeFileSync(flags.out, result.pdf);
  process.stdout.write(`${JSON.stringify({ file: flags.out, reference: result.reference, kind, pages: result.pages, sha256: result.sha256 })}\n`);
  return 0;
}

export async function runLeaseCli(command: "leases" | "lease-document", args: string[]): Promise<number> {
  try {
    return command === "leases" ? await leasesCommand(args) : await leaseDocumentCommand(args);
  } catch (error) {
    return fail(1, "failure", error instanceof Error ? error.message : String(error));
  }
}
