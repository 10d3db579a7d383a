import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { amendLease } from "~/modules/leases/leases.server";
import { feeLedgerForAmendments } from "~/modules/lease-fees/terms.server";
import { caseDeadlineItems, calculateFormulaPrice, cancelTransferCase, decideOption, getTransferCase, listTransferCases, ONE_OPEN_CASE_MESSAGE, openCaseDeadlines, openTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { action as caseAction, loader as caseLoader } from "~/routes/transfers.$caseId";
import { action as listAction, loader as listLoader } from "~/routes/transfers._index";
import { loader as homeLoader } from "~/routes/_index";
import { loader as parcelLoader } from "~/routes/parcels.$parcelId._index";
import { db } from "~/utils/db.server";
import { DEMO_PRESETS, seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

const FIXED_RATE = DEMO_PRESETS[0]!.name; // 1.5 % simple, full months, market-value cap

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await seedDemoFormulaPresets(db(), organisation.id);
  const made = await createHomeUnderLease(db(), organisation.id, { presetName: FIXED_RATE, purchasePriceCents: 20_000_000, purchaseDate: "2020-06-15" });
  return { organisation, ...made, actor: systemActor(organisation.id, "Test"), cookie: await sessionCookieFor(user.id, organisation.id) };
}

const notice = { kind: "sale" as const, noticeDate: "2026-03-02", noticeMethod: "mail" as const };
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransferCaseError) return { message: error.message, field: error.field, status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("resale and transfer cases", () => {
  it("one open case per home, also when two are opened at the same moment; a cancelled case keeps its history and frees the home", async () => {
    const { home, actor } = await setup();
    const attempts = await Promise.allSettled([
      openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-05"),
      openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-05"),
      openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-05"),
    ]);
    const opened = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(opened).toHaveLength(1);
    expect(refused.map((r) => [r.reason instanceof TransferCaseError, (r.reason as Error).message])).toEqual([
      [true, ONE_OPEN_CASE_MESSAGE],
      [true, ONE_OPEN_CASE_MESSAGE],
    ]);
    expect(await db().transferCase.count({ where: { homeId: home.id } })).toBe(1);
    const caseId = (opened[0] as PromiseFulfilledResult<{ id: string }>).value.id;

    expect(await refusal(cancelTransferCase(db(), actor, caseId, { cancelledOn: "2026-03-04", reason: "Withdrew", version: 9 }, "2026-03-05"))).toMatchObject({ status: 409 });
    await cancelTransferCase(db(), actor, caseId, { cancelledOn: "2026-03-04", reason: "The homeowner withdrew the notice", version: 1 }, "2026-03-05");
    const cancelled = await getTransferCase(db(), actor.organisationId, caseId, "2026-03-05");
    expect(cancelled).toMatchObject({ status: "cancelled", cancelled: { on: "2026-03-04", reason: "The homeowner withdrew the notice" }, next: null });
    expect(cancelled!.deadlines.map((d) => d.state)).toEqual(["not-applicable", "not-applicable", "not-applicable"]);
    expect(await refusal(decideOption(db(), actor, caseId, { decision: "waived", decidedOn: "2026-03-05", version: 2 }, "2026-03-05"))).toMatchObject({ status: 409 });
    const again = await openTransferCase(db(), actor, { ...notice, noticeDate: "2026-03-05", homeId: home.id }, "2026-03-05");
    expect(again.id).not.toBe(caseId);
    expect(await db().auditEntry.count({ where: { entity: "TransferCase", entityId: caseId } })).toBe(2);
  });

  it("deadlines from the lease's terms on the notice date: an amendment before the notice counts, one after does not", async () => {
    const { home, lease, actor, organisation } = await setup();
    const amend = async (effectiveDate: string, purchaseOptionDays: number, closingDays: number) => {
      const current = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
      const result = await amendLease(db(), actor, lease.id, {
        intent: "amend",
        version: current.version,
        effectiveDate,
        description: `Board resolution ${effectiveDate}`,
        monthlyFeeCents: 3500,
        escalationKind: "fixed-percent",
        escalationRate: "0.03",
        feeDueDay: 1,
        purchaseOptionDays,
        closingDays,
        renewalTermYears: 99,
        riders: [],
      } as Parameters<typeof amendLease>[3], feeLedgerForAmendments);
      expect(result.ok).toBe(true);
    };
    await amend("2026-01-01", 60, 45); // before the notice: counts
    const { id } = await openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-02");
    await amend("2026-03-15", 120, 90); // after the notice: does not
    const view = await getTransferCase(db(), organisation.id, id, "2026-03-20");
    // notice 2026-03-02: price notice 30 days → 2026-04-01; option 60 days → 2026-05-01; may market from 2026-05-02
    expect(view!.terms).toEqual({ priceNoticeDays: 30, purchaseOptionDays: 60, closingDays: 45 });
    expect(view!.deadlines.map((d) => [d.key, d.due, d.state])).toEqual([
      ["price-notice", "2026-04-01", "upcoming"],
      ["option", "2026-05-01", "upcoming"],
      ["may-market", "2026-05-02", "upcoming"],
    ]);
    expect(view!.next).toEqual({ key: "price-notice", label: "Formula price sent to the homeowner", due: "2026-04-01", state: "upcoming" });
    // the dashboard's lean read (four statements for all open cases) gives the same terms: option 60 days, not 120
    const view0320 = (await listTransferCases(db(), organisation.id, "2026-03-20", { status: "open" }))[0]!;
    expect(await openCaseDeadlines(db(), organisation.id, "2026-03-20")).toEqual([
      {
        id,
        home: { id: home.id, label: view0320.home.label },
        seller: view!.seller!.name,
        next: { key: "price-notice", label: "Formula price sent to the homeowner", due: "2026-04-01", state: "upcoming" },
        option: "open",
        optionDeadline: "2026-05-01",
      },
    ]);
    expect((await openCaseDeadlines(db(), organisation.id, "2026-05-02"))[0]).toMatchObject({ next: { key: "price-notice", state: "overdue" }, option: "lapsed", optionDeadline: "2026-05-01" });
    expect(await openCaseDeadlines(db(), organisation.id, "2026-03-20", { homeIds: [] })).toEqual([]);
    // scoped to the organisation: another trust sees none of this trust's cases
    expect(await openCaseDeadlines(db(), (await createOrganisation(db())).organisation.id, "2026-03-20")).toEqual([]);
    expect((await getTransferCase(db(), organisation.id, id, "2026-03-26"))!.next!.state).toBe("due-soon");
    expect((await getTransferCase(db(), organisation.id, id, "2026-04-02"))!.next!.state).toBe("overdue");
    const lapsed = await getTransferCase(db(), organisation.id, id, "2026-05-02");
    expect(lapsed!.option.state).toBe("lapsed");
    expect(lapsed!.deadlines[1]!.state).toBe("lapsed");
    // too late to decide
    expect(await refusal(decideOption(db(), actor, id, { decision: "waived", decidedOn: "2026-05-02", version: 1 }, "2026-05-02"))).toEqual({
      message: "The option period ended on 2026-05-01: the option has lapsed.",
      field: "decidedOn",
      status: 400,
    });
  });

  it("the formula price from the lease's frozen formula and the home's stored appraisal; then the option and its closing deadline", async () => {
    const { home, actor, organisation } = await setup();
    const { id } = await openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-02");
    // the market-value cap needs the current appraisal
    const missing = await refusal(calculateFormulaPrice(db(), actor, id, { priceNoticeOn: "2026-03-20", version: 1 }));
    expect(missing.message).toMatch(/^An appraisal is missing \(appraisals/);
    expect(missing.message).toMatch(/valuation inputs/);
    expect(await refusal(decideOption(db(), actor, id, { decision: "exercised", decidedOn: "2026-03-20", version: 1 }, "2026-03-20"))).toMatchObject({
      message: "Calculate the formula price before the trust exercises or assigns its option.",
    });

    await recordAppraisal(db(), actor, home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-03", receivedOn: "2026-03-12", effectiveDate: "2026-03-10", value: 30_000_000 });
    // $200,000 bought 2020-06-15, valued 2026-03-02: 68 full months; 200,000 × (1 + 0.015 × 68/12) = 217,000.00 (below the $300,000 appraisal)
    const { result } = await calculateFormulaPrice(db(), actor, id, { priceNoticeOn: "2026-03-20", version: 1 });
    expect([result.maxResalePrice, result.boundBy]).toEqual(["217000.00", "formula"]);
    let view = await getTransferCase(db(), organisation.id, id, "2026-03-21");
    expect(view!.calculation).toMatchObject({ valuationDate: "2026-03-02", maxPrice: "217000.00", boundBy: "formula", priceNoticeOn: "2026-03-20" });
    expect(view!.deadlines[0]).toMatchObject({ key: "price-notice", state: "met", doneOn: "2026-03-20" });
    const saved = await db().resaleCalculation.findUniqueOrThrow({ where: { id: view!.calculation!.id } });
    expect(saved.presetName).toMatch(/^Lease GL-\d{4}-\d{4} \(frozen formula\)$/);

    expect(await refusal(decideOption(db(), actor, id, { decision: "exercised", decidedOn: "2026-03-01", version: 2 }, "2026-03-21"))).toMatchObject({ field: "decidedOn" });
    await decideOption(db(), actor, id, { decision: "exercised", decidedOn: "2026-04-10", note: "Board resolution 2026-04", version: 2 }, "2026-04-10");
    view = await getTransferCase(db(), organisation.id, id, "2026-04-11");
    // closing 60 days after 2026-04-10 = 2026-06-09
    expect(view!.option).toMatchObject({ state: "exercised", decidedOn: "2026-04-10" });
    expect(view!.deadlines.map((d) => [d.key, d.due, d.state])).toEqual([
      ["price-notice", "2026-04-01", "met"],
      ["option", "2026-05-31", "met"],
      ["closing", "2026-06-09", "upcoming"],
    ]);
    expect(await refusal(calculateFormulaPrice(db(), actor, id, { priceNoticeOn: "2026-04-12", version: 3 }))).toMatchObject({ status: 409 });
  });

  it("deadlines to act on: due soon, overdue and lapsed by the trust's local date, on the dashboard and the home's page", async () => {
    const { organisation, home, actor, cookie, parcel } = await setup();
    const { id } = await openTransferCase(db(), actor, { ...notice, homeId: home.id }, "2026-03-02");
    // notice 2026-03-02, the lease's 30 and 90 days: price notice due 2026-04-01, option deadline 2026-05-31
    expect(await caseDeadlineItems(db(), organisation.id, "2026-03-10", { onlyPressing: true })).toEqual([]);
    expect((await caseDeadlineItems(db(), organisation.id, "2026-03-25", { onlyPressing: true })).map((i) => [i.label, i.due, i.state])).toEqual([
      ["Formula price sent to the homeowner", "2026-04-01", "due-soon"], // 7 days before
    ]);
    expect((await caseDeadlineItems(db(), organisation.id, "2026-04-02", { onlyPressing: true })).map((i) => [i.due, i.state])).toEqual([["2026-04-01", "overdue"]]);
    expect((await caseDeadlineItems(db(), organisation.id, "2026-06-01", { onlyPressing: true })).map((i) => [i.label, i.due, i.state])).toEqual([
      ["Formula price sent to the homeowner", "2026-04-01", "overdue"],
      ["The trust's purchase option lapsed: the homeowner may market the home", "2026-05-31", "lapsed"],
    ]);
    // the dashboard and the home's (parcel) page, on the trust's today (later than 2026-06-01 whenever this runs)
    const dashboard = (await unwrap(await run(homeLoader, getRequest("/", cookie)))).body as { resaleDeadlines: { caseId: string; state: string }[] };
    expect(dashboard.resaleDeadlines.map((i) => [i.caseId, i.state])).toEqual([
      [id, "overdue"],
      [id, "lapsed"],
    ]);
    const parcelPage = (await unwrap(await run(parcelLoader, getRequest(`/parcels/${parcel.id}`, cookie), { parcelId: parcel.id }))).body as { openCases: { id: string; homeId: string; deadlines: { state: string }[] }[] };
    expect(parcelPage.openCases.map((c) => [c.id, c.homeId, c.deadlines.map((d) => d.state)])).toEqual([[id, home.id, ["overdue", "lapsed"]]]);
  });

  it("the pages: opening refuses bad input next to the field (nothing stored), a viewer reads only, another trust gets 404", async () => {
    const { organisation, home, cookie } = await setup();
    const bad = await unwrap(await run(listAction, postRequest("/transfers", { homeId: home.id, kind: "sale", noticeDate: "2026-02-30", noticeMethod: "mail" }, { cookie })));
    expect(bad.status).toBe(400);
    expect((bad.body as { error: Record<string, string[]> }).error.noticeDate).toEqual(["This date does not exist on the calendar"]);
    const future = await unwrap(await run(listAction, postRequest("/transfers", { homeId: home.id, kind: "sale", noticeDate: "2999-01-01", noticeMethod: "mail" }, { cookie })));
    expect(future.status).toBe(400);
    expect((future.body as { error: Record<string, string[]> }).error.noticeDate![0]).toMatch(/^The notice cannot be dated after today/);
    const trustSale = await unwrap(await run(listAction, postRequest("/transfers", { homeId: home.id, kind: "trust-sale", noticeDate: "2026-03-02", noticeMethod: "mail" }, { cookie })));
    expect((trustSale.body as { error: Record<string, string[]> }).error.kind).toEqual(["A sale by the trust is for a home the trust holds; this home has a homeowner."]);
    expect(await db().transferCase.count({ where: { organisationId: organisation.id } })).toBe(0);

    const opened = (await run(listAction, postRequest("/transfers", { homeId: home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "hand-delivery", noticeNote: "Letter dated 1 March" }, { cookie }))) as Response;
    expect(opened.status).toBe(302);
    const caseId = opened.headers.get("Location")!.split("/").at(-1)!;
    const second = await unwrap(await run(listAction, postRequest("/transfers", { homeId: home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "mail" }, { cookie })));
    expect(second.status).toBe(409);
    expect((second.body as { error: Record<string, string[]> }).error.homeId).toEqual([ONE_OPEN_CASE_MESSAGE]);

    // a bad decision date and a stale form on the case page
    const badDate = await unwrap(await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "option", decision: "waived", decidedOn: "2026-13-01", version: "1" }, { cookie }), { caseId }));
    expect(badDate.status).toBe(400);
    expect((badDate.body as { reply: { error: Record<string, string[]> } }).reply.error.decidedOn).toEqual(["This date does not exist on the calendar"]);
    const stale = await unwrap(await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "cancel", cancelledOn: "2026-03-03", reason: "x", version: "7" }, { cookie }), { caseId }));
    expect(stale.status).toBe(409);
    expect((await db().transferCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("open");

    const list = await unwrap(await run(listLoader, getRequest("/transfers", cookie)));
    expect((list.body as { cases: { id: string; status: string }[] }).cases.map((c) => [c.id, c.status])).toEqual([[caseId, "open"]]);

    const viewer = await createMember(db(), organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.user.id, organisation.id);
    const page = await unwrap(await run(caseLoader, getRequest(`/transfers/${caseId}`, viewerCookie), { caseId }));
    expect(page.body).toMatchObject({ canWrite: false, transfer: { id: caseId, notice: { method: "hand-delivery", note: "Letter dated 1 March" } } });
    expect(((await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "cancel", cancelledOn: "2026-03-03", reason: "x", version: "1" }, { cookie: viewerCookie }), { caseId })) as Response).status).toBe(403);

    const other = await createOrganisation(db());
    const otherCookie = await sessionCookieFor(other.user.id, other.organisation.id);
    expect(((await run(caseLoader, getRequest(`/transfers/${caseId}`, otherCookie), { caseId })) as Response).status).toBe(404);
    expect(((await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "cancel", cancelledOn: "2026-03-03", reason: "x", version: "1" }, { cookie: otherCookie }), { caseId })) as Response).status).toBe(404);
  });
});
