import { describe, expect, it } from "vitest";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { produceCaseLetter } from "~/modules/transfers/letters.server";
import { calculateFormulaPrice, chooseBuyer, closeTransferCase, decideOption, openTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { loader as downloadLoader } from "~/routes/documents.$documentId";
import { action as caseAction, loader as caseLoader } from "~/routes/transfers.$caseId";
import { db } from "~/utils/db.server";
import { DEMO_PRESETS, seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createCertification, createHousehold, createIncomeLimitTable, setDefaultArea } from "~/modules/demo/households";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { pdfText } from "./pdf-text";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The case of transfers-closing.test.ts: a 3-bedroom home at 14 Alder Lane bought 2020-06-15 for $200,000
 * (mortgage $190,000) under a lease with 1.5 % simple appreciation over full months and a market-value cap;
 * notice 2026-03-02 by mail; appraisal $300,000; formula price 200,000 × (1 + 0.015 × 68/12) = $217,000.00
 * (68 full months from 2020-06-15 to 2026-03-02); the trust waives on 2026-03-20.
 */
async function openCase() {
  const { organisation, user } = await createOrganisation(db());
  await seedDemoFormulaPresets(db(), organisation.id);
  await createIncomeLimitTable(db(), organisation.id);
  await setDefaultArea(db(), organisation.id, "NCNTY50001N50001");
  const made = await createHomeUnderLease(db(), organisation.id, {
    presetName: DEMO_PRESETS[0]!.name,
    purchasePriceCents: 20_000_000,
    purchaseDate: "2020-06-15",
    mortgageAmountCents: 19_000_000,
    leaseCommencementDate: "2026-02-01",
    streetAddress: "14 Alder Lane",
    members: ["Lina Lima", "Marco Lima"],
  });
  await db().lease.update({ where: { id: made.lease.id }, data: { monthlyFeeCents: 3500 } });
  const { id } = await openTransferCase(db(), made.actor, { homeId: made.home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "mail" }, "2026-03-02");
  return { organisation, user, ...made, caseId: id, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function download(cookie: string, documentId: string): Promise<{ status: number; text: string }> {
  const response = (await run(downloadLoader, getRequest(`/documents/${documentId}`, cookie), { documentId })) as Response;
  if (response.status !== 200) return { status: response.status, text: "" };
  return { status: 200, text: pdfText(Buffer.from(await response.arrayBuffer())) };
}

describe("the letters of a resale case", () => {
  it("each letter is a PDF stored with the case once its step is recorded, listed on the home and downloadable", async () => {
    const { organisation, actor, caseId, home, lease, cookie } = await openCase();

    // the acknowledgement, from the case page (a plain form): deadlines 30 and 90 days after 2026-03-02
    // price notice due 2026-04-01, option deadline 2026-05-31, may market from 2026-06-01
    const produced = await unwrap(await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "letter", kind: "acknowledgement" }, { cookie }), { caseId }));
    expect(produced.status).toBe(302);
    const page = (await unwrap(await run(caseLoader, getRequest(`/transfers/${caseId}`, cookie), { caseId }))).body as { documents: { id: string; name: string; category: string }[]; letters: string[] };
    expect(page.letters).toEqual(["acknowledgement"]);
    expect(page.documents).toHaveLength(1);
    expect(page.documents[0]).toMatchObject({ category: "letter" });
    expect(page.documents[0]!.name).toMatch(/^Acknowledgement of your notice of intent GL-\d{4}-\d{4} \d{4}-\d{2}-\d{2}\.pdf$/);
    const ack = await download(cookie, page.documents[0]!.id);
    expect(ack.status).toBe(200);
    expect(ack.text).toContain("Acknowledgement of your notice of intent");
    expect(ack.text).toContain("Lina Lima and Marco Lima");
    expect(ack.text).toContain("dated March 2, 2026 and delivered by mail");
    expect(ack.text).toContain(`ground lease ${lease.reference}`);
    expect(ack.text).toContain("We will send you the formula price by April 1, 2026");
    expect(ack.text).toContain("decide on its purchase option by May 31, 2026");
    expect(ack.text).toContain("from June 1, 2026");

    // a letter whose step is not recorded yet is refused, nothing stored
    const early = await refusal(produceCaseLetter(db(), actor, caseId, "closing-statement", "2026-03-05"));
    expect(early).toEqual({ message: "The closing statement can be produced once its step is recorded.", status: 409 });
    const refusedPost = await run(caseAction, postRequest(`/transfers/${caseId}`, { intent: "letter", kind: "formula-price" }, { cookie }), { caseId });
    expect((refusedPost as Response).status).toBe(409);
    expect(await listDocuments(db(), organisation.id, { ownerType: "transfer_case", ownerId: caseId })).toHaveLength(1);

    // the formula price letter with its worksheet
    await recordAppraisal(db(), actor, home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-03", receivedOn: "2026-03-12", effectiveDate: "2026-03-10", value: 30_000_000 });
    await calculateFormulaPrice(db(), actor, caseId, { priceNoticeOn: "2026-03-12", version: 1 });
    const priceLetter = await produceCaseLetter(db(), actor, caseId, "formula-price", "2026-03-12");
    const priceText = pdfText(priceLetter.pdf);
    expect(priceText).toContain("The formula price of your home");
    expect(priceText).toContain("the maximum price at which your home at 14 Alder Lane");
    expect(priceText).toContain("is $217,000.00, set by the resale formula, valued on March 2, 2026");
    expect(priceText).toContain("Worksheet");
    expect(priceText).toContain("Maximum resale price $217,000.00");
    expect(priceText).toContain("$200,000.00"); // the purchase price, the worksheet's first figure

    // the waiver, then the buyer's certificate (Okafor household: 4 persons, $70,000, eligible at 80 % AMI)
    await decideOption(db(), actor, caseId, { decision: "waived", decidedOn: "2026-03-20", note: "Board resolution 2026-04", version: 2 }, "2026-03-20");
    const waiver = pdfText((await produceCaseLetter(db(), actor, caseId, "option", "2026-03-20")).pdf);
    expect(waiver).toContain("Waiver of the purchase option");
    expect(waiver).toContain("On March 20, 2026 the trust waived its purchase option");
    expect(waiver).toContain("(Board resolution 2026-04)");
    expect(waiver).toContain("from March 20, 2026, at a price no higher than the formula price of $217,000.00");

    const buyer = await createHousehold(db(), organisation.id, { name: "Okafor household", firstTimeBuyer: true, members: ["Grace Okafor", "Daniel Okafor"] });
    await createCertification(db(), organisation.id, buyer.id, { certifiedOn: "2026-01-10", householdSize: 4, income: [["", "wages", "70000"]] });
    await chooseBuyer(db(), actor, caseId, { householdId: buyer.id, version: 3 }, "2026-04-01");
    const certificate = pdfText((await produceCaseLetter(db(), actor, caseId, "eligibility-certificate", "2026-04-01")).pdf);
    expect(certificate).toContain("Buyer eligibility certificate");
    expect(certificate).toContain("Grace Okafor and Daniel Okafor");
    expect(certificate).toContain("Okafor household is eligible to buy the home at 14 Alder Lane");
    expect(certificate).toContain("at or below 80 % of the area median income");
    expect(certificate).toContain("Income certified on January 10, 2026 (valid until January 10, 2027)");
    expect(certificate).toContain("4 persons for 3 bedrooms");
    expect(certificate).toContain("First-time buyer: yes");

    // the closing statement: 217,000 − 160,000 − 5,000 − 135 (three $35 fees and three $10 late charges) − 1,000 = 50,865
    await closeTransferCase(db(), { ...actor, role: "staff" }, caseId, { closingDate: "2026-04-15", price: 21_700_000, mortgagePayoff: 16_000_000, sellerClosingCosts: 500_000, trustFees: 100_000, version: 4 }, "2026-04-20");
    const statement = pdfText((await produceCaseLetter(db(), actor, caseId, "closing-statement", "2026-04-20")).pdf);
    expect(statement).toContain("closed on April 15, 2026 at $217,000.00, to Okafor household");
    expect(statement).toContain("Price $217,000.00");
    expect(statement).toContain("Mortgage payoff −$160,000.00");
    expect(statement).toContain("Unpaid lease fees −$135.00");
    expect(statement).toContain("Net proceeds $50,865.00");

    // all five stored with the case, listed on the home and the seller's lease too
    const stored = await listDocuments(db(), organisation.id, { ownerType: "transfer_case", ownerId: caseId });
    expect(stored.map((d) => d.category)).toEqual(["letter", "letter", "letter", "letter", "letter"]);
    expect(await listDocuments(db(), organisation.id, { homeId: home.id })).toHaveLength(5);
    expect(await listDocuments(db(), organisation.id, { leaseId: lease.id })).toHaveLength(5);

    // a viewer of the trust reads them; another trust does not find them
    const { user: viewer } = await createMember(db(), organisation.id, "viewer");
    expect((await download(await sessionCookieFor(viewer.id, organisation.id), stored[0]!.id)).status).toBe(200);
    const other = await createOrganisation(db());
    expect((await download(await sessionCookieFor(other.user.id, other.organisation.id), stored[0]!.id)).status).toBe(404);
  });
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransferCaseError) return { message: error.message, status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
}
