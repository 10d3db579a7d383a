import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import {
  type getHomeInputs,
  recordAppraisal,
  recordAppraisalReceived,
  recordApprovedImprovement,
  recordInspection,
  resaleInputsForHome,
} from "~/modules/home-inputs/home-inputs.server";
import { recordIndexValue } from "~/modules/lease-fees/ledger.server";
import { parseResaleRequest } from "~/modules/resale/contract";
import { calculateResale } from "~/modules/resale/engine";
import { action, loader } from "~/routes/resale.homes.$homeId_.inputs";
import { db } from "~/utils/db.server";
import { createLeasableHome } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const { home } = await createLeasableHome(db(), organisation.id, { purchasePriceCents: 25_000_000 }); // bought 2024-06-01
  return { organisation, home, actor: systemActor(organisation.id, "Test"), cookie: await sessionCookieFor(user.id, organisation.id) };
}

describe("a home's valuation inputs", () => {
  it("appraisals, an inspection and approved improvements feed an appraisal-formula price", async () => {
    const { organisation, home, actor } = await setup();
    await recordAppraisal(db(), actor, home.id, { appraiser: "Lake Appraisals", orderedOn: "2024-05-01", receivedOn: "2024-05-20", effectiveDate: "2024-05-18", value: 25_000_000, source: "LA-2024-118" });
    const ordered = await recordAppraisal(db(), actor, home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-02", source: "" });
    await recordAppraisalReceived(db(), actor, { appraisalId: ordered.id, receivedOn: "2026-03-20", effectiveDate: "2026-03-15", value: 33_500_000, improvementValue: 1_000_000, source: "GMA-77", version: 1 });
    await recordApprovedImprovement(db(), actor, home.id, { description: "New roof", cost: 1_850_000, approvedOn: "2025-04-01", completedOn: "2025-05-15", creditTerms: "100 % of cost", source: "Approval letter 2025-04-01" });
    await recordInspection(db(), actor, home.id, {
      inspectedOn: "2026-03-18",
      inspector: "R. Okafor",
      deductions: [
        { description: "Broken window", amountCents: 45_000 },
        { description: "Carpet replacement", amountCents: 210_099 },
      ],
    });

    const inputs = await resaleInputsForHome(db(), organisation.id, home.id, { purchaseDate: "2024-06-01", valuationDate: "2026-03-01" });
    expect(inputs.appraisals).toEqual({ atPurchase: "250000.00", current: "335000.00", improvementValue: "10000.00" });
    expect(inputs.improvements).toEqual([{ description: "New roof", cost: "18500.00", completedOn: "2025-05-15", approved: true }]);
    expect(inputs.deductions).toEqual([
      { description: "Broken window", amount: "450.00" },
      { description: "Carpet replacement", amount: "2100.99" },
    ]);

    // 25 % of the increase, improvements at cost, less the deductions:
    // 250,000 + 0.25 × (335,000 − 250,000) + 18,500 − 450 − 2,100.99 = 287,199.01
    const parsed = parseResaleRequest({
      formula: { type: "appraisal", ownerShare: "0.25" },
      purchase: { price: "250000.00", date: "2024-06-01" },
      valuationDate: "2026-03-01",
      appraisals: inputs.appraisals,
      improvements: inputs.improvements,
      deductions: inputs.deductions,
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(calculateResale(parsed.request).maxResalePrice).toBe("287199.01");

    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: { in: ["HomeAppraisal", "HomeInspection", "ApprovedImprovement"] } } })).toBe(5);
  });

  it("index values with their source, for an indexed formula", async () => {
    const { organisation, home, actor } = await setup();
    await recordIndexValue(db(), actor, { indexName: "HUD area median income", date: "2024-04-01", value: "97000", source: "HUD FY2024 Burlington-South Burlington MSA" });
    await recordIndexValue(db(), actor, { indexName: "HUD area median income", date: "2025-04-01", value: "104200", source: "HUD FY2025" });
    const inputs = await resaleInputsForHome(db(), organisation.id, home.id, { purchaseDate: "2024-06-01", valuationDate: "2026-01-10", indexName: "HUD area median income" });
    expect(inputs.index).toEqual({ atPurchase: "97000", current: "104200" });
    expect(inputs.sources.map((s) => s.text)).toEqual(["HUD area median income 97000 on 2024-04-01, HUD FY2024 Burlington-South Burlington MSA", "HUD area median income 104200 on 2025-04-01, HUD FY2025"]);
  });

  it("the page: records each kind, refuses bad input next to the field with nothing stored, and a stale or second receipt", async () => {
    const { organisation, home, cookie } = await setup();
    const path = `/resale/homes/${home.id}/inputs`;
    const post = (form: Record<string, string>, withCookie = cookie) => run(action, postRequest(path, form, { cookie: withCookie }), { homeId: home.id });

    const bad = await unwrap(await post({ intent: "appraisal", appraiser: "A", orderedOn: "2026-02-30", value: "300000.001", receivedOn: "2026-03-01" }));
    expect(bad.status).toBe(400);
    const errors = (bad.body as { reply: { error: Record<string, string[]> } }).reply.error;
    expect(errors.orderedOn).toEqual(["This date does not exist on the calendar"]);
    expect(errors.value).toEqual(["Enter an amount in dollars, e.g. 250000 or 1,234.50"]);
    expect(errors.effectiveDate).toEqual(["Enter the date the value is effective (or leave the report's fields empty)"]);

    const early = await unwrap(await post({ intent: "improvement", description: "Deck", cost: "4,200.50", approvedOn: "2025-06-01", completedOn: "2025-05-01" }));
    expect(early.status).toBe(400);
    expect((early.body as { reply: { error: Record<string, string[]> } }).reply.error.completedOn).toEqual(["Work credited must be approved before it is completed (approved 2025-06-01)"]);

    const halfRow = await unwrap(await post({ intent: "inspection", inspectedOn: "2026-03-18", inspector: "R. Okafor", "deductions[0].description": "Window", "deductions[1].amount": "10" }));
    expect(halfRow.status).toBe(400);
    const rowErrors = (halfRow.body as { reply: { error: Record<string, string[]> } }).reply.error;
    expect(rowErrors["deductions[0].amount"]).toEqual(["Enter the amount deducted"]);
    expect(rowErrors["deductions[1].description"]).toEqual(["Say what the deduction is for"]);
    expect(await db().homeAppraisal.count({ where: { homeId: home.id } })).toBe(0);
    expect(await db().homeInspection.count({ where: { homeId: home.id } })).toBe(0);
    expect(await db().approvedImprovement.count({ where: { homeId: home.id } })).toBe(0);

    expect(((await post({ intent: "appraisal", appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-02" })) as Response).status).toBe(302);
    expect(((await post({ intent: "improvement", description: "Deck", cost: "4,200.50", approvedOn: "2025-04-01", completedOn: "2025-05-01", creditTerms: "100 %" })) as Response).status).toBe(302);
    expect(
      ((await post({ intent: "inspection", inspectedOn: "2026-03-18", inspector: "R. Okafor", "deductions[0].description": "Window", "deductions[0].amount": "$450" })) as Response).status,
    ).toBe(302);
    const appraisal = await db().homeAppraisal.findFirstOrThrow({ where: { homeId: home.id } });

    const receipt = { intent: "appraisal-received", appraisalId: appraisal.id, receivedOn: "2026-03-20", effectiveDate: "2026-03-15", value: "335,000", version: "1" };
    const tooSoon = await unwrap(await post({ ...receipt, receivedOn: "2026-03-01" }));
    expect(tooSoon.status).toBe(400);
    expect((tooSoon.body as { reply: { error: Record<string, string[]> } }).reply.error.receivedOn).toEqual(["The report cannot arrive before the appraisal was ordered (2026-03-02)"]);
    expect(((await post(receipt)) as Response).status).toBe(302);
    const stale = await unwrap(await post(receipt));
    expect(stale.status).toBe(409);

    // a viewer may read, not record
    const viewer = await createMember(db(), organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.user.id, organisation.id);
    expect(((await post({ intent: "appraisal", appraiser: "X", orderedOn: "2026-03-02" }, viewerCookie)) as Response).status).toBe(403);
    const page = await unwrap(await run(loader, getRequest(path, viewerCookie), { homeId: home.id }));
    const body = page.body as { canWrite: boolean; canManageSettings: boolean; inputs: Awaited<ReturnType<typeof getHomeInputs>> };
    expect(body.canWrite).toBe(false);
    // the index values' settings page is an administrator's: no link to it for others (it would answer 403)
    expect(body.canManageSettings).toBe(false);
    expect(((await unwrap(await run(loader, getRequest(path, cookie), { homeId: home.id }))).body as { canManageSettings: boolean }).canManageSettings).toBe(true);
    expect(body.inputs.appraisals.map((a) => [a.receivedOn, a.valueCents])).toEqual([["2026-03-20", 33_500_000]]);
    expect(body.inputs.improvements.map((i) => [i.description, i.costCents])).toEqual([["Deck", 420_050]]);
    expect(body.inputs.inspections[0]!.deductions).toEqual([{ description: "Window", amountCents: 45_000 }]);

    // another trust's home is not found
    const other = await createOrganisation(db());
    const otherCookie = await sessionCookieFor(other.user.id, other.organisation.id);
    expect(((await run(loader, getRequest(path, otherCookie), { homeId: home.id })) as Response).status).toBe(404);
    expect(((await post({ intent: "appraisal", appraiser: "X", orderedOn: "2026-03-02" }, otherCookie)) as Response).status).toBe(404);
  });
});
