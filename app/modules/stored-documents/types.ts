/**
 * Stored documents, the pure part: which file types are accepted, how a file's declared type is read and
 * checked against its first bytes, how names are made safe, and the categories a document is filed under.
 * No I/O here (stored-documents.server.ts streams, counts, hashes and stores).
 */

export const DOCUMENT_TYPES = {
  "application/pdf": { label: "PDF", inWords: "a PDF", extensions: ["pdf"] },
  "image/png": { label: "PNG image", inWords: "a PNG image", extensions: ["png"] },
  "image/jpeg": { label: "JPEG image", inWords: "a JPEG image", extensions: ["jpg", "jpeg"] },
  "text/plain": { label: "plain text", inWords: "plain text", extensions: ["txt", "text"] },
  "text/csv": { label: "CSV", inWords: "a CSV file", extensions: ["csv"] },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const ACCEPTED_TYPES_IN_WORDS = "a PDF, PNG, JPEG, plain-text or CSV file";

/** The `accept` attribute of a file input. */
export const ACCEPT_ATTRIBUTE = Object.entries(DOCUMENT_TYPES)
  .flatMap(([type, { extensions }]) => [type, ...extensions.map((e) => `.${e}`)])
  .join(",");

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}

export const DOCUMENT_CATEGORIES = {
  "signed-lease": "Signed lease",
  "recorded-memorandum": "Recorded memorandum of lease",
  appraisal: "Appraisal",
  "insurance-declarations": "Insurance declarations",
  "certification-proof": "Occupancy certification proof",
  "tax-proof": "Property tax proof",
  letter: "Letter",
  "lease-document": "Lease document",
  other: "Other",
} as const;

export type DocumentCategory = keyof typeof DOCUMENT_CATEGORIES;

export function isDocumentCategory(value: string): value is DocumentCategory {
  return Object.hasOwn(DOCUMENT_CATEGORIES, value);
}

export const DOCUMENT_OWNER_TYPES = ["home", "lease", "monitoring_event", "transfer_case", "household"] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

export function isDocumentOwnerType(value: string): value is DocumentOwnerType {
  return (DOCUMENT_OWNER_TYPES as readonly string[]).includes(value);
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1]!.toLowerCase() : "";
}

/**
 * The type the sender declares: the browser's MIME type when it is one we accept (parameters such as
 * `; charset=utf-8` ignored), otherwise the one the file name's extension names (browsers send
 * `application/octet-stream` or nothing for some files). Null: neither names an accepted type.
 * A name whose extension names a different accepted type than the MIME type is refused too (a "report.pdf"
 * sent as image/png is mislabelled one way or the other).
 */
export function declaredType(mimeType: string, fileName: string): DocumentType | null {
  const mime = mimeType.split(";")[0]!.trim().toLowerCase();
  const ext = extensionOf(fileName);
  const byExtension = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).find((t) => (DOCUMENT_TYPES[t].extensions as readonly string[]).includes(ext)) ?? null;
  const byMime = mime === "image/jpg" || mime === "image/pjpeg" ? "image/jpeg" : mime === "application/csv" || mime === "text/comma-separated-values" ? "text/csv" : isDocumentType(mime) ? mime : null;
  if (byMime && byExtension && byMime !== byExtension) {
    // plain text and CSV are the same bytes: a .csv sent as text/plain (or the reverse) is fine, filed by extension
    const textual = (t: DocumentType) => t === "text/plain" || t === "text/csv";
    return textual(byMime) && textual(byExtension) ? byExtension : null;
  }
  return byMime ?? byExtension;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  return head.length >= signature.length && signature.every((byte, i) => head[i] === byte);
}

/**
 * What the first bytes say the content is, for the binary formats (PDF, PNG, JPEG); "text" when the head
 * has no NUL byte (whether it is valid UTF-8 is checked over the whole stream); null otherwise.
 */
export function sniffHead(head: Uint8Array): "application/pdf" | "image/png" | "image/jpeg" | "text" | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(head, PNG)) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (!head.includes(0)) return "text";
  return null;
}

/** Whether content whose head sniffs as `sniffed` may be stored as `declared`. */
export function headMatches(declared: DocumentType, sniffed: ReturnType<typeof sniffHead>): boolean {
  if (declared === "text/plain" || declared === "text/csv") return sniffed === "text";
  return sniffed === declared;
}

/**
 * A file name safe to show, store and send back in Content-Disposition: the last path segment only, no
 * control characters, no characters Windows or shells treat specially, no leading dots, whitespace
 * collapsed, at most 120 characters with the extension kept; "document" (with the type's extension) when
 * nothing is left.
 */
export function sanitiseFileName(name: string, type: DocumentType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let clean = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const ext = extensionOf(clean);
  const ownExtension = (DOCUMENT_TYPES[type].extensions as readonly string[]).includes(ext);
  // an extension that is not the type's stays part of the name ("scan.exe" stored as a PNG is "scan.exe.png")
  const stem = ownExtension ? clean.slice(0, -(ext.length + 1)) : clean;
  const keptExt = ownExtension ? ext : DOCUMENT_TYPES[type].extensions[0];
  const shortStem = Array.from(stem.trim()).slice(0, 110).join("").trim();
  clean = shortStem ? `${shortStem}.${keptExt}` : `document.${keptExt}`;
  return clean;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
