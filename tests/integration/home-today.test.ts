import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loader as todayLoader } from "~/routes/my-home.today";
import { loader as todayPdfLoader } from "~/routes/my-home.today[.]pdf";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "../factories/leases";
import { createMember, createOrganisation } from "../factories/organisations";
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
