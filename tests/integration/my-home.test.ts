import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPayment } from "~/modules/lease-fees/ledger.server";
import { myLease, myHomeOverview } from "~/modules/portal/my-home.server";
import { loader as indexLoader } from "~/routes/_index";
import { loader as leaseStaffLoader } from "~/routes/leases.$leaseId._index";
import { loader as statementStaffLoader } from "~/routes/households.$householdId.statement[.]pdf";
import { loader as myHomeLoader } from "~/routes/my-home._index";
import { loader as myLeaseLoader } from "~/routes/my-home.leases.$leaseId._index";
import { loader as myLeasePdfLoader } from "~/routes/my-home.leases.$leaseId.lease[.]pdf";
import { loader as myMemorandumLoader } from "~/routes/my-home.leases.$leaseId.memorandum[.]pdf";
import { loader as myStatementLoader } from "~/routes/my-home.statement[.]pdf";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * My home: a homeowner reads their own household's home, lease, terms, ledger and documents — and nothing of
 * any other household (404, as if it did not exist). Figures worked by hand (docs/lease-fees.md's example).
 */
const TODAY = "2026-02-15";

function pdfText(pdf: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "my-home-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, Buffer.from(pdf));
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two households of one trust, each with an active lease ($25.00 a month from 2024-01-15, +3 % a year, no late charge), and a homeowner for each. */
async function twoHouseholds() {
  const { organisation, user: admin } = await createOrganisation(db());
  const values = { commencementDate: "2024-01-15", monthlyFeeCents: 2500, escalationKind: "fixed-percent", escalationRate: "0.03", feeDueDay: 1, lateChargeCents: 0 } as const;
  const homeA = await createLeasableHome(db(), organisation.id, { members: ["Grace Adeyemi", "Tunde Adeyemi"], streetAddress: "12 Orchard Lane", purchasePriceCents: 18_500_000 });
  const leaseA = await createLease(db(), organisation.id, { status: "active", homeId: homeA.home.id, householdId: homeA.household.id, values: { ...values, lesseeNames: homeA.members } });
  const homeB = await createLeasableHome(db(), organisation.id, { members: ["Bo Lindqvist"], streetAddress: "40 Birch Road" });
  const leaseB = await createLease(db(), organisation.id, { status: "active", homeId: homeB.home.id, householdId: homeB.household.id, values: { ...values, lesseeNames: homeB.members } });
  const draftA = await createLease(db(), organisation.id, { homeId: homeA.home.id, householdId: homeA.household.id, values: { ...values, lesseeNames: homeA.members } });
  const ownerA = await createMember(db(), organisation.id, "homeowner", { householdId: homeA.household.id, name: "Grace Adeyemi" });
  const ownerB = await createMember(db(), organisation.id, "homeowner", { householdId: homeB.household.id, name: "Bo Lindqvist" });
  return {
    organisation,
    admin,
    a: { ...homeA, lease: leaseA, draft: draftA, owner: ownerA, cookie: await sessionCookieFor(ownerA.user.id, organisation.id) },
    b: { ...homeB, lease: leaseB, owner: ownerB, cookie: await sessionCookieFor(ownerB.user.id, organisation.id) },
  };
}

function actorOf(organisationId: string, owner: { user: { id: string; name: string } }, householdId: string) {
  return { organisationId, role: "homeowner" as const, householdId, userId: owner.user.id, name: owner.user.name, requestId: "" };
}

describe("My home", () => {
  it("shows the homeowner their home, household, lease in plain words, amendments and ledger to the cent", async () => {
    const { organisation, a } = await twoHouseholds();
    await recordPayment(db(), systemActor(organisation.id), a.lease.id, { date: "2026-02-03", amount: 10000, method: "check", reference: "2231" }, TODAY);
    // an amendment as the lease page records it: the terms it changes, before and after
    await db().leaseAmendment.create({
      data: { organisationId: organisation.id, leaseId: a.lease.id, effectiveDate: "2026-01-01", description: "Grace period extended to 15 days", changes: { before: { graceDays: 10 }, after: { graceDays: 15 } } },
    });
    const actor = actorOf(organisation.id, a.owner, a.household.id);

    const overview = await myHomeOverview(db(), actor, TODAY);
    expect(overview!.homes).toEqual([expect.objectContaining({ address: "12 Orchard Lane, Burlington, VT 05401", purchaseDate: "2024-06-01", purchasePriceCents: 18_500_000, saleDate: null })]);
    expect(overview!.household.members.map((m) => m.fullName)).toEqual(["Grace Adeyemi", "Tunde Adeyemi"]);
    // the draft is the trust's working paper: not shown
    expect(overview!.leases.map((l) => l.id)).toEqual([a.lease.id]);
    // 13.71 + 12 × 25.00 + 12 × 25.75 + 26.52 = 649.23 charged, 100.00 paid
    expect(overview!.leases[0]).toMatchObject({ status: "active", statusLabel: "Active", balanceCents: 54923 });

    const lease = await myLease(db(), actor, a.lease.id, TODAY);
    expect(lease!.fees.balanceCents).toBe(54923);
    expect(lease!.fees.lines.find((l) => l.date === "2026-02-03")).toMatchObject({ amountCents: -10000, label: "Payment · check · 2231" });
    expect(lease!.amendments).toEqual([expect.objectContaining({ effectiveDate: "2026-01-01", description: "Grace period extended to 15 days" })]);
    const fee = lease!.plainTerms.find((t) => t.title === "Your monthly lease fee")!.text;
    // in force on 2026-02-15: the fee after two anniversaries is $26.52 (25.00 × 1.03 × 1.03 = 26.5225), grace 15 days (amended)
    expect(fee).toContain("If it is not paid within 15 days after that");
    expect(fee).toContain("It goes up by 3% on each anniversary of the lease.");
  });

  it("serves the homeowner's pages and documents, and answers 404 for everything of another household", async () => {
    const { organisation, a, b } = await twoHouseholds();
    // the home page of a homeowner is My home
    const index = (await run(indexLoader, getRequest("/", a.cookie))) as Response;
    expect(index.status).toBe(302);
    expect(index.headers.get("Location")).toBe("/my-home");
    const page = await unwrap(await run(myHomeLoader, getRequest("/my-home", a.cookie)));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(b.household.name);
    expect(JSON.stringify(page.body)).not.toContain(b.lease.id);

    // own lease: page and both PDFs
    expect((await unwrap(await run(myLeaseLoader, getRequest(`/my-home/leases/${a.lease.id}`, a.cookie), { leaseId: a.lease.id }))).status).toBe(200);
    const pdf = (await run(myLeasePdfLoader, getRequest(`/my-home/leases/${a.lease.id}/lease.pdf`, a.cookie), { leaseId: a.lease.id })) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const leaseText = pdfText(await pdf.arrayBuffer());
    expect(leaseText).toContain(a.lease.reference);
    expect(leaseText).toContain("Grace Adeyemi");
    const memo = (await run(myMemorandumLoader, getRequest(`/my-home/leases/${a.lease.id}/memorandum.pdf`, a.cookie), { leaseId: a.lease.id })) as Response;
    expect(memo.status).toBe(200);
    expect(pdfText(await memo.arrayBuffer())).toMatch(/MEMORANDUM OF (GROUND )?LEASE/i);

    // another household's lease, and one's own draft: not found, for the page and each document
    for (const leaseId of [b.lease.id, a.draft.id, "no-such-lease"]) {
      for (const [loader, path] of [
        [myLeaseLoader, `/my-home/leases/${leaseId}`],
        [myLeasePdfLoader, `/my-home/leases/${leaseId}/lease.pdf`],
        [myMemorandumLoader, `/my-home/leases/${leaseId}/memorandum.pdf`],
      ] as const) {
        const response = (await run(loader, getRequest(path, a.cookie), { leaseId })) as Response;
        expect(response.status, `${path}`).toBe(404);
      }
    }
    // the staff pages stay closed to homeowners
    expect(((await run(leaseStaffLoader, getRequest(`/leases/${b.lease.id}`, a.cookie), { leaseId: b.lease.id })) as Response).status).toBe(403);
    expect(((await run(statementStaffLoader, getRequest(`/households/${b.household.id}/statement.pdf`, a.cookie), { householdId: b.household.id })) as Response).status).toBe(403);
    // and My home is for homeowners only
    const staff = await createMember(db(), organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.user.id, organisation.id);
    expect(((await run(myHomeLoader, getRequest("/my-home", staffCookie))) as Response).status).toBe(403);
    expect(((await run(myLeaseLoader, getRequest(`/my-home/leases/${a.lease.id}`, staffCookie), { leaseId: a.lease.id })) as Response).status).toBe(403);
  });

  it("the statement is the homeowner's own, to the cent, whatever household id is asked for", async () => {
    const { a, b } = await twoHouseholds();
    const response = (await run(myStatementLoader, getRequest(`/my-home/statement.pdf?from=2026-01-01&to=2026-02-15&householdId=${b.household.id}`, a.cookie))) as Response;
    expect(response.status).toBe(200);
    const text = pdfText(await response.arrayBuffer());
    expect(text).toContain(a.household.name);
    expect(text).not.toContain(b.household.name);
    // opening on 2026-01-01: 649.23 − 25.75 (January) − 26.52 (February) = 596.96; closing 649.23
    expect(text).toContain("596.96");
    expect(text).toContain("649.23");
    const bad = (await run(myStatementLoader, getRequest("/my-home/statement.pdf?from=2026-02-30&to=2026-03-01", a.cookie))) as Response;
    expect(bad.status).toBe(400);
  });
});
