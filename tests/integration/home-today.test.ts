import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordApprovedImprovement, recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { recordIndexValue } from "~/modules/lease-fees/ledger.server";
import { systemActor } from "~/modules/audit/audit.server";
import { loader as todayLoader } from "~/routes/my-home.today";
import { loader as todayPdfLoader } from "~/routes/my-home.today[.]pdf";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * "Your home today" through its page and PDF. The lease's formula is the demo's first preset (1.5 % a year,
 * simple, full months, capped at market value); no appraisal is stored, so the cap is said to be unapplied.
 */
function pdfText(pdf: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "home-today-"));
  const file = join(dir, "today.pdf");
  writeFileSync(file, Buffer.from(pdf));
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function homeowner() {
  const { organisation } = await createOrganisation(db());
  const made = await createLeasableHome(db(), organisation.id, { members: ["Rosa Delgado"], streetAddress: "7 Willow Court", purchasePriceCents: 20_000_000 });
  await db().ownership.updateMany({ where: { homeId: made.home.id }, data: { mortgageAmountCents: 19_000_000 } });
  // a lease with no fee, so nothing is owed whatever today is
  await createLease(db(), organisation.id, { status: "active", homeId: made.home.id, householdId: made.household.id, values: { commencementDate: "2024-06-01", monthlyFeeCents: 0, lesseeNames: made.members } });
  const owner = await createMember(db(), organisation.id, "homeowner", { householdId: made.household.id, name: "Rosa Delgado" });
  const other = await createLeasableHome(db(), organisation.id, { members: ["Sam Other"] });
  return { organisation, made, other, cookie: await sessionCookieFor(owner.user.id, organisation.id) };
}

describe("Your home today", () => {
  it("prices the home under the lease's formula, takes the payoff typed, and explains every line; the PDF says the same", async () => {
    const { organisation, cookie } = await homeowner();
    const today = todayIn((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).timeZone);
    // purchased on the 1st of June 2024, so every month since is full: 1.5 % a year simple on $200,000 is
    // $250.00 a month (200,000 × 0.015 / 12)
    const months = (Number(today.slice(0, 4)) - 2024) * 12 + (Number(today.slice(5, 7)) - 6);
    const expectedCents = 20_000_000 + 25_000 * months;
    const page = await unwrap(await run(todayLoader, getRequest("/my-home/today?payoff=%24150%2C000.00", cookie)));
    expect(page.status).toBe(200);
    const body = page.body as { result: { price: { ok: true; maxResalePriceCents: number }; netProceedsCents: number; equityBuiltCents: number; notes: string[] } };
    expect(body.result.price.maxResalePriceCents).toBe(expectedCents);
    expect(body.result.netProceedsCents).toBe(expectedCents - 15_000_000);
    // down payment: 200,000 − 190,000
    expect(body.result.equityBuiltCents).toBe(expectedCents - 15_000_000 - 1_000_000);
    expect(body.result.notes[0]).toMatch(/not a guaranteed price/);
    expect(body.result.notes.join(" ")).toContain("market value");

    const pdf = (await run(todayPdfLoader, getRequest("/my-home/today.pdf?payoff=150000", cookie))) as Response;
    expect(pdf.status).toBe(200);
    const text = pdfText(await pdf.arrayBuffer());
    expect(text).toContain("YOUR HOME TODAY");
    expect(text).toContain("not a guaranteed price");
    expect(text).toContain("7 Willow Court");
    expect(text).toContain("Estimated net proceeds");
    // dates written out as the trust's other documents write them ("June 1, 2024"), not the screens' "Jun 1, 2024"
    const longDate = (date: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
    expect(text).toContain(`as of ${longDate(today)}. Bought on June 1, 2024 for $200,000.00.`);
    expect(text).toContain("Price the seller paid on June 1, 2024");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain(`$${((expectedCents - 15_000_000) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  });

  it("refuses a payoff that is not an amount, next to the field, and the PDF with it", async () => {
    const { cookie } = await homeowner();
    const page = await unwrap(await run(todayLoader, getRequest("/my-home/today?payoff=lots", cookie)));
    expect(page.status).toBe(400);
    expect((page.body as { payoffError: string }).payoffError).toMatch(/Enter the payoff in dollars and cents/);
    expect(((await run(todayPdfLoader, getRequest("/my-home/today.pdf?payoff=-5", cookie))) as Response).status).toBe(400);
  });
});

type TodayBody = {
  result: {
    price: { ok: true; maxResalePriceCents: number } | { ok: false; missing: string[] };
    feesOwed: { amountCents: number };
    recorded: { what: string; source: string }[];
    notes: string[];
  };
};

describe("Your home today reads the inputs the trust recorded (appraisals, index values, approved improvements)", () => {
  it("applies the market-value cap from a recorded appraisal and names its source", async () => {
    const { organisation, made, cookie } = await homeowner();
    const actor = systemActor(organisation.id, "Test");
    await recordAppraisal(db(), actor, made.home.id, { appraiser: "Lake Appraisals", orderedOn: "2026-01-02", receivedOn: "2026-01-12", effectiveDate: "2026-01-10", value: 20_500_000, source: "LA-2026-7" });
    // the formula (1.5 % a year simple from 2024-06-01) is above $205,000.00 from 2026-02 on (20 months ×
    // $250.00 = $5,000.00), so the recorded appraisal's $205,000.00 is the price
    const page = await unwrap(await run(todayLoader, getRequest("/my-home/today", cookie)));
    const body = page.body as TodayBody;
    expect(body.result.price).toMatchObject({ ok: true, maxResalePriceCents: 20_500_000 });
    expect(body.result.notes.join(" ")).not.toContain("not applied");
    expect(body.result.recorded).toEqual([{ what: "Current appraised value", source: "Appraisal by Lake Appraisals, effective 2026-01-10, received 2026-01-12, LA-2026-7" }]);
  });

  it("an index formula: says which index value is missing and still shows the fees; prices it with both values and the approved improvement", async () => {
    const { organisation, made, cookie } = await homeowner();
    const actor = systemActor(organisation.id, "Test");
    const spec = {
      formula: { type: "index", indexName: "CPI-U", improvementCredit: { creditRate: "1", depreciationYears: 0, minimumCost: "0.00" } },
      caps: [],
      floor: null,
      rounding: { mode: "nearest", increment: "0.01" },
    };
    // no value of the lease's index recorded at all: both are named, the fees owed still shown
    await db().lease.updateMany({ where: { homeId: made.home.id }, data: { formulaSpec: spec } });
    await recordIndexValue(db(), actor, { indexName: "HUD median income", date: "2024-05-01", value: "97000", source: "HUD FY2024" });
    let body = (await unwrap(await run(todayLoader, getRequest("/my-home/today", cookie)))).body as TodayBody;
    expect(body.result.price).toEqual({ ok: false, missing: ["the value of the lease's index when you bought the home", "the current value of the lease's index"] });
    expect(body.result.feesOwed.amountCents).toBe(0);
    expect(body.result.recorded).toEqual([]);

    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2024-05-01", value: "300", source: "BLS May 2024" });
    await recordIndexValue(db(), actor, { indexName: "CPI-U", date: "2026-01-01", value: "330", source: "BLS Jan 2026" });
    await recordApprovedImprovement(db(), actor, made.home.id, { description: "New roof", cost: 1_000_000, approvedOn: "2025-04-01", completedOn: "2025-05-15", creditTerms: "100 % of cost", source: "Approval letter" });
    body = (await unwrap(await run(todayLoader, getRequest("/my-home/today", cookie)))).body as TodayBody;
    // $200,000.00 × 330 / 300 = $220,000.00, plus the roof credited at 100 % undepreciated $10,000.00 = $230,000.00
    expect(body.result.price).toMatchObject({ ok: true, maxResalePriceCents: 23_000_000 });
    expect(body.result.recorded.map((r) => r.what)).toEqual(["Index value when you bought", "Current index value", "Approved improvement"]);
  });
});
