import { describe, expect, it } from "vitest";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { addInterestedBuyer, listBuyerPool, setInterestedBuyerStatus, BuyerPoolError } from "~/modules/transfers/buyer-pool.server";
import { buyerCandidates, calculateFormulaPrice, cancelTransferCase, chooseBuyer, closeTransferCase, decideOption, openTransferCase } from "~/modules/transfers/transfers.server";
import { action as poolAction, loader as poolLoader } from "~/routes/transfers.buyers";
import { db } from "~/utils/db.server";
import { DEMO_PRESETS, seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createCertification, createHousehold, createIncomeLimitTable, setDefaultArea } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** A 3-bedroom home under lease, notice 2026-03-02, formula price $217,000 (see transfers-closing.test.ts), option waived 2026-03-20. */
async function waivedCase() {
  const { organisation, user } = await createOrganisation(db());
  await seedDemoFormulaPresets(db(), organisation.id);
  await createIncomeLimitTable(db(), organisation.id);
  await setDefaultArea(db(), organisation.id, "NCNTY50001N50001");
  const made = await createHomeUnderLease(db(), organisation.id, { presetName: DEMO_PRESETS[0]!.name, purchasePriceCents: 20_000_000, purchaseDate: "2020-06-15", mortgageAmountCents: 19_000_000, leaseCommencementDate: "2026-02-01" });
  const { id } = await openTransferCase(db(), made.actor, { homeId: made.home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "mail" }, "2026-03-02");
  await recordAppraisal(db(), made.actor, made.home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-03", receivedOn: "2026-03-12", effectiveDate: "2026-03-10", value: 30_000_000 });
  await calculateFormulaPrice(db(), made.actor, id, { priceNoticeOn: "2026-03-12", version: 1 });
  await decideOption(db(), made.actor, id, { decision: "waived", decidedOn: "2026-03-20", version: 2 }, "2026-03-20");
  return { organisation, user, ...made, caseId: id, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function household(organisationId: string, name: string, size: number, firstTimeBuyer: boolean | null) {
  const created = await createHousehold(db(), organisationId, { name, firstTimeBuyer, members: [`${name.split(" ")[0]} One`] });
  await createCertification(db(), organisationId, created.id, { certifiedOn: "2026-01-10", householdSize: size, income: [["", "wages", "50000"]] });
  return created;
}

const poolRows = (body: unknown) => (body as { pool: { name: string; addedOn: string; status: string; bedroomsWanted: number }[] }).pool.map((e) => [e.name, e.addedOn, e.bedroomsWanted, e.status]);

describe("the pool of interested buyers", () => {
  it("lists households by the date they were added, refuses bad input next to the field, and a case draws its buyer from it", async () => {
    const { organisation, actor, caseId, cookie, home } = await waivedCase();
    const okafor = await household(organisation.id, "Okafor household", 4, true);
    const nguyen = await household(organisation.id, "Nguyen household", 2, false);
    const patel = await household(organisation.id, "Patel household", 3, null);
    const outsider = await household(organisation.id, "Outsider household", 3, null);

    // added out of order: the list follows the date added
    const add = (householdId: string, addedOn: string, bedroomsWanted: string) =>
      run(poolAction, postRequest("/transfers/buyers", { intent: "pool-add", householdId, addedOn, bedroomsWanted }, { cookie }));
    expect(((await add(okafor.id, "2026-02-10", "3")) as Response).status).toBe(302);
    expect(((await add(nguyen.id, "2025-11-03", "1")) as Response).status).toBe(302);
    expect(((await add(patel.id, "2026-01-20", "2")) as Response).status).toBe(302);
    const page = await unwrap(await run(poolLoader, getRequest("/transfers/buyers", cookie)));
    expect(poolRows(page.body)).toEqual([
      ["Nguyen household", "2025-11-03", 1, "waiting"],
      ["Patel household", "2026-01-20", 2, "waiting"],
      ["Okafor household", "2026-02-10", 3, "waiting"],
    ]);
    // Nguyen: 2 persons for 1 bedroom fits (1 to 3); Okafor: 4 for 3 fits (3 to 7); Patel: 3 for 2 fits (2 to 5)
    expect((await listBuyerPool(db(), organisation.id)).map((e) => e.fitsWanted)).toEqual([true, true, true]);

    // bad input: a date that does not exist, a fraction of a bedroom, a household already in the pool — nothing stored
    const bad = async (form: Record<string, string>) => unwrap(await run(poolAction, postRequest("/transfers/buyers", { intent: "pool-add", ...form }, { cookie })));
    const noDate = await bad({ householdId: outsider.id, addedOn: "2026-02-30", bedroomsWanted: "2" });
    expect(noDate.status).toBe(400);
    expect((noDate.body as { reply: { error: Record<string, string[]> } }).reply.error.addedOn).toEqual(["This date does not exist on the calendar"]);
    const fraction = await bad({ householdId: outsider.id, addedOn: "2026-02-01", bedroomsWanted: "2.5" });
    expect(fraction.status).toBe(400);
    expect((fraction.body as { reply: { error: Record<string, string[]> } }).reply.error.bedroomsWanted).toEqual(["Enter a whole number of bedrooms"]);
    const twice = await bad({ householdId: okafor.id, addedOn: "2026-02-11", bedroomsWanted: "3" });
    expect(twice.status).toBe(409);
    expect((twice.body as { reply: { error: Record<string, string[]> } }).reply.error.householdId).toEqual(["Okafor household is already in the pool."]);
    expect(await db().interestedBuyer.count({ where: { organisationId: organisation.id } })).toBe(3);
    // a viewer reads the pool but cannot add to it
    const { user: viewer } = await createMember(db(), organisation.id, "viewer");
    const viewerCookie = await sessionCookieFor(viewer.id, organisation.id);
    expect((await unwrap(await run(poolLoader, getRequest("/transfers/buyers", viewerCookie)))).status).toBe(200);
    expect((await unwrap(await run(poolAction, postRequest("/transfers/buyers", { intent: "pool-add", householdId: outsider.id, addedOn: "2026-02-01", bedroomsWanted: "2" }, { cookie: viewerCookie })))).status).toBe(403);

    // the case's buyer list: the pool first by date added, with the size for this 3-bedroom home and first-time buyer; then the others
    // (the % AMI shown is the certification's own stored figure)
    const candidates = await buyerCandidates(db(), organisation.id, null, home.bedrooms, caseId);
    expect(candidates.map((c) => c.label.replace(/, [\d.]+ % AMI/, ", … % AMI"))).toEqual([
      "Nguyen household — in the pool since Nov 3, 2025, wants 1 bedroom; 2 persons for 3 bedrooms (outside one person per bedroom to two per bedroom plus one); certified Jan 10, 2026, … % AMI; not a first-time buyer",
      "Patel household — in the pool since Jan 20, 2026, wants 2 bedrooms; 3 persons for 3 bedrooms; certified Jan 10, 2026, … % AMI; first-time buyer not recorded",
      "Okafor household — in the pool since Feb 10, 2026, wants 3 bedrooms; 4 persons for 3 bedrooms; certified Jan 10, 2026, … % AMI; first-time buyer",
      "Outsider household (not in the pool) — certified Jan 10, 2026, … % AMI",
    ]);

    // choosing a pool household offers it the home; choosing another puts the first back to waiting
    await chooseBuyer(db(), actor, caseId, { householdId: patel.id, version: 3 }, "2026-04-01");
    expect((await listBuyerPool(db(), organisation.id)).map((e) => [e.name, e.status])).toEqual([
      ["Nguyen household", "waiting"],
      ["Patel household", "offered"],
      ["Okafor household", "waiting"],
    ]);
    const patelEntry = (await listBuyerPool(db(), organisation.id)).find((e) => e.name === "Patel household")!;
    await expect(setInterestedBuyerStatus(db(), actor, { entryId: patelEntry.id, status: "withdrawn", version: patelEntry.version })).rejects.toBeInstanceOf(BuyerPoolError);
    await chooseBuyer(db(), actor, caseId, { householdId: okafor.id, version: 4 }, "2026-04-01");
    expect((await listBuyerPool(db(), organisation.id)).map((e) => e.status)).toEqual(["waiting", "waiting", "offered"]);

    // the closing: the buyer's entry is bought
    await closeTransferCase(db(), { ...actor, role: "staff" }, caseId, { closingDate: "2026-04-15", price: 21_700_000, mortgagePayoff: 0, sellerClosingCosts: 0, trustFees: 0, version: 5 }, "2026-04-20");
    expect((await listBuyerPool(db(), organisation.id)).map((e) => e.status)).toEqual(["waiting", "waiting", "bought"]);
  });

  it("a cancelled case puts its buyer back to waiting; a stale status form is refused", async () => {
    const { organisation, actor, caseId } = await waivedCase();
    const okafor = await household(organisation.id, "Okafor household", 4, true);
    const { id } = await addInterestedBuyer(db(), actor, { householdId: okafor.id, addedOn: "2026-02-10", bedroomsWanted: 3 }, "2026-03-01");
    await expect(addInterestedBuyer(db(), actor, { householdId: okafor.id, addedOn: "2026-02-10", bedroomsWanted: 3 }, "2026-02-01")).rejects.toMatchObject({ field: "addedOn" });
    await chooseBuyer(db(), actor, caseId, { householdId: okafor.id, version: 3 }, "2026-04-01");
    await cancelTransferCase(db(), actor, caseId, { cancelledOn: "2026-04-02", reason: "The homeowner withdrew", version: 4 }, "2026-04-02");
    const entry = await db().interestedBuyer.findUniqueOrThrow({ where: { id } });
    expect(entry).toMatchObject({ status: "waiting", transferCaseId: null });
    await setInterestedBuyerStatus(db(), actor, { entryId: id, status: "withdrawn", version: entry.version });
    await expect(setInterestedBuyerStatus(db(), actor, { entryId: id, status: "waiting", version: entry.version })).rejects.toMatchObject({ status: 409 });
    expect(await db().interestedBuyer.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "withdrawn", version: entry.version + 1 });
  });
});
