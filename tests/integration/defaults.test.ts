import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import { action as leaseAction } from "~/routes/leases.$leaseId._index";
import { action as newDefaultAction } from "~/routes/leases.$leaseId.defaults.new";
import { action as defaultAction, loader as defaultLoader } from "~/routes/stewardship.defaults.$defaultId._index";
import { loader as noticeLoader } from "~/routes/stewardship.defaults.$defaultId.notice[.]pdf";
import { loader as listLoader } from "~/routes/stewardship.defaults._index";
import { db } from "~/utils/db.server";
import { completeOrganisation, createLease, createLeasableHome } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Issue 10 "Defaults and cure": deadlines from the lease's own terms, copies to permitted mortgagees, escalation, the lender's notice. */

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "default-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An active lease from 2024-01-15 whose own non-monetary cure period is 45 days, on a home bought with a $144,400 mortgage. */
async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const { home, household } = await createLeasableHome(db(), organisation.id, { members: ["Maya Chen"] });
  const purchase = PurchaseSchema.parse({ homeId: home.id, purchasePrice: "152000", purchaseDate: "2024-01-15", mortgageLender: "Green Mountain Community Bank", mortgageAmount: "144400" });
  const bought = await recordPurchase(db(), systemActor(organisation.id, "Test"), household.id, purchase);
  if (!bought.ok) throw new Error(JSON.stringify(bought));
  const lease = await createLease(db(), organisation.id, { status: "active", homeId: home.id, householdId: household.id, values: { commencementDate: "2024-01-15", lesseeNames: ["Maya Chen"], nonMonetaryCureDays: 45 } });
  return { organisation, lease, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function giveNotice(ctx: { lease: { id: string }; cookie: string }, form: Record<string, string>) {
  return run(newDefaultAction, postRequest(`/leases/${ctx.lease.id}/defaults/new`, form, { cookie: ctx.cookie }), { leaseId: ctx.lease.id });
}

async function act(cookie: string, defaultId: string, form: Record<string, string>) {
  const row = await db().leaseDefault.findUniqueOrThrow({ where: { id: defaultId } });
  return unwrap(await run(defaultAction, postRequest(`/stewardship/defaults/${defaultId}`, { version: String(row.version), ...form }, { cookie }), { defaultId }));
}

describe("defaults and cure", () => {
  it("a non-monetary notice gets the lease's own 45 days (to 2026-12-17), a copy listed to the permitted mortgagee; the letter says so", async () => {
    const ctx = await setup();
    const response = (await giveNotice(ctx, { kind: "non-monetary", description: "The home is not insured: no proof of insurance since the policy lapsed on 2026-09-30.", noticeDate: "2026-11-02" })) as Response;
    expect(response.status).toBe(302);
    const record = await db().leaseDefault.findFirstOrThrow({ where: { leaseId: ctx.lease.id } });
    expect(record).toMatchObject({ kind: "non-monetary", noticeDate: "2026-11-02", cureDays: 45, cureDeadline: "2026-12-17", status: "open" });
    expect(record.mortgageeCopies).toEqual([{ lender: "Green Mountain Community Bank", amountCents: 14_440_000 }]);
    const pdf = (await run(noticeLoader, getRequest(`/stewardship/defaults/${record.id}/notice.pdf`, ctx.cookie), { defaultId: record.id })) as Response;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const expected of ["NOTICE OF DEFAULT", "Maya Chen", "45 days", "December 17, 2026", "November 2, 2026", "section 11.1(b)", "Green Mountain Community Bank (Permitted Mortgage of $144,400.00)", "Copies: Green Mountain Community Bank", ctx.lease.reference]) {
      expect(text).toContain(expected);
    }
  });

  it("a monetary notice needs the amount, and its cure follows an amendment in force on the notice date (30 → 20 days)", async () => {
    const ctx = await setup();
    const missing = await unwrap(await giveNotice(ctx, { kind: "monetary", description: "Lease fees unpaid", noticeDate: "2026-11-02" }));
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.body as { error: Record<string, string[]> }).error)).toEqual(["amountCents"]);
    expect(await db().leaseDefault.count({ where: { leaseId: ctx.lease.id } })).toBe(0);
    expect(((await giveNotice(ctx, { kind: "monetary", description: "Lease fees unpaid since July", amountCents: "175.00", noticeDate: "2026-05-04" })) as Response).status).toBe(302);
    const lease = await db().lease.findUniqueOrThrow({ where: { id: ctx.lease.id } });
    const amended = (await run(leaseAction, postRequest(`/leases/${lease.id}`, {
      intent: "amend", version: String(lease.version), effectiveDate: "2026-06-01", description: "Shorter cure for money owed",
      monthlyFeeCents: "35", escalationKind: "fixed-percent", escalationRate: "3", feeDueDay: "1", purchaseOptionDays: "90", renewalTermYears: "99", monetaryCureDays: "20",
    }, { cookie: ctx.cookie }), { leaseId: lease.id })) as Response;
    expect(amended.status).toBe(302);
    expect(((await giveNotice(ctx, { kind: "monetary", description: "Lease fees unpaid since July", amountCents: "$210.00", noticeDate: "2026-11-02" })) as Response).status).toBe(302);
    const notices = await db().leaseDefault.findMany({ where: { leaseId: ctx.lease.id }, orderBy: { noticeDate: "asc" } });
    // before the amendment: 2026-05-04 + 30 days; after it: 2026-11-02 + 20 days
    expect(notices.map((n) => [n.noticeDate, n.cureDays, n.cureDeadline, n.amountCents])).toEqual([
      ["2026-05-04", 30, "2026-06-03", 17_500n],
      ["2026-11-02", 20, "2026-11-22", 21_000n],
    ]);
  });

  it("escalates (90+ days delinquent on the mortgage, notice of foreclosure, foreclosure initiated once), starts the lender-cure window from the lender's notice, and records the cure", async () => {
    const ctx = await setup();
    await giveNotice(ctx, { kind: "monetary", description: "Lease fees unpaid", amountCents: "105", noticeDate: "2026-08-03" });
    const { id } = await db().leaseDefault.findFirstOrThrow({ where: { leaseId: ctx.lease.id } });
    expect((await act(ctx.cookie, id, { intent: "escalate", stage: "delinquent-90", date: "2026-09-10" })).status).toBe(400);
    expect((await act(ctx.cookie, id, { intent: "escalate", stage: "delinquent-90", obligation: "mortgage", date: "2026-09-10" })).status).toBe(302);
    expect((await act(ctx.cookie, id, { intent: "escalate", stage: "notice-of-foreclosure", date: "2026-10-01" })).status).toBe(302);
    expect((await act(ctx.cookie, id, { intent: "escalate", stage: "foreclosure-initiated", date: "2026-10-20", foreclosureSaleDate: "2027-04-15" })).status).toBe(302);
    const twice = await act(ctx.cookie, id, { intent: "escalate", stage: "foreclosure-initiated", date: "2026-10-21" });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain("Foreclosure initiated is already recorded.");
    // the trust receives the lender's notice on 2026-11-16: 120 days (the lease's lender cure period) to 2027-03-16
    expect((await act(ctx.cookie, id, { intent: "lender-notice", lenderName: "Green Mountain Community Bank", receivedOn: "2026-11-16" })).status).toBe(302);
    const record = await db().leaseDefault.findUniqueOrThrow({ where: { id } });
    expect(record).toMatchObject({ lenderCureDays: 120, lenderCureDeadline: "2027-03-16", foreclosureSaleDate: "2027-04-15" });
    expect((record.escalations as { stage: string }[]).map((e) => e.stage)).toEqual(["delinquent-90", "notice-of-foreclosure", "foreclosure-initiated"]);
    const page = await unwrap(await run(defaultLoader, getRequest(`/stewardship/defaults/${id}`, ctx.cookie), { defaultId: id }));
    const deadlines = (page.body as { standing: { deadlines: { label: string; date: string }[] } }).standing.deadlines;
    expect(deadlines.map((d) => d.date)).toEqual(["2026-09-02", "2027-03-16", "2027-04-15"]);
    expect(deadlines[2]!.label).toContain("option to purchase before foreclosure");
    const list = await unwrap(await run(listLoader, getRequest("/stewardship/defaults", ctx.cookie)));
    expect((list.body as { defaults: { stage: string }[] }).defaults.map((d) => d.stage)).toEqual(["Foreclosure initiated"]);
    // a date before the notice, or after today, is refused next to the field
    expect((await act(ctx.cookie, id, { intent: "cured", curedOn: "2026-08-01" })).status).toBe(400);
    expect((await act(ctx.cookie, id, { intent: "cured", curedOn: "2999-01-01" })).status).toBe(400);
    expect((await act(ctx.cookie, id, { intent: "cured", curedOn: "2026-11-20" })).status).toBe(302);
    expect(await db().leaseDefault.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cured", curedOn: "2026-11-20" });
    expect((await act(ctx.cookie, id, { intent: "escalate", stage: "notice-of-foreclosure", date: "2026-11-21" })).status).toBe(400);
    expect(await db().auditEntry.count({ where: { entity: "LeaseDefault", entityId: id } })).toBe(6);
  });

  it("refuses a future notice and a draft lease; a viewer cannot give notice; another trust sees nothing", async () => {
    const ctx = await setup();
    expect((await unwrap(await giveNotice(ctx, { kind: "non-monetary", description: "x", noticeDate: "2999-01-01" }))).status).toBe(400);
    const draft = await createLease(db(), ctx.organisation.id);
    const onDraft = await unwrap(await run(newDefaultAction, postRequest(`/leases/${draft.id}/defaults/new`, { kind: "non-monetary", description: "x", noticeDate: "2026-11-02" }, { cookie: ctx.cookie }), { leaseId: draft.id }));
    expect(onDraft.status).toBe(400);
    expect(await db().leaseDefault.count({ where: { organisationId: ctx.organisation.id } })).toBe(0);
    const { user: viewer } = await createMember(db(), ctx.organisation.id, "viewer");
    const forbidden = await giveNotice({ lease: ctx.lease, cookie: await sessionCookieFor(viewer.id, ctx.organisation.id) }, { kind: "non-monetary", description: "x", noticeDate: "2026-11-02" });
    expect((forbidden as Response).status).toBe(403);
    await giveNotice(ctx, { kind: "non-monetary", description: "Unapproved addition built", noticeDate: "2026-11-02" });
    const { id } = await db().leaseDefault.findFirstOrThrow({ where: { leaseId: ctx.lease.id } });
    const other = await setup();
    expect(((await run(defaultLoader, getRequest(`/stewardship/defaults/${id}`, other.cookie), { defaultId: id })) as Response).status).toBe(404);
    expect(((await run(noticeLoader, getRequest(`/stewardship/defaults/${id}/notice.pdf`, other.cookie), { defaultId: id })) as Response).status).toBe(404);
  });
});
