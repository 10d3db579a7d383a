import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import { action as leaseAction } from "~/routes/leases.$leaseId._index";
import { loader as documentLoader } from "~/routes/leases.$leaseId.document[.]pdf";
import { action as newLeaseAction } from "~/routes/leases.new";
import { db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { advanceLease, completeOrganisation, createLeasableHome } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Issue 8 §4 "a mortgage is recorded once", and Exhibit D printing it. */

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "mortgage-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  await completeOrganisation(db(), organisation.id);
  await seedDemoFormulaPresets(db(), organisation.id);
  const { home, household } = await createLeasableHome(db(), organisation.id);
  return { organisation, home, household, cookie: await sessionCookieFor(user.id, organisation.id) };
}

async function buy(organisationId: string, householdId: string, homeId: string) {
  // $152,000 bought with a $144,400 mortgage (95 %), as the demo's first owner did
  const input = PurchaseSchema.parse({ homeId, purchasePrice: "152000", purchaseDate: "2024-01-15", mortgageLender: "Green Mountain Community Bank", mortgageAmount: "144400", mortgageRate: "4.125", mortgageTermYears: 30, mortgageType: "fixed" });
  const result = await recordPurchase(db(), systemActor(organisationId, "Test"), householdId, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

function leaseForm(homeId: string, householdId: string, overrides: Record<string, string> = {}) {
  return {
    homeId,
    householdId,
    lesseeNames: "Ana Lima",
    commencementDate: "2024-01-15",
    termYears: "99",
    renewalTermYears: "99",
    monthlyFeeCents: "25",
    escalationKind: "none",
    feeDueDay: "1",
    purchaseOptionDays: "90",
    formulaPresetName: "1.5% simple, full months, market cap",
    ...overrides,
  };
}

describe("a mortgage recorded once", () => {
  it("a lease made after the purchase lists the purchase mortgage, linked, without typing it", async () => {
    const { organisation, home, household, cookie } = await setup();
    const ownershipId = await buy(organisation.id, household.id, home.id);
    const response = (await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }))) as Response;
    expect(response.status).toBe(302);
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id }, include: { permittedMortgages: true } });
    expect(lease.permittedMortgages).toHaveLength(1);
    expect(lease.permittedMortgages[0]).toMatchObject({ ownershipId, lender: "Green Mountain Community Bank", amountCents: 14_440_000n, recordedOn: "2024-01-15", releasedOn: null });
  });

  it("a purchase recorded after the lease is drafted is listed on the lease", async () => {
    const { organisation, home, household, cookie } = await setup();
    expect(((await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }))) as Response).status).toBe(302);
    const ownershipId = await buy(organisation.id, household.id, home.id);
    const mortgages = await db().permittedMortgage.findMany({ where: { organisationId: organisation.id } });
    expect(mortgages.map((m) => [m.ownershipId, m.amountCents])).toEqual([[ownershipId, 14_440_000n]]);
    // editing the draft keeps it (it is not a typed row), and does not duplicate it
    const lease = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id } });
    const { action: editAction } = await import("~/routes/leases.$leaseId.edit");
    const edited = (await run(editAction, postRequest(`/leases/${lease.id}/edit`, { ...leaseForm(home.id, household.id), version: String(lease.version), monthlyFeeCents: "30" }, { cookie }), { leaseId: lease.id })) as Response;
    expect(edited.status).toBe(302);
    expect(await db().permittedMortgage.count({ where: { leaseId: lease.id } })).toBe(1);
  });

  it("refuses typing the purchase mortgage again, and a permitted mortgage above the purchase price, naming both figures; nothing stored", async () => {
    const { organisation, home, household, cookie } = await setup();
    await buy(organisation.id, household.id, home.id);
    const again = await unwrap(await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id, {
      "mortgages[0].lender": "  green mountain community bank ", "mortgages[0].amountCents": "144,400.00", "mortgages[0].recordedOn": "2024-01-15",
    }), { cookie })));
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain("This is the purchase mortgage of 2024-01-15");
    // the demo's old mistake: $185,000 permitted against a $152,000 purchase price
    const above = await unwrap(await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id, {
      "mortgages[0].lender": "Second Bank", "mortgages[0].amountCents": "185,000", "mortgages[0].recordedOn": "2024-01-15",
    }), { cookie })));
    expect(above.status).toBe(400);
    const error = (above.body as { error: Record<string, string[]> }).error["mortgages[0].amountCents"]!.join(" ");
    expect(error).toContain("$185,000.00");
    expect(error).toContain("$152,000.00");
    expect(await db().lease.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await db().permittedMortgage.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("an amendment may not add a permitted mortgage above the formula price; Exhibit D prints the linked purchase mortgage", async () => {
    const { organisation, home, household, cookie } = await setup();
    await buy(organisation.id, household.id, home.id);
    await run(newLeaseAction, postRequest("/leases/new", leaseForm(home.id, household.id), { cookie }));
    const draft = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id } });
    const lease = await advanceLease(db(), systemActor(organisation.id, "Test"), draft.id, "active", { executionDate: "2024-01-15" });
    const amend = await unwrap(await run(leaseAction, postRequest(`/leases/${lease.id}`, {
      intent: "amend", version: String(lease.version), effectiveDate: "2025-06-01", description: "Second mortgage",
      monthlyFeeCents: "25", escalationKind: "none", feeDueDay: "1", purchaseOptionDays: "90", renewalTermYears: "99",
      newMortgageLender: "Home Equity Co", newMortgageAmountCents: "160,000", newMortgageRecordedOn: "2025-06-01",
    }, { cookie }), { leaseId: lease.id }));
    expect(amend.status).toBe(400);
    expect(JSON.stringify(amend.body)).toContain("A permitted mortgage of $160,000.00 is above the formula price the lease allows, $152,000.00 (the purchase price on 2024-01-15)");
    expect(await db().leaseAmendment.count({ where: { leaseId: lease.id } })).toBe(0);
    expect(await db().permittedMortgage.count({ where: { leaseId: lease.id } })).toBe(1);

    const response = (await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, cookie), { leaseId: lease.id })) as Response;
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    const exhibitD = text.slice(text.lastIndexOf("Permitted Mortgagee"));
    expect(exhibitD).toContain("Green Mountain Community Bank");
    expect(exhibitD).toContain("$144,400.00");
    expect(exhibitD).toContain("January 15, 2024");
  });

  it("the demo's permitted mortgages are its owners' purchase mortgages, none above the purchase price", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    const mortgages = await db().permittedMortgage.findMany({ where: { organisationId: organisation.id }, include: { ownership: true, lease: true } });
    expect(mortgages.length).toBeGreaterThan(3);
    for (const m of mortgages) {
      expect(m.ownership, `${m.lender} ${m.amountCents} on ${m.lease.reference}`).not.toBeNull();
      expect(m.amountCents).toBe(m.ownership!.mortgageAmountCents);
      expect(m.amountCents <= m.ownership!.purchasePriceCents).toBe(true);
      expect([m.ownership!.homeId, m.ownership!.householdId]).toEqual([m.lease.homeId, m.lease.householdId]);
    }
    // the active lease that commenced on 2024-01-15 lists the $144,400 purchase mortgage, not $185,000
    const first = await db().lease.findFirstOrThrow({ where: { organisationId: organisation.id, status: "active", commencementDate: "2024-01-15" }, include: { permittedMortgages: true } });
    expect(first.permittedMortgages.map((m) => m.amountCents)).toEqual([14_440_000n]);
    expect(mortgages.some((m) => m.amountCents === 18_500_000n)).toBe(false);
  });
});
