import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createMonitoringEvent } from "~/modules/stewardship/events.server";
import { listDocuments, readDocument, storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { action as uploadAction } from "~/routes/documents.upload";
import { loader as downloadLoader } from "~/routes/documents.$documentId";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Stored documents on a real database (the same file on SQLite and PostgreSQL): uploads through the route as a
 * browser sends them, the limits (size, declared type against content), nothing stored on a refusal, and
 * downloads authorised like the record the document belongs to.
 */

const MB = 1024 * 1024;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const lease = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2024-01-15" } });
  const staffCookie = await sessionCookieFor(user.id, organisation.id);
  return { organisation, user, lease, staffCookie, actor: systemActor(organisation.id, "Test") };
}

function uploadRequest(fields: Record<string, string>, file: { bytes: Uint8Array; name: string; type: string } | null, cookie: string): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request("http://localhost/documents/upload", { method: "POST", body: form, headers: { Cookie: cookie } });
}

async function storedCounts(organisationId: string) {
  return [await db().storedDocument.count({ where: { organisationId } }), await db().storedDocumentContent.count({ where: { organisationId } })];
}

describe("uploading a document", () => {
  it("stores a PDF on a lease with its hash, size, type, who and when, lists it on the lease and the home, and gives it back byte for byte", async () => {
    const { organisation, user, lease, staffCookie } = await setup();
    const result = await unwrap(
      await run(uploadAction, uploadRequest({ ownerType: "lease", ownerId: lease.id, category: "signed-lease", returnTo: `/leases/${lease.id}` }, { bytes: PDF, name: "Signed lease (Lima).pdf", type: "application/pdf" }, staffCookie)),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/leases/${lease.id}`);

    const [onLease] = await listDocuments(db(), organisation.id, { leaseId: lease.id });
    expect(onLease).toMatchObject({
      name: "Signed lease (Lima).pdf",
      category: "signed-lease",
      contentType: "application/pdf",
      sizeBytes: PDF.byteLength,
      sha256: createHash("sha256").update(PDF).digest("hex"),
      createdByLabel: user.name,
      ownerType: "lease",
      homeId: lease.homeId,
      householdId: lease.householdId,
    });
    expect((await listDocuments(db(), organisation.id, { homeId: lease.homeId })).map((d) => d.id)).toEqual([onLease!.id]);
    const audit = await db().auditEntry.findFirst({ where: { organisationId: organisation.id, entity: "StoredDocument", entityId: onLease!.id } });
    expect(audit?.action).toBe("create");

    const download = await run(downloadLoader, getRequest(`/documents/${onLease!.id}`, staffCookie), { documentId: onLease!.id });
    expect(download).toBeInstanceOf(Response);
    const response = download as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain('filename="Signed lease (Lima).pdf"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it("sanitises the name: no path, no control characters", async () => {
    const { organisation, lease, staffCookie } = await setup();
    await run(uploadAction, uploadRequest({ ownerType: "lease", ownerId: lease.id, category: "other" }, { bytes: new TextEncoder().encode("hello\n"), name: "../../etc/notes\u0007.txt", type: "text/plain" }, staffCookie));
    const [doc] = await listDocuments(db(), organisation.id, { leaseId: lease.id });
    expect(doc?.name).toBe("notes.txt");
  });

  it.each([
    ["a PNG named and declared as a PDF", { bytes: PNG, name: "declarations.pdf", type: "application/pdf" }, 415, "“declarations.pdf” is not really a PDF: its content does not match its type."],
    ["a PDF declared as CSV", { bytes: PDF, name: "payments.csv", type: "text/csv" }, 415, "“payments.csv” is not really a CSV file"],
    ["text that is not UTF-8 declared as plain text", { bytes: new Uint8Array([0x68, 0x69, 0xff, 0xfe, 0x0a, 0x41, 0x42, 0x43, 0x44]), name: "notes.txt", type: "text/plain" }, 415, "is not really plain text"],
    ["a ZIP archive", { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0]), name: "bundle.zip", type: "application/zip" }, 415, "Only a PDF, PNG, JPEG, plain-text or CSV file can be stored; “bundle.zip” is none of these."],
    ["an empty file", { bytes: new Uint8Array(0), name: "empty.pdf", type: "application/pdf" }, 400, "The file is empty. Choose the file again."],
  ])("refuses %s with a clear 4xx and stores nothing", async (_what, file, status, message) => {
    const { organisation, lease, staffCookie } = await setup();
    const result = await unwrap(await run(uploadAction, uploadRequest({ ownerType: "lease", ownerId: lease.id, category: "other" }, file, staffCookie)));
    expect(result.status).toBe(status);
    expect((result.body as { field: string; message: string }).field).toBe("file");
    expect((result.body as { message: string }).message).toContain(message);
    expect(await storedCounts(organisation.id)).toEqual([0, 0]);
  });

  it("refuses an oversize file with 413 after reading just past the limit (memory stays flat), storing nothing", async () => {
    const { organisation, lease, actor } = await setup();
    let chunksRead = 0;
    async function* thirtyMegabytes() {
      const chunk = new Uint8Array(MB).fill(0x30);
      chunk.set(new TextEncoder().encode("%PDF-1.7\n"));
      for (let i = 0; i < 30; i++) {
        chunksRead++;
        yield chunk;
      }
    }
    const result = await storeDocument(db(), actor, { ownerType: "lease", ownerId: lease.id, category: "appraisal", fileName: "appraisal.pdf", mimeType: "application/pdf", content: thirtyMegabytes(), maxBytes: 20 * MB });
    expect(result).toEqual({ ok: false, status: 413, field: "file", message: "The file is larger than 20 MB, the most a document may be. Scan it at a lower resolution or split it into parts." });
    expect(chunksRead).toBe(21);
    expect(await storedCounts(organisation.id)).toEqual([0, 0]);
  });

  it("takes a file of exactly the limit", async () => {
    const { organisation, lease, actor } = await setup();
    const bytes = new Uint8Array(2 * MB).fill(0x41);
    const result = await storeDocument(db(), actor, { ownerType: "lease", ownerId: lease.id, category: "other", fileName: "big.txt", mimeType: "text/plain", content: bytes, maxBytes: 2 * MB });
    expect(result.ok).toBe(true);
    expect(await storedCounts(organisation.id)).toEqual([1, 1]);
    const read = await readDocument(db(), { organisationId: organisation.id, role: "staff", householdId: null }, (result as { document: { id: string } }).document.id);
    expect(read?.bytes.byteLength).toBe(2 * MB);
  });

  it("refuses a record of another trust as not found", async () => {
    const { lease } = await setup();
    const other = await createOrganisation(db());
    const result = await storeDocument(db(), systemActor(other.organisation.id, "Other"), { ownerType: "lease", ownerId: lease.id, category: "other", fileName: "x.pdf", mimeType: "application/pdf", content: PDF, maxBytes: MB });
    expect(result).toMatchObject({ ok: false, status: 404 });
  });
});

describe("who may read a document", () => {
  it("staff and viewers of the trust; the homeowner of that lease; not another homeowner, nor another trust", async () => {
    const { organisation, lease, actor } = await setup();
    const stored = await storeDocument(db(), actor, { ownerType: "lease", ownerId: lease.id, category: "signed-lease", fileName: "lease.pdf", mimeType: "application/pdf", content: PDF, maxBytes: MB });
    if (!stored.ok) throw new Error(stored.message);
    const id = stored.document.id;
    const otherLease = await createLease(db(), organisation.id, { status: "active" });
    const viewer = await createMember(db(), organisation.id, "viewer");
    const owner = await createMember(db(), organisation.id, "homeowner", { householdId: lease.householdId });
    const neighbour = await createMember(db(), organisation.id, "homeowner", { householdId: otherLease.householdId });
    const stranger = await createOrganisation(db());
    const statusFor = async (userId: string, organisationId: string) => {
      const result = await run(downloadLoader, getRequest(`/documents/${id}`, await sessionCookieFor(userId, organisationId)), { documentId: id });
      return (result as Response).status;
    };
    expect(await statusFor(viewer.user.id, organisation.id)).toBe(200);
    expect(await statusFor(owner.user.id, organisation.id)).toBe(200);
    expect(await statusFor(neighbour.user.id, organisation.id)).toBe(404);
    expect(await statusFor(stranger.user.id, stranger.organisation.id)).toBe(404);
  });

  it("a homeowner may add proof to their own household's event, but not file documents on the lease or on a neighbour's event", async () => {
    const { organisation, lease, actor } = await setup();
    const otherLease = await createLease(db(), organisation.id, { status: "active" });
    const own = await createMonitoringEvent(db(), actor, { leaseId: lease.id, type: "occupancy_certification", subject: "", dueDate: "2026-01-15", notes: "", assignedToId: null });
    const theirs = await createMonitoringEvent(db(), actor, { leaseId: otherLease.id, type: "occupancy_certification", subject: "", dueDate: "2026-01-15", notes: "", assignedToId: null });
    if (!own.ok || !theirs.ok) throw new Error("events");
    const owner = await createMember(db(), organisation.id, "homeowner", { householdId: lease.householdId });
    const cookie = await sessionCookieFor(owner.user.id, organisation.id);
    const file = { bytes: PDF, name: "utility bill.pdf", type: "application/pdf" };
    const onOwnEvent = await unwrap(await run(uploadAction, uploadRequest({ ownerType: "monitoring_event", ownerId: own.id, category: "certification-proof", returnTo: "/" }, file, cookie)));
    expect(onOwnEvent.status).toBe(302);
    const onLease = await unwrap(await run(uploadAction, uploadRequest({ ownerType: "lease", ownerId: lease.id, category: "other" }, file, cookie)));
    expect(onLease.status).toBe(403);
    const onNeighbour = await unwrap(await run(uploadAction, uploadRequest({ ownerType: "monitoring_event", ownerId: theirs.id, category: "certification-proof" }, file, cookie)));
    // another household's event: not found, as on every My home page (its existence is not revealed)
    expect(onNeighbour.status).toBe(404);
    const onEvent = await listDocuments(db(), organisation.id, { ownerType: "monitoring_event", ownerId: own.id });
    expect(onEvent.map((d) => [d.name, d.leaseId, d.householdId])).toEqual([["utility bill.pdf", lease.id, lease.householdId]]);
    expect(await db().storedDocument.count({ where: { organisationId: organisation.id } })).toBe(1);
  });
});
