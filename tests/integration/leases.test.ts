import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "~/modules/api-tokens/api-tokens.server";
import { systemActor } from "~/modules/audit/audit.server";
import { MAX_BULK_LEASES_VIEWER } from "~/modules/leases/bulk.server";
import { runLeaseCli } from "~/modules/leases/cli.server";
import { DEFAULT_LEASE_TEMPLATE } from "~/modules/leases/default-template";
import { contentDisposition } from "~/utils/content-disposition";
import { ensureDefaultTemplate, listTemplateVersions } from "~/modules/leases/templates.server";
import { getLeaseTermsOn } from "~/modules/leases/terms.server";
import { loader as apiDocumentLoader } from "~/routes/api.v1.leases.$leaseId.document[.]pdf";
import { action as leaseAction, loader as leaseLoader } from "~/routes/leases.$leaseId._index";
import { action as documentAction, loader as documentLoader } from "~/routes/leases.$leaseId.document[.]pdf";
import { action as editAction, loader as editLoader } from "~/routes/leases.$leaseId.edit";
import { action as memorandumAction, loader as memorandumLoader } from "~/routes/leases.$leaseId.memorandum[.]pdf";
import { loader as listLoader } from "~/routes/leases._index";
import { action as zipAction } from "~/routes/leases.documents[.]zip";
import { action as newLeaseAction } from "~/routes/leases.new";
import { action as templateAction } from "~/routes/settings.lease-templates.new";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { db } from "~/utils/db.server";
import { createLease, createLeasableHome, completeOrganisation, seedDemoLeases } from "~/modules/demo/leases";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function adminSession() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const presets = await seedDemoFormulaPresets(db(), organisation.id);
  return { organisation, user, presets, cookie: await sessionCookieFor(user.id, organisation.id) };
}

function leaseForm(homeId: string, householdId: string, overrides: Record<string, string | string[]> = {}) {
  return {
    homeId,
    householdId,
    lesseeNames: "Ana Lima\nJordan Reyes",
    commencementDate: "2025-01-01",
    termYears: "99",
    renewalTermYears: "99",
    monthlyFeeCents: "$35.00",
    escalationKind: "fixed-percent",
    escalationRate: "3",
    feeDueDay: "1",
    purchaseOptionDays: "90",
    formulaPresetName: "1.5% simple, full months, market cap",
    "mortgages[0].lender": "Green Mountain Community Bank",
    "mortgages[0].amountCents": "185,000",
    "mortgages[0].recordedOn": "2024-12-20",
    riders: ["Fannie Mae Community Land Trust Ground Lease Rider"],
    ...overrides,
  };
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "lease-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function transition(cookie: string, leaseId: string, to: string, extra: Record<string, string> = {}) {
  const lease = await db().lease.findUniqueOrThrow({ where: { id: leaseId } });
  return unwrap(await run(leaseAction, postRequest(`/leases/${leaseId}`, { intent: "transition", to, version: String(lease.version), confirmed: "yes", ...extra }, { cookie }), { leaseId }));
}

afterEach(() => vi.restoreAllMocks());

describe("lease records", () => {
  it("a status change asks first: without the confirmation nothing changes and the page gets the fields to confirm", async () => {
    const { organisation, cookie } = await adminSession();
    const { home, household } = await createLeasableHome(db(), organisation.id);
    await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }));
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id } });
    const asked = await unwrap(await run(leaseAction, postRequest(`/leases/${lease.id}`, { intent: "transition", to: "executed", version: String(lease.version), executionDate: "2025-01-01" }, { cookie }), { leaseId: lease.id }));
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ intent: "transition", to: "executed", confirm: { intent: "transition", to: "executed", version: String(lease.version), executionDate: "2025-01-01" } });
    const unchanged = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
    expect(unchanged.status).toBe("draft");
    expect(unchanged.version).toBe(lease.version);
    expect(await db().auditEntry.count({ where: { entity: "Lease", entityId: lease.id, action: "transition" } })).toBe(0);
    // "Yes" posts the same fields with confirmed=yes: now it is executed
    expect((await transition(cookie, lease.id, "executed", { executionDate: "2025-01-01" })).status).toBe(302);
    expect((await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).status).toBe("executed");
  });

  it("creates a draft with a GL reference and computed expiration, audited", async () => {
    const { organisation, cookie } = await adminSession();
    const { home, household } = await createLeasableHome(db(), organisation.id);
    const response = (await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }))) as Response;
    expect(response.status).toBe(302);
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id }, include: { lessees: { orderBy: { position: "asc" } }, permittedMortgages: true } });
    expect(lease.reference).toMatch(/^GL-\d{4}-0001$/);
    expect(lease.expirationDate).toBe("2123-12-31");
    expect(lease.feeEscalation).toEqual({ kind: "fixed-percent", annualRate: "0.03" });
    expect(lease.lessees.map((l) => l.fullName)).toEqual(["Ana Lima", "Jordan Reyes"]);
    expect(lease.permittedMortgages[0]).toMatchObject({ lender: "Green Mountain Community Bank", amountCents: 18_500_000n });
    expect(lease.formulaSpec).toBeNull();
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "Lease", entityId: lease.id, action: "create" } });
    expect(audit.changes).toMatchObject({ after: { reference: lease.reference, monthlyFeeCents: 3500 } });
    // The next lease gets the next number.
    await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }));
    const list = await unwrap(await run(listLoader, getRequest("/leases?q=jordan", cookie)));
    expect((list.body as { leases: { reference: string }[] }).leases.map((l) => l.reference).sort()).toEqual([lease.reference, lease.reference.replace(/0001$/, "0002")]);
    // by reference in any case, and by the home's address
    const byReference = await unwrap(await run(listLoader, getRequest(`/leases?q=${lease.reference.toLowerCase()}`, cookie)));
    expect((byReference.body as { leases: { reference: string }[] }).leases.map((l) => l.reference)).toEqual([lease.reference]);
    const byStreet = await unwrap(await run(listLoader, getRequest("/leases?q=maple+street", cookie)));
    expect((byStreet.body as { total: number }).total).toBe(2);
    const nothing = await unwrap(await run(listLoader, getRequest("/leases?q=zzzz", cookie)));
    expect((nothing.body as { total: number }).total).toBe(0);
  });

  it("bad input: field messages, 400, nothing saved", async () => {
    const { organisation, cookie } = await adminSession();
    const { home, household } = await createLeasableHome(db(), organisation.id);
    const result = await unwrap(
      await run(
        newLeaseAction,
        postRequest("/leases/new", leaseForm(home.id, household.id, { termYears: "0", monthlyFeeCents: "-5", lesseeNames: "  \n ", feeDueDay: "31" }), { cookie }),
      ),
    );
    expect(result.status).toBe(400);
    const errors = (result.body as { error: Record<string, string[]> }).error;
    expect(errors.termYears?.[0]).toMatch(/at least 1 year/);
    expect(errors.monthlyFeeCents?.[0]).toMatch(/negative/);
    expect(errors.lesseeNames?.[0]).toMatch(/at least one lessee/);
    expect(errors.feeDueDay?.[0]).toMatch(/between 1 and 28/);
    expect(await db().lease.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("lifecycle: execute without a formula or legal description is refused; record before execute is refused; terms freeze", async () => {
    const { organisation, cookie } = await adminSession();
    const { home, household } = await createLeasableHome(db(), organisation.id, { legalDescription: "" });
    await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id, { formulaPresetName: "" }), { cookie }));
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id } });

    const recordEarly = await transition(cookie, lease.id, "recorded", { recordingCounty: "Chittenden", recordingInstrument: "1", recordingDate: "2025-01-05" });
    expect(recordEarly.status).toBe(400);
    expect(JSON.stringify(recordEarly.body)).toContain("can only become executed");

    const execute = await transition(cookie, lease.id, "executed", { executionDate: "2025-01-01" });
    expect(execute.status).toBe(400);
    const message = JSON.stringify(execute.body);
    expect(message).toContain("Choose a resale formula preset");
    expect(message).toContain("legal description");
    expect((await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).status).toBe("draft");

    // No document from incomplete data.
    const doc = (await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, cookie), { leaseId: lease.id })) as Response;
    expect(doc.status).toBe(400);
    expect(await doc.text()).toContain("legal description");
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id } })).toBe(0);

    // Complete the data and execute: the formula and the template version are frozen.
    await db().parcel.update({ where: { id: home.parcelId }, data: { legalDescription: "Lot 7, Block 2, ELM ACRES." } });
    const edit = (await run(editAction, postRequest(`/leases/${lease.id}/edit`, leaseForm(home.id, household.id, { version: "1" }), { cookie }), { leaseId: lease.id })) as Response;
    expect(edit.status).toBe(302);
    expect((await transition(cookie, lease.id, "executed", { executionDate: "2025-01-01" })).status).toBe(302);
    const executed = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
    expect(executed.status).toBe("executed");
    expect(executed.formulaSpec).toMatchObject({ formula: { type: "fixed-rate", annualRate: "0.015" }, caps: [{ type: "market-value" }] });
    expect(executed.templateVersionId).not.toBeNull();

    // Frozen: the edit page redirects and an edit post is refused (409).
    const editPage = (await run(editLoader, getRequest(`/leases/${lease.id}/edit`, cookie), { leaseId: lease.id })) as Response;
    expect(editPage.status).toBe(302);
    const refused = await unwrap(await run(editAction, postRequest(`/leases/${lease.id}/edit`, leaseForm(home.id, household.id, { version: String(executed.version), monthlyFeeCents: "99" }), { cookie }), { leaseId: lease.id }));
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("frozen");
    expect((await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).monthlyFeeCents).toBe(3500n);

    // Changes only by amendment, recorded and applied.
    const amend = (await run(
      leaseAction,
      postRequest(
        `/leases/${lease.id}`,
        { intent: "amend", version: String(executed.version), effectiveDate: "2026-01-01", description: "Fee raised by board resolution", monthlyFeeCents: "40", escalationKind: "fixed-percent", escalationRate: "3", feeDueDay: "1", purchaseOptionDays: "90", renewalTermYears: "99", riders: ["Fannie Mae Community Land Trust Ground Lease Rider"] },
        { cookie },
      ),
      { leaseId: lease.id },
    )) as Response;
    expect(amend.status).toBe(302);
    const amendment = await db().leaseAmendment.findFirstOrThrow({ where: { leaseId: lease.id } });
    expect(amendment.changes).toEqual({ before: { monthlyFeeCents: 3500 }, after: { monthlyFeeCents: 4000 } });
    // the lease keeps its terms as signed; the amendment applies from its date
    expect((await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).monthlyFeeCents).toBe(3500n);
    expect((await getLeaseTermsOn(db(), organisation.id, lease.id, "2025-12-31"))?.monthlyFeeCents).toBe(3500);
    expect((await getLeaseTermsOn(db(), organisation.id, lease.id, "2026-01-01"))?.monthlyFeeCents).toBe(4000);

    // Recording then needs its data, and not before execution.
    const badRecord = await transition(cookie, lease.id, "recorded", { recordingCounty: "Chittenden", recordingInstrument: "2025-0042", recordingDate: "2024-12-01" });
    expect(badRecord.status).toBe(400);
    expect(JSON.stringify(badRecord.body)).toContain("cannot be before the execution date");
    expect((await transition(cookie, lease.id, "recorded", { recordingCounty: "Chittenden", recordingInstrument: "2025-0042", recordingBook: "12", recordingPage: "3", recordingDate: "2025-01-08" })).status).toBe(302);
    expect((await transition(cookie, lease.id, "active")).status).toBe(302);
    const audits = await db().auditEntry.count({ where: { entity: "Lease", entityId: lease.id, action: "transition" } });
    expect(audits).toBe(3);
  });

  it("a home has at most one executed, recorded or active lease", async () => {
    const { organisation, cookie } = await adminSession();
    const first = await createLease(db(), organisation.id, { status: "active" });
    const second = await createLease(db(), organisation.id, { homeId: first.homeId, householdId: first.householdId });
    const refused = await transition(cookie, second.id, "executed", { executionDate: "2025-01-01" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(`already has lease ${first.reference}`);
    expect((await db().lease.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("draft");
  });

  it("viewers read leases but may not change them; other organisations see 404", async () => {
    const { organisation } = await adminSession();
    const lease = await createLease(db(), organisation.id);
    const { user } = await createMember(db(), organisation.id, "viewer");
    const viewer = await sessionCookieFor(user.id, organisation.id);
    expect((await unwrap(await run(leaseLoader, getRequest(`/leases/${lease.id}`, viewer), { leaseId: lease.id }))).status).toBe(200);
    expect(((await run(leaseAction, postRequest(`/leases/${lease.id}`, { intent: "transition", to: "executed", version: "1" }, { cookie: viewer }), { leaseId: lease.id })) as Response).status).toBe(403);
    const other = await adminSession();
    expect(((await run(leaseLoader, getRequest(`/leases/${lease.id}`, other.cookie), { leaseId: lease.id })) as Response).status).toBe(404);
  });
});

describe("lease documents", () => {
  it("the lease PDF names the parties, land, fee, term and worked example; a download records nothing, producing on purpose records it", async () => {
    const { organisation, cookie } = await adminSession();
    const { home, household } = await createLeasableHome(db(), organisation.id, { members: ["Łukasz Ščerba", "José Núñez"], purchasePriceCents: 18_500_000 });
    const lease = await createLease(db(), organisation.id, { status: "executed", homeId: home.id, householdId: household.id, values: { lesseeNames: ["Łukasz Ščerba", "José Núñez"], monthlyFeeCents: 3500 } });
    const response = (await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, cookie), { leaseId: lease.id })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="${lease.reference} ground lease.pdf"; filename*=UTF-8''${lease.reference}%20ground%20lease.pdf`,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Łukasz Ščerba");
    expect(text).toContain("José Núñez");
    expect(text).toContain("ALDER GROVE ADDITION");
    expect(text).toContain("$35.00");
    expect(text).toContain("January 1, 2025");
    expect(text).toContain("December 31, 2123");
    // Worked example: $185,000 × (1 + 1.5% × 10 years) = $212,750.00 (below the illustrative market value).
    expect(text).toContain("$212,750.00");
    // a GET only reads: downloading (or a browser's prefetch) records no generation
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entity: "Lease", entityId: lease.id, action: "generate" } })).toBe(0);
    expect(await db().storedDocument.count({ where: { leaseId: lease.id } })).toBe(0);
    const produced = (await run(documentAction, postRequest(`/leases/${lease.id}/document.pdf`, {}, { cookie }), { leaseId: lease.id })) as Response;
    expect(produced.status).toBe(200);
    const producedPdf = Buffer.from(await produced.arrayBuffer());
    expect(pdfText(producedPdf)).toContain("$212,750.00");
    // the produced PDF is kept as a stored document of the lease, listed on the lease and its home, with its
    // hash (the one the generation recorded), size, who and when; its bytes are the ones downloaded
    const kept = await db().storedDocument.findFirstOrThrow({ where: { leaseId: lease.id } });
    expect(kept).toMatchObject({ ownerType: "lease", ownerId: lease.id, homeId: lease.homeId, category: "lease-document", contentType: "application/pdf", source: "generated", sizeBytes: producedPdf.byteLength });
    expect(kept.sha256).toBe(createHash("sha256").update(producedPdf).digest("hex"));
    expect(kept.createdByLabel).not.toBe("");
    expect((await listDocuments(db(), organisation.id, { homeId: lease.homeId })).map((d) => d.id)).toEqual([kept.id]);
    const recorded = await db().leaseDocument.findFirstOrThrow({ where: { leaseId: lease.id } });
    expect(recorded).toMatchObject({ kind: "lease", templateVersionId: lease.templateVersionId });
    expect(recorded.pages).toBeGreaterThan(5);
    expect(recorded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db().auditEntry.count({ where: { entity: "Lease", entityId: lease.id, action: "generate" } })).toBe(1);

    const memo = (await run(memorandumLoader, getRequest(`/leases/${lease.id}/memorandum.pdf`, cookie), { leaseId: lease.id })) as Response;
    expect(memo.status).toBe(200);
    const memoText = pdfText(Buffer.from(await memo.arrayBuffer()));
    expect(memoText).toContain(lease.reference);
    expect(memoText).toContain("Łukasz Ščerba");
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id, kind: "memorandum" } })).toBe(0);
    await run(memorandumAction, postRequest(`/leases/${lease.id}/memorandum.pdf`, {}, { cookie }), { leaseId: lease.id });
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id, kind: "memorandum" } })).toBe(1);
    expect((await db().storedDocument.findMany({ where: { leaseId: lease.id, category: "lease-document" }, orderBy: { createdAt: "asc" } })).map((d) => d.name)).toEqual([
      `${lease.reference} ground lease.pdf`,
      `${lease.reference} memorandum of ground lease.pdf`,
    ]);

    // a board member (viewer) may download but not record
    const { user: board } = await createMember(db(), organisation.id, "viewer");
    const boardCookie = await sessionCookieFor(board.id, organisation.id);
    expect(((await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, boardCookie), { leaseId: lease.id })) as Response).status).toBe(200);
    expect(((await run(documentAction, postRequest(`/leases/${lease.id}/document.pdf`, {}, { cookie: boardCookie }), { leaseId: lease.id })) as Response).status).toBe(403);
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id } })).toBe(2);
  });

  it("a draft uses the latest template version; an executed lease keeps its own", async () => {
    const { organisation, cookie } = await adminSession();
    const executed = await createLease(db(), organisation.id, { status: "executed" });
    const draft = await createLease(db(), organisation.id);
    const template = await ensureDefaultTemplate(db(), organisation.id);
    const v1 = await db().leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id, versionNumber: 1 } });
    const content = v1.content as { title: string };
    await db().leaseTemplateVersion.create({ data: { organisationId: organisation.id, templateId: template.id, versionNumber: 2, content: { ...content, title: "COMMUNITY GROUND LEASE (REVISED)" } } });
    await run(documentAction, postRequest(`/leases/${draft.id}/document.pdf`, {}, { cookie }), { leaseId: draft.id });
    await run(documentAction, postRequest(`/leases/${executed.id}/document.pdf`, {}, { cookie }), { leaseId: executed.id });
    const docs = await db().leaseDocument.findMany({ where: { organisationId: organisation.id }, include: { templateVersion: true } });
    expect(docs.find((d) => d.leaseId === draft.id)?.templateVersion?.versionNumber).toBe(2);
    expect(docs.find((d) => d.leaseId === executed.id)?.templateVersion?.versionNumber).toBe(1);
  });

  it("API: 401 without a token, the PDF with one, 404 for another organisation's lease", async () => {
    const { organisation, user } = await adminSession();
    const lease = await createLease(db(), organisation.id, { status: "recorded" });
    const url = `http://localhost/api/v1/leases/${lease.id}/document.pdf`;
    const anonymous = (await run(apiDocumentLoader, new Request(url), { leaseId: lease.id })) as Response;
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "unauthorized" });
    const { secret } = await createApiToken(db(), systemActor(organisation.id), user.id, "Records system");
    const ok = (await run(apiDocumentLoader, new Request(url, { headers: { Authorization: `Bearer ${secret}` } }), { leaseId: lease.id })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id } })).toBe(0); // a GET records nothing
    const other = await adminSession();
    const { secret: otherSecret } = await createApiToken(db(), systemActor(other.organisation.id), other.user.id, "Other");
    const notFound = (await run(apiDocumentLoader, new Request(url, { headers: { Authorization: `Bearer ${otherSecret}` } }), { leaseId: lease.id })) as Response;
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: "not-found" });
  });

  it("bulk ZIP holds the selected leases' documents and lists those that cannot be produced", async () => {
    const { organisation, cookie } = await adminSession();
    const a = await createLease(db(), organisation.id, { status: "executed" });
    const b = await createLease(db(), organisation.id);
    await db().lease.update({ where: { id: b.id }, data: { formulaPresetName: "" } });
    const response = (await run(zipAction, postRequest("/leases/documents.zip", { leaseId: [a.id, b.id] }, { cookie }))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([`${a.reference} ground lease.pdf`, "SKIPPED.txt"]);
    expect(Buffer.from(files[`${a.reference} ground lease.pdf`]!).subarray(0, 4).toString()).toBe("%PDF");
    expect(Buffer.from(files["SKIPPED.txt"]!).toString()).toContain(b.reference);
    expect(await db().leaseDocument.count({ where: { organisationId: organisation.id } })).toBe(0); // a download records nothing
  });

  it("bulk ZIP holds the memoranda, or the leases and their memoranda, when asked; an unknown choice is refused", async () => {
    const { organisation, cookie } = await adminSession();
    const a = await createLease(db(), organisation.id, { status: "executed" });
    const b = await createLease(db(), organisation.id, { status: "executed" });
    const zipOf = async (kind: string) => {
      const response = (await run(zipAction, postRequest("/leases/documents.zip", { leaseId: [a.id, b.id], kind }, { cookie }))) as Response;
      return { response, files: response.headers.get("Content-Type") === "application/zip" ? unzipSync(new Uint8Array(await response.arrayBuffer())) : {} };
    };
    const memoranda = await zipOf("memorandum");
    expect(memoranda.response.headers.get("Content-Disposition")).toMatch(/filename="memoranda of ground lease \d{4}-\d{2}-\d{2}\.zip"/);
    expect(Object.keys(memoranda.files).sort()).toEqual([`${a.reference} memorandum of ground lease.pdf`, `${b.reference} memorandum of ground lease.pdf`].sort());
    const memorandumText = pdfText(Buffer.from(memoranda.files[`${a.reference} memorandum of ground lease.pdf`]!));
    expect(memorandumText).toMatch(/MEMORANDUM OF GROUND LEASE/i);
    expect(memorandumText).toContain(a.reference);

    const both = await zipOf("both");
    expect(Object.keys(both.files).sort()).toEqual(
      [`${a.reference} ground lease.pdf`, `${a.reference} memorandum of ground lease.pdf`, `${b.reference} ground lease.pdf`, `${b.reference} memorandum of ground lease.pdf`].sort(),
    );
    expect(pdfText(Buffer.from(both.files[`${b.reference} ground lease.pdf`]!))).toMatch(/GROUND LEASE/);

    const refused = await zipOf("everything");
    expect(refused.response.status).toBe(302);
    expect(refused.response.headers.get("Location")).toBe("/leases");
    expect(await db().leaseDocument.count({ where: { organisationId: organisation.id } })).toBe(0); // a download records nothing
  });

  it("bulk ZIP: a board member (viewer) may take a few leases at a time, staff many", async () => {
    const { organisation, cookie } = await adminSession();
    const leases = [];
    for (let i = 0; i < MAX_BULK_LEASES_VIEWER + 1; i++) leases.push(await createLease(db(), organisation.id, { status: "executed" }));
    const ids = leases.map((l) => l.id);
    const { user: board } = await createMember(db(), organisation.id, "viewer");
    const boardCookie = await sessionCookieFor(board.id, organisation.id);
    const refused = (await run(zipAction, postRequest("/leases/documents.zip", { leaseId: ids }, { cookie: boardCookie }))) as Response;
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/leases");
    const allowed = (await run(zipAction, postRequest("/leases/documents.zip", { leaseId: ids.slice(0, MAX_BULK_LEASES_VIEWER) }, { cookie: boardCookie }))) as Response;
    expect(Object.keys(unzipSync(new Uint8Array(await allowed.arrayBuffer())))).toHaveLength(MAX_BULK_LEASES_VIEWER);
    const staff = (await run(zipAction, postRequest("/leases/documents.zip", { leaseId: ids }, { cookie }))) as Response;
    expect(Object.keys(unzipSync(new Uint8Array(await staff.arrayBuffer())))).toHaveLength(MAX_BULK_LEASES_VIEWER + 1);
  });

  it("Content-Disposition keeps non-ASCII names (RFC 5987)", () => {
    expect(contentDisposition("GL-2025-0003 Núñez.pdf")).toBe(`attachment; filename="GL-2025-0003 Nunez.pdf"; filename*=UTF-8''GL-2025-0003%20N%C3%BA%C3%B1ez.pdf`);
  });
});

describe("lease templates", () => {
  it("the default template is version 1 (idempotent); saving creates a new version; unknown fields are refused by name", async () => {
    const { organisation, cookie } = await adminSession();
    await Promise.all([ensureDefaultTemplate(db(), organisation.id), ensureDefaultTemplate(db(), organisation.id)]);
    expect(await db().leaseTemplate.count({ where: { organisationId: organisation.id } })).toBe(1);
    const v1 = await db().leaseTemplateVersion.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(v1.content).toEqual(DEFAULT_LEASE_TEMPLATE);
    const content = structuredClone(v1.content) as { articles: { sections: { text: string }[] }[] };
    content.articles[0]!.sections[0]!.text += " See {{montly_fee}} and {{lesee}}.";
    const refused = await unwrap(await run(templateAction, postRequest("/settings/lease-templates/new", { intent: "json", basedOn: "1", from: "1", content: JSON.stringify(content) }, { cookie })));
    expect(refused.status).toBe(400);
    const text = JSON.stringify(refused.body);
    expect(text).toContain("unknown field {{montly_fee}}");
    expect(text).toContain("unknown field {{lesee}}");
    expect(await db().leaseTemplateVersion.count({ where: { organisationId: organisation.id } })).toBe(1);

    content.articles[0]!.sections[0]!.text = content.articles[0]!.sections[0]!.text.replace(" See {{montly_fee}} and {{lesee}}.", " The fee is {{monthly_lease_fee}}.");
    const saved = (await run(templateAction, postRequest("/settings/lease-templates/new", { intent: "json", basedOn: "1", from: "1", note: "Fee mention", content: JSON.stringify(content) }, { cookie }))) as Response;
    expect(saved.status).toBe(302);
    const versions = await listTemplateVersions(db(), organisation.id, "America/Los_Angeles");
    expect(versions.map((v) => v.versionNumber)).toEqual([2, 1]);
    // version 2 is dated the trust's calendar day it was saved, not the UTC day (6 pm in Los Angeles is 1 or 2 am UTC)
    const savedAt = (await db().leaseTemplateVersion.findFirstOrThrow({ where: { organisationId: organisation.id, versionNumber: 2 } })).createdAt;
    const losAngelesDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(savedAt);
    expect(versions[0]!.label).toBe(`Ground lease, version 2 (${losAngelesDay})`);
    await db().leaseTemplateVersion.updateMany({ where: { organisationId: organisation.id, versionNumber: 2 }, data: { createdAt: new Date("2025-06-02T01:30:00Z") } });
    expect((await listTemplateVersions(db(), organisation.id, "America/Los_Angeles"))[0]!.label).toBe("Ground lease, version 2 (2025-06-01)");
    expect((await listTemplateVersions(db(), organisation.id, "Europe/Berlin"))[0]!.label).toBe("Ground lease, version 2 (2025-06-02)");
    expect(versions[0]!.createdBy).toBe("Avery Admin");
    expect((await db().leaseTemplateVersion.findFirstOrThrow({ where: { organisationId: organisation.id, versionNumber: 1 } })).content).toEqual(DEFAULT_LEASE_TEMPLATE);
    // Stale: based on version 1 again.
    const stale = await unwrap(await run(templateAction, postRequest("/settings/lease-templates/new", { intent: "json", basedOn: "1", from: "1", content: JSON.stringify(content) }, { cookie })));
    expect(stale.status).toBe(409);
    // Staff may not manage templates.
    const { user } = await createMember(db(), organisation.id, "staff");
    const staff = await sessionCookieFor(user.id, organisation.id);
    expect(((await run(templateAction, postRequest("/settings/lease-templates/new", { intent: "json", basedOn: "2", from: "2", content: "{}" }, { cookie: staff }))) as Response).status).toBe(403);
  });
});

describe("demo leases and the CLI", () => {
  it("seeds a lease in each status whose documents open", async () => {
    const { organisation } = await createOrganisation(db());
    for (let i = 0; i < 4; i++) await createLeasableHome(db(), organisation.id);
    const leases = await seedDemoLeases(db(), organisation.id);
    expect(leases.map((l) => l.status).sort()).toEqual(["active", "draft", "ended", "executed", "recorded"]);
    expect(await seedDemoLeases(db(), organisation.id)).toEqual([]);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    for (const lease of leases) {
      const code = await runLeaseCli("lease-document", ["--lease", lease.id, "--out", join(mkdtempSync(join(tmpdir(), "cli-")), "x.pdf")]);
      expect(code).toBe(0);
    }
  });

  it("runLeaseCli: leases as JSON, organisation required when several, lease-document writes and records", async () => {
    const { organisation } = await createOrganisation(db());
    const lease = await createLease(db(), organisation.id, { status: "executed" });
    const slug = (await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).slug;
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);

    expect(await runLeaseCli("leases", ["--organisation", slug])).toBe(0);
    const rows = JSON.parse(String(stdout.mock.calls.at(-1)![0]));
    // commenced 2025-01-01, so active by date (tests/integration/lease-status.test.ts pins the clock)
    expect(rows).toEqual([
      {
        id: lease.id,
        reference: lease.reference,
        status: "active",
        recordedStatus: "executed",
        commencementDate: "2025-01-01",
        expirationDate: "2123-12-31",
        home: expect.stringContaining("Maple Street"),
        lessees: ["Ana Lima", "Jordan Reyes"],
      },
    ]);

    expect(await runLeaseCli("leases", [])).toBe(2);
    expect(JSON.parse(String(stderr.mock.calls.at(-1)![0]))).toMatchObject({ error: "organisation-required", organisations: expect.arrayContaining([slug]) });
    expect(await runLeaseCli("lease-document", ["--lease", lease.id])).toBe(2);
    expect(await runLeaseCli("leases", ["--bogus"])).toBe(2);

    const out = join(mkdtempSync(join(tmpdir(), "cli-")), "memo.pdf");
    expect(await runLeaseCli("lease-document", ["--lease", lease.id, "--out", out, "--memorandum"])).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe("%PDF");
    expect(await db().leaseDocument.findFirstOrThrow({ where: { leaseId: lease.id } })).toMatchObject({ kind: "memorandum", generatedByLabel: "CLI", generatedById: null });
  });

  it("scripts/clt.ts end to end against the test database", async () => {
    const { organisation } = await createOrganisation(db());
    const lease = await createLease(db(), organisation.id, { status: "executed" });
    const out = join(mkdtempSync(join(tmpdir(), "clt-")), "lease.pdf");
    const stdout = execFileSync("npx", ["tsx", "scripts/clt.ts", "lease-document", "--lease", lease.id, "--out", out], { env: { ...process.env }, encoding: "utf8" });
    expect(JSON.parse(stdout)).toMatchObject({ reference: lease.reference, kind: "lease" });
    expect(pdfText(readFileSync(out))).toContain(lease.reference);
    expect(await db().leaseDocument.count({ where: { leaseId: lease.id, generatedByLabel: "CLI" } })).toBe(1);
  }, 60_000);
});
