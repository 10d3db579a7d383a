import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/session.server";
import type { Db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { documentStorage, type DocumentStorage } from "./storage.server";
import {
  ACCEPTED_TYPES_IN_WORDS,
  DOCUMENT_TYPES,
  declaredType,
  headMatches,
  isDocumentCategory,
  isDocumentOwnerType,
  sanitiseFileName,
  sniffHead,
  type DocumentCategory,
  type DocumentOwnerType,
  type DocumentType,
} from "./types";

/**
 * Stored documents: uploads and generated letters, each filed on one record (home, lease, monitoring event,
 * transfer case, household) and listed on the home, lease and household it concerns.
 *
 * Storing streams the content once: it counts bytes (stopping, and reading no further, as soon as the limit
 * is passed — memory stays flat however large the file), hashes it (sha256), checks the first bytes against
 * the declared type and, for text, that the whole content is UTF-8 without NUL bytes. Only a file that
 * passes every check is stored; a refusal stores nothing and says why in the user's words.
 *
 * Reading is authorised like the record the document belongs to: staff, viewers and admins of the trust read
 * every document of the trust; a homeowner reads documents of their own household's lease, home, events and
 * household; nobody reads another trust's documents.
 */

export type DocumentOwner = { ownerType: DocumentOwnerType; ownerId: string };

export type StoreDocumentInput = DocumentOwner & {
  category: string;
  fileName: string;
  /** The MIME type the sender declared (a browser's File.type). */
  mimeType: string;
  content: AsyncIterable<Uint8Array> | Uint8Array;
  maxBytes: number;
  source?: "upload" | "generated";
};

export type StoreRefusal = { ok: false; status: 400 | 404 | 413 | 415; field: "file" | "category" | "owner"; message: string };
export type StoredDocumentSummary = {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  homeId: string | null;
  leaseId: string | null;
  householdId: string | null;
  category: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  source: string;
  createdByLabel: string;
  createdAt: Date;
};

const SUMMARY_SELECT = {
  id: true,
  ownerType: true,
  ownerId: true,
  homeId: true,
  leaseId: true,
  householdId: true,
  category: true,
  name: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  source: true,
  createdByLabel: true,
  createdAt: true,
} as const;

/** The home, lease and household a document on this record is listed on; null when the record is not in the trust. */
export async function documentContext(
  db: Db,
  organisationId: string,
  owner: DocumentOwner,
): Promise<{ homeId: string | null; leaseId: string | null; householdId: string | null } | null> {
  switch (owner.ownerType) {
    case "lease": {
      const lease = await db.lease.findFirst({ where: { id: owner.ownerId, organisationId }, select: { id: true, homeId: true, householdId: true } });
      return lease ? { homeId: lease.homeId, leaseId: lease.id, householdId: lease.householdId } : null;
    }
    case "home": {
      const home = await db.home.findFirst({ where: { id: owner.ownerId, organisationId }, select: { id: true } });
      if (!home) return null;
      const binding = await db.lease.findFirst({ where: { organisationId, bindingHomeId: home.id }, select: { id: true, householdId: true } });
      const owning = await db.ownership.findFirst({ where: { organisationId, currentHomeId: home.id }, select: { householdId: true } });
      return { homeId: home.id, leaseId: binding?.id ?? null, householdId: owning?.householdId ?? binding?.householdId ?? null };
    }
    case "monitoring_event": {
      const event = await db.monitoringEvent.findFirst({ where: { id: owner.ownerId, organisationId }, select: { homeId: true, leaseId: true, householdId: true } });
      return event ? { homeId: event.homeId, leaseId: event.leaseId, householdId: event.householdId } : null;
    }
    case "household": {
      const household = await db.household.findFirst({ where: { id: owner.ownerId, organisationId }, select: { id: true } });
      return household ? { homeId: null, leaseId: null, householdId: household.id } : null;
    }
    case "transfer_case": {
      // a resale / transfer case: listed on its home, the seller's lease and the seller's household
      const found = await db.transferCase.findFirst({ where: { id: owner.ownerId, organisationId }, select: { homeId: true, leaseId: true, sellerHouseholdId: true } });
      return found ? { homeId: found.homeId, leaseId: found.leaseId, householdId: found.sellerHouseholdId } : null;
    }
  }
}

function asyncChunks(content: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) {
    return (async function* () {
      yield content;
    })();
  }
  return content;
}

const MB = 1024 * 1024;

/** "20 MB" for a whole number of megabytes, otherwise the bytes. */
export function limitInWords(maxBytes: number): string {
  return maxBytes % MB === 0 ? `${maxBytes / MB} MB` : `${maxBytes.toLocaleString("en-US")} bytes`;
}

type ReadResult = { ok: true; bytes: Uint8Array; sha256: string } | StoreRefusal;

/** Reads the content once: counted, hashed, checked; stops at the first problem. */
async function readChecked(content: AsyncIterable<Uint8Array> | Uint8Array, type: DocumentType, shownName: string, maxBytes: number): Promise<ReadResult> {
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  let size = 0;
  let head = new Uint8Array(0);
  let headChecked = false;
  const textual = type === "text/plain" || type === "text/csv";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const notThisType: StoreRefusal = {
    ok: false,
    status: 415,
    field: "file",
    message: `“${shownName}” is not really ${DOCUMENT_TYPES[type].inWords}: its content does not match its type. Choose the right file, or save it as ${ACCEPTED_TYPES_IN_WORDS}.`,
  };
  // `for await` with an early return closes the source (a request body stops being read)
  for await (const chunk of asyncChunks(content)) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      return { ok: false, status: 413, field: "file", message: `The file is larger than ${limitInWords(maxBytes)}, the most a document may be. Scan it at a lower resolution or split it into parts.` };
    }
    if (!headChecked) {
      const joined = new Uint8Array(head.byteLength + chunk.byteLength);
      joined.set(head);
      joined.set(chunk, head.byteLength);
      head = joined.subarray(0, Math.min(joined.byteLength, 512));
      if (head.byteLength >= 8) {
        if (!headMatches(type, sniffHead(head))) return notThisType;
        headChecked = true;
      }
    }
    if (textual) {
      if (chunk.includes(0)) return notThisType;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return notThisType;
      }
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (size === 0) return { ok: false, status: 400, field: "file", message: "The file is empty. Choose the file again." };
  if (!headChecked && !headMatches(type, sniffHead(head))) return notThisType;
  if (textual) {
    try {
      decoder.decode();
    } catch {
      return notThisType;
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes, sha256: hash.digest("hex") };
}

/**
 * Stores a document on a record of the actor's trust. Returns the stored document, or a refusal (nothing
 * stored) with the HTTP status and the field it concerns.
 */
export async function storeDocument(
  db: Db,
  actor: AuditActor,
  input: StoreDocumentInput,
  storage: DocumentStorage = documentStorage(db),
): Promise<{ ok: true; document: StoredDocumentSummary } | StoreRefusal> {
  if (!isDocumentOwnerType(input.ownerType)) return { ok: false, status: 400, field: "owner", message: "Choose the record the document belongs to." };
  if (!isDocumentCategory(input.category)) return { ok: false, status: 400, field: "category", message: "Choose what kind of document this is." };
  const context = await documentContext(db, actor.organisationId, input);
  if (!context) return { ok: false, status: 404, field: "owner", message: "The record this document belongs to was not found." };
  const type = declaredType(input.mimeType, input.fileName);
  const shownName = input.fileName.split(/[\\/]/).pop()?.trim() || "The file";
  if (!type) {
    return { ok: false, status: 415, field: "file", message: `Only ${ACCEPTED_TYPES_IN_WORDS} can be stored; “${shownName}” is none of these.` };
  }
  const read = await readChecked(input.content, type, shownName, input.maxBytes);
  if (!read.ok) return read;
  const name = sanitiseFileName(input.fileName, type);
  const storageKey = `${Date.now().toString(36)}-${randomBytes(12).toString("hex")}`;
  await storage.put(actor.organisationId, storageKey, read.bytes);
  try {
    const document = await db.$transaction(async (tx) => {
      const created = await tx.storedDocument.create({
        data: {
          organisationId: actor.organisationId,
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          ...context,
          category: input.category as DocumentCategory,
          name,
          contentType: type,
          sizeBytes: read.bytes.byteLength,
          sha256: read.sha256,
          storageKey,
          source: input.source ?? "upload",
          createdById: actor.userId,
          createdByLabel: actor.label,
        },
        select: SUMMARY_SELECT,
      });
      await recordAudit(tx, actor, {
        entity: "StoredDocument",
        entityId: created.id,
        action: input.source === "generated" ? "generate" : "create",
        after: { name, category: input.category, contentType: type, sizeBytes: created.sizeBytes, sha256: created.sha256, ownerType: input.ownerType, ownerId: input.ownerId },
      });
      return created;
    });
    return { ok: true, document: document as StoredDocumentSummary };
  } catch (error) {
    await storage.delete(actor.organisationId, storageKey);
    throw error;
  }
}

/** Where a list of documents is shown: on a record, or everything concerning a home, lease or household. */
export type DocumentListing = DocumentOwner | { homeId: string } | { leaseId: string } | { householdId: string };

export async function listDocuments(db: Db, organisationId: string, listing: DocumentListing): Promise<StoredDocumentSummary[]> {
  const rows = await db.storedDocument.findMany({
    where: { organisationId, ...listing },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: SUMMARY_SELECT,
  });
  return rows as StoredDocumentSummary[];
}

/** Whether this person may read documents filed on this record (as they may read the record itself). */
export async function mayReadRecord(db: Db, actor: Pick<Actor, "organisationId" | "role" | "householdId">, owner: DocumentOwner): Promise<boolean> {
  if (can(actor.role, "records:read")) return true;
  if (actor.role !== "homeowner" || !actor.householdId) return false;
  const organisationId = actor.organisationId;
  const householdId = actor.householdId;
  switch (owner.ownerType) {
    case "household":
      return owner.ownerId === householdId;
    case "lease":
      return (await db.lease.count({ where: { id: owner.ownerId, organisationId, householdId } })) > 0;
    case "monitoring_event":
      return (await db.monitoringEvent.count({ where: { id: owner.ownerId, organisationId, householdId } })) > 0;
    case "home": {
      const [owning, leasing] = await Promise.all([
        db.ownership.count({ where: { organisationId, currentHomeId: owner.ownerId, householdId } }),
        db.lease.count({ where: { organisationId, bindingHomeId: owner.ownerId, householdId } }),
      ]);
      return owning + leasing > 0;
    }
    case "transfer_case":
      // read like the case itself: the case pages are for the trust's staff, viewers and admins (records:read, above)
      return false;
  }
}

/**
 * A stored document and its bytes, if this person may read it; null when it does not exist in their trust or
 * they may not read the record it belongs to (the caller answers 404 either way, revealing nothing).
 */
export async function readDocument(
  db: Db,
  actor: Pick<Actor, "organisationId" | "role" | "householdId">,
  documentId: string,
  storage: DocumentStorage = documentStorage(db),
): Promise<{ document: StoredDocumentSummary; bytes: Uint8Array } | null> {
  const document = await db.storedDocument.findFirst({ where: { id: documentId, organisationId: actor.organisationId }, select: { ...SUMMARY_SELECT, storageKey: true } });
  if (!document) return null;
  if (!(await mayReadRecord(db, actor, document as DocumentOwner))) return null;
  const bytes = await storage.get(actor.organisationId, document.storageKey);
  if (!bytes) return null;
  const { storageKey: _key, ...summary } = document;
  return { document: summary as StoredDocumentSummary, bytes };
}

/**
 * Checks an upload as `storeDocument` would (type, size, content) without storing it, so a form that files a
 * document together with other changes can refuse a bad file before it changes anything. The checked bytes
 * are returned to be stored.
 */
export async function checkUpload(input: Pick<StoreDocumentInput, "fileName" | "mimeType" | "content" | "maxBytes">): Promise<{ ok: true; bytes: Uint8Array } | StoreRefusal> {
  const type = declaredType(input.mimeType, input.fileName);
  const shownName = input.fileName.split(/[\\/]/).pop()?.trim() || "The file";
  if (!type) return { ok: false, status: 415, field: "file", message: `Only ${ACCEPTED_TYPES_IN_WORDS} can be stored; “${shownName}” is none of these.` };
  const read = await readChecked(input.content, type, shownName, input.maxBytes);
  return read.ok ? { ok: true, bytes: read.bytes } : read;
}
