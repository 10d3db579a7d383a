import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import { loader as documentLoader } from "~/routes/leases.$leaseId.document[.]pdf";
import { action as newRequestAction } from "~/routes/leases.$leaseId.requests.new";
import { action as settingsAction } from "~/routes/settings.stewardship";
import { loader as consentLoader } from "~/routes/stewardship.requests.$requestId.consent[.]pdf";
import { action as decideAction, loader as requestLoader } from "~/routes/stewardship.requests.$requestId";
import { db } from "~/utils/db.server";
import { completeOrganisation, createLease, createLeasableHome } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Issue 10 "Refinance approval": against the saved maximum resale price and the trust's policy. */

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "refinance-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An active lease from 2024-01-15 on a home bought for $152,000 with a $144,400 mortgage; optionally a saved calculation. */
async function setup(calculation: { valuationDate: string; maxResalePriceCents: number } | null = { valuationDate: "2026-10-01", maxResalePriceCents: 16_000_000 }) {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  const { home, household } = await createLeasableHome(db(), organisation.id, { members: ["Maya Chen", "Luis Ortega"] });
  const purchase = PurchaseSchema.parse({ homeId: home.id, purchasePrice: "152000", purchaseDate: "2024-01-15", mortgageLender: "Green Mountain Community Bank", mortgageAmount: "144400" });
  const bought = await recordPurchase(db(), systemActor(organisation.id, "Test"), household.id, purchase);
  if (!bought.ok) throw new Error(JSON.stringify(bought));
  const lease = await createLease(db(), organisation.id, { status: "active", homeId: home.id, householdId: household.id, values: { commencementDate: "2024-01-15", lesseeNames: ["Maya Chen", "Luis Ortega"] } });
  if (calculation) {
    // the saved calculation is the refinance rule's input: its maximum resale price is the formula price
    await db().resaleCalculation.create({
      data: { organisationId: organisation.id, homeId: home.id, valuationDate: calculation.valuationDate, request: {}, result: {}, maxResalePriceCents: calculation.maxResalePriceCents, boundBy: "formula", createdByLabel: "Test" },
    });
  }
  const purchaseMortgage = await db().permittedMortgage.findFirstOrThrow({ where: { leaseId: lease.id } });
  return { organisation, user, lease, home, purchaseMortgage, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function request(ctx: { lease: { id: string }; cookie: string; purchaseMortgage: { id: string } }, form: Record<string, string | string[]>) {
  const response = await run(newRequestAction, postRequest(`/leases/${ctx.lease.id}/requests/new`, { kind: "refinance", receivedOn: "2026-11-02", lender: "Vermont Housing Finance Agency", repays: ctx.purchaseMortgage.id, ...form }, { cookie: ctx.cookie }), { leaseId: ctx.lease.id });
  return response as Response;
}

async function newRequestId(ctx: Parameters<typeof request>[0], form: Record<string, string>) {
  const response = await request(ctx, form);
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/").at(-1)!;
}

async function decide(cookie: string, requestId: string, form: Record<string, string>) {
  const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id: requestId } });
  return run(decideAction, postRequest(`/stewardship/requests/${requestId}`, { version: String(row.version), decidedOn: "2026-11-20", ...form }, { cookie }), { requestId });
}

describe("refinance approval", () => {
  it("refuses a principal above 95 % of the $160,000 maximum resale price ($152,000), naming both figures; the lease is unchanged", async () => {
    const ctx = await setup();
    const id = await newRequestId(ctx, { principalCents: "153,000", payoffCents: "150,000" });
    const response = (await decide(ctx.cookie, id, { intent: "approve" })) as Response;
    expect(response.status).toBe(302);
    const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("refused");
    expect((row.decision as { reasons: string[] }).reasons).toEqual([
      "The new principal of $153,000.00 is above the trust's limit of $152,000.00: 95% of the maximum resale price of $160,000.00 (calculation valued 2026-10-01).",
    ]);
    expect(await db().leaseAmendment.count({ where: { leaseId: ctx.lease.id } })).toBe(0);
    expect((await db().permittedMortgage.findMany({ where: { leaseId: ctx.lease.id } })).map((m) => [m.amountCents, m.releasedOn])).toEqual([[14_440_000n, null]]);
    const page = await unwrap(await run(requestLoader, getRequest(`/stewardship/requests/${id}`, ctx.cookie), { requestId: id }));
    expect(JSON.stringify(page.body)).toContain("$152,000.00");
    // a refused request is decided: it cannot be approved afterwards
    const again = await unwrap(await decide(ctx.cookie, id, { intent: "approve" }));
    expect(again.status).toBe(400);
  });

  it("refuses cash out above the $5,000 limit: $150,000 to repay $140,000 takes out $10,000", async () => {
    const ctx = await setup();
    const id = await newRequestId(ctx, { principalCents: "150000", payoffCents: "140000" });
    await decide(ctx.cookie, id, { intent: "approve" });
    const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("refused");
    expect((row.decision as { reasons: string[] }).reasons).toEqual([
      "The cash out of $10,000.00 (new principal $150,000.00 less the payoff of $140,000.00) is above the trust's cash-out limit of $5,000.00.",
    ]);
  });

  it("approves within both limits: a dated amendment adds the loan, releases the purchase mortgage; Exhibit D and the consent letter show it", async () => {
    const ctx = await setup();
    const id = await newRequestId(ctx, { principalCents: "150,000", payoffCents: "146,000", rate: "5.25", termYears: "30" });
    const response = (await decide(ctx.cookie, id, { intent: "approve", note: "Rate-and-term refinance" })) as Response;
    expect(response.status).toBe(302);
    const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "approved", decidedOn: "2026-11-20" });
    const amendment = await db().leaseAmendment.findFirstOrThrow({ where: { leaseId: ctx.lease.id } });
    expect(row.amendmentId).toBe(amendment.id);
    expect(amendment.effectiveDate).toBe("2026-11-20");
    expect(amendment.description).toContain("Vermont Housing Finance Agency");
    const mortgages = await db().permittedMortgage.findMany({ where: { leaseId: ctx.lease.id }, orderBy: { recordedOn: "asc" } });
    expect(mortgages.map((m) => [m.lender, m.amountCents, m.recordedOn, m.releasedOn])).toEqual([
      ["Green Mountain Community Bank", 14_440_000n, "2024-01-15", "2026-11-20"],
      ["Vermont Housing Finance Agency", 15_000_000n, "2026-11-20", null],
    ]);
    expect(await db().auditEntry.count({ where: { entity: "StewardshipRequest", entityId: id } })).toBe(2);

    const lease = (await run(documentLoader, getRequest(`/leases/${ctx.lease.id}/document.pdf`, ctx.cookie), { leaseId: ctx.lease.id })) as Response;
    const text = pdfText(Buffer.from(await lease.arrayBuffer()));
    const exhibitD = text.slice(text.lastIndexOf("Permitted Mortgagee"));
    expect(exhibitD).toContain("Vermont Housing Finance Agency");
    expect(exhibitD).toContain("$150,000.00");
    expect(exhibitD).toContain("November 20, 2026");
    expect(exhibitD).not.toContain("$144,400.00");

    const consent = (await run(consentLoader, getRequest(`/stewardship/requests/${id}/consent.pdf`, ctx.cookie), { requestId: id })) as Response;
    expect(consent.status).toBe(200);
    expect(consent.headers.get("Content-Type")).toBe("application/pdf");
    const letter = pdfText(Buffer.from(await consent.arrayBuffer()));
    for (const expected of [
      "CONSENT TO REFINANCE AND PERMITTED MORTGAGE",
      "Vermont Housing Finance Agency",
      "Maya Chen and Luis Ortega",
      "not more than $150,000.00",
      "November 20, 2026",
      "$152,000.00, which is 95% of the maximum resale price of $160,000.00",
      "October 1, 2026",
      "$4,000.00",
      "the mortgage to Green Mountain Community Bank of $144,400.00 dated January 15, 2024",
      "120 days",
      ctx.lease.reference,
    ]) {
      expect(letter).toContain(expected);
    }
  });

  it("needs a calculation valued within the policy's 180 days; without one nothing is decided (400)", async () => {
    for (const calculation of [null, { valuationDate: "2026-05-01", maxResalePriceCents: 16_000_000 }]) {
      const ctx = await setup(calculation);
      const id = await newRequestId(ctx, { principalCents: "100000", payoffCents: "100000" });
      const response = await unwrap(await decide(ctx.cookie, id, { intent: "approve" }));
      expect(response.status).toBe(400);
      // 2026-05-01 → 2026-11-20 is 203 days
      expect(JSON.stringify(response.body)).toContain(calculation ? "valued 2026-05-01, 203 days before 2026-11-20" : "no saved resale calculation");
      expect((await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    }
  });

  it("follows the trust's policy: at 90 % the limit is $144,000; bad settings are refused next to the field", async () => {
    const ctx = await setup();
    const bad = await unwrap(await run(settingsAction, postRequest("/settings/stewardship", { intent: "policy", version: "0", calculationMaxAgeDays: "0", refinanceMaxSharePercent: "150", cashOutLimitCents: "-1" }, { cookie: ctx.cookie })));
    expect(bad.status).toBe(400);
    const errors = (bad.body as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["calculationMaxAgeDays", "cashOutLimitCents", "refinanceMaxSharePercent"]);
    expect(await db().stewardshipSettings.count({ where: { organisationId: ctx.organisation.id } })).toBe(0);
    const saved = (await run(settingsAction, postRequest("/settings/stewardship", { intent: "policy", version: "0", calculationMaxAgeDays: "365", refinanceMaxSharePercent: "90", cashOutLimitCents: "0" }, { cookie: ctx.cookie }))) as Response;
    expect(saved.status).toBe(302);
    const id = await newRequestId(ctx, { principalCents: "145000", payoffCents: "145000" });
    await decide(ctx.cookie, id, { intent: "approve" });
    const row = await db().stewardshipRequest.findUniqueOrThrow({ where: { id } });
    expect((row.decision as { reasons: string[] }).reasons).toEqual([
      "The new principal of $145,000.00 is above the trust's limit of $144,000.00: 90% of the maximum resale price of $160,000.00 (calculation valued 2026-10-01).",
    ]);
  });

  it("staff may refuse with a reason; bad input and a future decision date are 400s; a viewer cannot decide; another trust sees nothing", async () => {
    const ctx = await setup();
    const missing = await unwrap(await request(ctx, { principalCents: "", payoffCents: "abc" }));
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.body as { error: Record<string, string[]> }).error).sort()).toEqual(["payoffCents", "principalCents"]);
    expect(await db().stewardshipRequest.count({ where: { organisationId: ctx.organisation.id } })).toBe(0);
    const id = await newRequestId(ctx, { principalCents: "100000", payoffCents: "100000" });
    const future = await unwrap(await decide(ctx.cookie, id, { intent: "approve", decidedOn: "2999-01-01" }));
    expect(future.status).toBe(400);
    const noReason = await unwrap(await decide(ctx.cookie, id, { intent: "refuse" }));
    expect(noReason.status).toBe(400);
    const { user: viewer } = await createMember(db(), ctx.organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.id, ctx.organisation.id);
    const forbidden = await run(decideAction, postRequest(`/stewardship/requests/${id}`, { intent: "approve", version: "1", decidedOn: "2026-11-20" }, { cookie: viewerCookie }), { requestId: id });
    expect((forbidden as Response).status).toBe(403);
    const other = await setup();
    expect(((await run(requestLoader, getRequest(`/stewardship/requests/${id}`, other.cookie), { requestId: id })) as Response).status).toBe(404);
    expect(((await run(consentLoader, getRequest(`/stewardship/requests/${id}/consent.pdf`, ctx.cookie), { requestId: id })) as Response).status).toBe(404);
    await decide(ctx.cookie, id, { intent: "refuse", note: "The homeowner withdrew the request." });
    expect(await db().stewardshipRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "refused", decisionNote: "The homeowner withdrew the request." });
    expect(await db().leaseAmendment.count({ where: { leaseId: ctx.lease.id } })).toBe(0);
  });
});
