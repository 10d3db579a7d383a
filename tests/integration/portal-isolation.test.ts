import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createMonitoringEvent } from "~/modules/stewardship/events.server";
import { recordImprovementRequest } from "~/modules/stewardship-decisions/requests.server";
import { storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { openTransferCase } from "~/modules/transfers/transfers.server";
import { loader as documentLoader } from "~/routes/documents.$documentId";
import { action as uploadAction } from "~/routes/documents.upload";
import { action as dueAction, loader as dueLoader } from "~/routes/my-home.due";
import { action as formAction, loader as formLoader } from "~/routes/my-home.forms.$kind";
import { loader as myHomeLoader } from "~/routes/my-home._index";
import { loader as myLeaseLoader } from "~/routes/my-home.leases.$leaseId._index";
import { loader as myLeasePdfLoader } from "~/routes/my-home.leases.$leaseId.lease[.]pdf";
import { loader as myMemorandumLoader } from "~/routes/my-home.leases.$leaseId.memorandum[.]pdf";
import { loader as statementLoader } from "~/routes/my-home.statement[.]pdf";
import { loader as todayLoader } from "~/routes/my-home.today";
import { loader as todayPdfLoader } from "~/routes/my-home.today[.]pdf";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Homeowner isolation across the whole portal: the homeowner of household A gets 404 for every page, download
 * and form of household B (its lease, lease PDFs, monitoring events and scheduled items, stored documents on
 * its event, lease, home and household), and the pages that take no record id show nothing of B. Every
 * My home route file is listed here: a new one fails the inventory until it is added to the matrix.
 */
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "portal-isolation-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, Buffer.from(bytes));
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function multipart(path: string, fields: Record<string, string>, cookie: string): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new File([new Uint8Array(PDF)], "proof.pdf", { type: "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

async function twoHouseholds() {
  const { organisation } = await createOrganisation(db());
  const today = todayIn(organisation.timeZone);
  const actor = systemActor(organisation.id, "Test");
  const values = { commencementDate: "2024-01-15", monthlyFeeCents: 2500 } as const;
  const homeA = await createLeasableHome(db(), organisation.id, { members: ["Grace Adeyemi"], streetAddress: "12 Orchard Lane", purchasePriceCents: 18_500_000 });
  const leaseA = await createLease(db(), organisation.id, { status: "active", homeId: homeA.home.id, householdId: homeA.household.id, values: { ...values, lesseeNames: homeA.members } });
  const homeB = await createLeasableHome(db(), organisation.id, { members: ["Bo Lindqvist"], streetAddress: "40 Birch Road", purchasePriceCents: 19_000_000 });
  const leaseB = await createLease(db(), organisation.id, { status: "active", homeId: homeB.home.id, householdId: homeB.household.id, values: { ...values, lesseeNames: homeB.members } });
  const ownerA = await createMember(db(), organisation.id, "homeowner", { householdId: homeA.household.id, name: "Grace Adeyemi" });
  // B's records: an event with proof, documents on its lease, home and household, a request and a resale case
  const eventB = await createMonitoringEvent(db(), actor, { leaseId: leaseB.id, type: "insurance_proof", subject: "", dueDate: "2025-06-01", notes: "", assignedToId: null });
  if (!eventB.ok) throw new Error("event");
  const documentsB: string[] = [];
  for (const owner of [
    { ownerType: "monitoring_event", ownerId: eventB.id },
    { ownerType: "lease", ownerId: leaseB.id },
    { ownerType: "home", ownerId: homeB.home.id },
    { ownerType: "household", ownerId: homeB.household.id },
  ] as const) {
    const stored = await storeDocument(db(), actor, { ...owner, category: "other", fileName: `B ${owner.ownerType}.pdf`, mimeType: "application/pdf", content: PDF, maxBytes: 1_000_000 });
    if (!stored.ok) throw new Error(stored.message);
    documentsB.push(stored.document.id);
  }
  await recordImprovementRequest(db(), actor, leaseB.id, { kind: "improvement", receivedOn: "2025-03-01", description: "Birch Road deck", costCents: 500_000, completedOn: "2025-09-01" });
  await openTransferCase(db(), actor, { homeId: homeB.home.id, kind: "sale", noticeDate: "2025-11-01", noticeMethod: "mail" }, today);
  return { organisation, today, a: { lease: leaseA, household: homeA.household, cookie: await sessionCookieFor(ownerA.user.id, organisation.id) }, b: { lease: leaseB, household: homeB.household, home: homeB.home, eventId: eventB.id, documents: documentsB } };
}

const statusOf = async (result: unknown) => (await unwrap(result)).status;

describe("homeowner isolation across My home", () => {
  it("household A's homeowner gets 404 for every page, download and form of household B, and sees nothing of B elsewhere", async () => {
    const { organisation, a, b } = await twoHouseholds();
    const covered = new Set<string>();
    const notFound = async (route: string, result: Promise<unknown>) => {
      covered.add(route);
      expect(await statusOf(await result), route).toBe(404);
    };
    const before = {
      documents: await db().storedDocument.count({ where: { organisationId: organisation.id } }),
      // B's events (reading A's ledger may add A's own late-payment events: docs/decisions/018)
      events: await db().monitoringEvent.findMany({ where: { organisationId: organisation.id, householdId: b.household.id }, select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
    };

    // B's lease: its page and both documents
    await notFound("my-home.leases.$leaseId._index.tsx", run(myLeaseLoader, getRequest(`/my-home/leases/${b.lease.id}`, a.cookie), { leaseId: b.lease.id }));
    await notFound("my-home.leases.$leaseId.lease[.]pdf.tsx", run(myLeasePdfLoader, getRequest(`/my-home/leases/${b.lease.id}/lease.pdf`, a.cookie), { leaseId: b.lease.id }));
    await notFound("my-home.leases.$leaseId.memorandum[.]pdf.tsx", run(myMemorandumLoader, getRequest(`/my-home/leases/${b.lease.id}/memorandum.pdf`, a.cookie), { leaseId: b.lease.id }));
    // B's event and B's scheduled certification: neither shown nor answerable
    for (const path of [`/my-home/due?event=${b.eventId}`, `/my-home/due?lease=${b.lease.id}&key=occupancy_certification%3A2025`]) {
      await notFound("my-home.due.tsx", run(dueLoader, getRequest(path, a.cookie)));
      await notFound("my-home.due.tsx", run(dueAction, multipart(path, { attest: "yes" }, a.cookie)));
    }
    // B's stored documents, wherever they are filed; and no upload onto B's event
    for (const id of b.documents) await notFound("documents.$documentId.tsx", run(documentLoader, getRequest(`/documents/${id}`, a.cookie), { documentId: id }));
    await notFound("documents.upload.tsx", run(uploadAction, multipart("/documents/upload", { ownerType: "monitoring_event", ownerId: b.eventId, category: "insurance-declarations" }, a.cookie)));

    // pages without a record id: A's own, nothing of B in them
    const bWords = [b.household.name, b.lease.reference, b.lease.id, "Birch Road", "Bo Lindqvist"];
    const page = async (route: string, result: Promise<unknown>) => {
      covered.add(route);
      const reply = await unwrap(await result);
      expect(reply.status, route).toBe(200);
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      for (const word of bWords) expect(text, `${route} shows ${word}`).not.toContain(word);
    };
    await page("my-home._index.tsx", run(myHomeLoader, getRequest("/my-home", a.cookie)));
    await page("my-home.today.tsx", run(todayLoader, getRequest(`/my-home/today?homeId=${b.home.id}`, a.cookie)));
    for (const kind of ["improvement", "refinance", "leave-of-absence", "sell"]) await page("my-home.forms.$kind.tsx", run(formLoader, getRequest(`/my-home/forms/${kind}?leaseId=${b.lease.id}`, a.cookie), { kind }));
    for (const [route, loader, path] of [
      ["my-home.today[.]pdf.tsx", todayPdfLoader, `/my-home/today.pdf?homeId=${b.home.id}`],
      ["my-home.statement[.]pdf.tsx", statementLoader, `/my-home/statement.pdf?from=2025-01-01&to=2025-12-31&householdId=${b.household.id}`],
    ] as const) {
      covered.add(route);
      const response = (await run(loader, getRequest(path, a.cookie))) as Response;
      expect(response.status, route).toBe(200);
      const text = pdfText(await response.arrayBuffer());
      for (const word of bWords) expect(text, `${route} shows ${word}`).not.toContain(word);
    }
    // a request posted with B's lease id is recorded under A's own lease, never B's
    const sent = await unwrap(await run(formAction, postRequest("/my-home/forms/improvement", { leaseId: b.lease.id, description: "Fence", costCents: "1200", completedOn: "2027-04-01" }, { cookie: a.cookie }), { kind: "improvement" }));
    expect(sent.status).toBe(302);
    const requests = await db().stewardshipRequest.findMany({ where: { organisationId: organisation.id }, select: { leaseId: true, details: true } });
    expect(requests.filter((r) => (r.details as { description?: string }).description === "Fence").map((r) => r.leaseId)).toEqual([a.lease.id]);

    // nothing of B changed
    expect(await db().storedDocument.count({ where: { organisationId: organisation.id } })).toBe(before.documents);
    expect(await db().monitoringEvent.findMany({ where: { organisationId: organisation.id, householdId: b.household.id }, select: { id: true, status: true, version: true }, orderBy: { id: "asc" } })).toEqual(before.events);

    // the inventory: every My home route is in the matrix above
    const routes = readdirSync(join(process.cwd(), "app/routes")).filter((name) => name.startsWith("my-home"));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });
});
