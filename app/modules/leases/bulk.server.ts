/**
 * Several leases' documents in one ZIP (fflate). Used by the no-JavaScript fallback of the bulk download on
 * the lease list; with JavaScript the browser fetches the documents one at a time (showing progress) and
 * zips them itself with the same library (see routes/leases._index.tsx and docs/leases.md).
 */
import { zipSync, strToU8 } from "fflate";
import type { Db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import type { LeaseDocumentKind } from "./document-kinds";
import { renderLeaseDocumentFile } from "./documents.server";

/**
 * How many leases one ZIP may hold, by role: staff and admins assemble recording packets; a board member
 * (viewer) reads a few leases, and each document costs the server a render.
 */
export const MAX_BULK_LEASES = 200;
export const MAX_BULK_LEASES_VIEWER = 10;

export function maxBulkLeases(role: Role): number {
  return role === "viewer" ? MAX_BULK_LEASES_VIEWER : MAX_BULK_LEASES;
}

export type BulkResult = { zip: Uint8Array; included: string[]; skipped: { reference: string; errors: string[] }[] };

/**
 * The documents of `leaseIds` (this organisation's only, at most `limit`) — each lease's ground lease, its
 * memorandum, or both (`kinds`); leases that cannot produce one are listed in SKIPPED.txt. A download: nothing is
 * recorded.
 */
export async function buildLeaseDocumentsZip(
  db: Db,
  organisationId: string,
  leaseIds: string[],
  kinds: readonly LeaseDocumentKind[] = ["lease"],
  options: { today?: string; limit?: number } = {},
): Promise<BulkResult> {
  const files: Record<string, Uint8Array> = {};
  const included: string[] = [];
  const skipped: BulkResult["skipped"] = [];
  for (const leaseId of [...new Set(leaseIds)].slice(0, options.limit ?? MAX_BULK_LEASES)) {
    for (const kind of kinds) {
      const result = await renderLeaseDocumentFile(db, organisationId, leaseId, kind, options);
      if (result.ok) {
        files[result.filename] = new Uint8Array(result.pdf);
        if (!included.includes(result.reference)) included.push(result.reference);
      } else if (result.status === 400) {
        const lease = await db.lease.findFirst({ where: { id: leaseId, organisationId }, select: { reference: true } });
        skipped.push({ reference: `${lease?.reference ?? leaseId}${kinds.length > 1 ? ` (${kind === "lease" ? "ground lease" : "memorandum"})` : ""}`, errors: result.errors });
      }
    }
  }
  if (skipped.length) {
    files["SKIPPED.txt"] = strToU8(
      `These leases have no document because data is missing:\n\n${skipped.map((s) => `${s.reference}\n${s.errors.map((e) => `  - ${e}`).join("\n")}`).join("\n\n")}\n`,
    );
  }
  // PDFs are already compressed; store them (level 0) to save time.
  return { zip: zipSync(files, { level: 0, mtime: new Date("2000-01-01T00:00:00Z") }), included, skipped };
}
