/**
 * The documents a lease produces and their file names, shared by the server (documents.server.ts, the bulk ZIP)
 * and the lease list's in-browser ZIP, so both name the files alike. Pure.
 */
export const DOCUMENT_KINDS = ["lease", "memorandum"] as const;
export type LeaseDocumentKind = (typeof DOCUMENT_KINDS)[number];

export function documentFilename(reference: string, kind: LeaseDocumentKind): string {
  return kind === "lease" ? `${reference} ground lease.pdf` : `${reference} memorandum of ground lease.pdf`;
}

/** The lease page's address of each document. */
export function documentPath(leaseId: string, kind: LeaseDocumentKind): string {
  return kind === "lease" ? `/leases/${leaseId}/document.pdf` : `/leases/${leaseId}/memorandum.pdf`;
}

/** What the bulk download may hold: the leases, their memoranda (for recording), or both. */
export const BULK_CHOICES = {
  lease: { label: "Ground leases", kinds: ["lease"], zipName: "ground leases" },
  memorandum: { label: "Memoranda of ground lease", kinds: ["memorandum"], zipName: "memoranda of ground lease" },
  both: { label: "Ground leases and memoranda", kinds: ["lease", "memorandum"], zipName: "ground leases and memoranda" },
} as const satisfies Record<string, { label: string; kinds: readonly LeaseDocumentKind[]; zipName: string }>;
export type BulkChoice = keyof typeof BULK_CHOICES;

export function isBulkChoice(value: unknown): value is BulkChoice {
  return typeof value === "string" && Object.hasOwn(BULK_CHOICES, value);
}
