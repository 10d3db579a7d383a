import { describe, expect, it } from "vitest";
import { generateLeaseCharges, recordPayment } from "~/modules/lease-fees/ledger.server";
import { loader as reportsLoader } from "~/routes/reports._index";
import { loader as reportsCsvLoader } from "~/routes/reports[.]csv";
import { loader as reportsPdfLoader } from "~/routes/reports[.]pdf";
import { loader as funderLoader } from "~/routes/reports.funding.$fundingSourceId._index";
import { loader as funderCsvLoader } from "~/routes/reports.funding.$fundingSourceId.report[.]csv";
import { loader as funderPdfLoader } from "~/routes/reports.funding.$fundingSourceId.report[.]pdf";
import { db } from "~/utils/db.server";
import { createCertification, createHousehold, createIncomeLimitTable, setDefaultArea } from "~/modules/demo/households";
import { createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";
import { pdfText } from "./pdf-text";

/**
 * A trust of our own (Addison County FY2023 limits: 100 % AMI for one person = 2 × $34,700 = $69,400), with:
 *   purchases  2023-12-31 $999,999 (before the period)
 *              2024-03-10 $180,000 certified 2024-02-01 at $20,000 → 28.82 % AMI
 *              2025-06-20 $200,001 certified 2025-05-01 at $34,700 → 50.00 %
 *              2025-11-30 $210,000 certified 2025-10-01 at $52,050 → 75.00 %
 *              2025-12-31 $150,000 not certified
 *   resales closed 2024-08-01 (71.2 % now / 74.0 % before, subsidy $83,000.00), 2025-04-15 (82.5 / 80.1, $40,000.50),
 *              2025-09-01 (70.0 / none, no appraisal), 2026-01-05 (after the period)
 *   one lease at $35 a month from 2025-10-01, no late charge, $20 paid on 2025-12-15.
 * The period 2024-01-01 … 2025-12-31.
 */
async function seedTrust() {
  const { organisation, user } = await createOrganisation(db());
  await createIncomeLimitTable(db(), organisation.id);
  await setDefaultArea(db(), organisation.id, "NCNTY50001N50001");
  const buy = async (purchaseDate: string, dollars: number, certification?: [string, string]) => {
    const made = await createHomeUnderLease(db(), organisation.id, { purchaseDate, purchasePriceCents: dollars * 100 });
    if (certification) await createCertification(db(), organisation.id, made.household.id, { certifiedOn: certification[0], householdSize: 1, income: [["", "wages", certification[1]]] });
    return made;
  };
  await buy("2023-12-31", 999_999);
  const first = await buy("2024-03-10", 180_000, ["2024-02-01", "20000"]);
  await buy("2025-06-20", 200_001, ["2025-05-01", "34700"]);
  const feePayer = await buy("2025-11-30", 210_000, ["2025-10-01", "52050"]);
  await buy("2025-12-31", 150_000);

  const resale = async (closingDate: string, price: number, now: string | null, before: string | null, subsidy: string | null) =>
    db().transferCase.create({
      data: {
        organisationId: organisation.id,
        homeId: first.home.id,
        kind: "sale",
        status: "closed",
        noticeDate: "2024-01-02",
        noticeMethod: "mail",
        createdByLabel: "Test",
        closingDate,
        closingPriceCents: price * 100,
        outcomes: {
          householdSize: 4,
          percentAmiNeeded: { atThisSale: now, atPreviousSale: before, tableAtThisSale: now ? "HUD FY2023 Addison County, VT" : null, tableAtPreviousSale: null },
          subsidyRetained: subsidy,
          sellerGain: "0.00",
          netProceeds: "0.00",
          downPayment: null,
          annualisedReturnOnDownPayment: null,
          yearsOwned: "1.00",
        },
      },
    });
  await resale("2024-08-01", 217_000, "71.2", "74.0", "83000.00");
  await resale("2025-04-15", 250_000, "82.5", "80.1", "40000.50");
  await resale("2025-09-01", 230_000, "70.0", null, null);
  await resale("2026-01-05", 260_000, "60.0", "70.0", "99999.00");

  await db().lease.update({ where: { id: feePayer.lease.id }, data: { monthlyFeeCents: 3500, lateChargeCents: 0, commencementDate: "2025-10-01" } });
  await generateLeaseCharges(db(), feePayer.actor, feePayer.lease.id, "2026-02-01");
  await recordPayment(db(), feePayer.actor, feePayer.lease.id, { date: "2025-12-15", amount: 2000 }, "2026-02-01");

  const source = await db().fundingSource.create({
    data: { organisationId: organisation.id, parcelId: first.parcel.id, funder: "City of Winooski", program: "HOME", amountCents: 4_000_000, receivedOn: "2012-05-15", affordabilityYears: 30 },
  });
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id), first, feePayer, source };
}

type Section = { id: string; title: string; headers: string[]; rows: string[][]; summary: string[]; chart: { bars: { label: string; value: number; valueLabel: string }[] } | null };

describe("the report for a period", () => {
  it("counts households by year and % AMI, resales with affordability and subsidy, and fee arrears — figures worked by hand; CSV and PDF say the same", async () => {
    const { cookie, feePayer } = await seedTrust();
    const page = await unwrap(await run(reportsLoader, getRequest("/reports?from=2024-01-01&to=2025-12-31", cookie)));
    expect(page.status).toBe(200);
    const sections = (page.body as { sections: Section[] }).sections;
    const byId = Object.fromEntries(sections.map((s) => [s.id, s]));

    // 2024: one purchase; 2025: (200,001 + 210,000 + 150,000) / 3 = 186,667.00 → $186,667; all four: 740,001 / 4 = 185,000.25 → $185,000
    expect(byId.households!.rows).toEqual([
      ["2024", "1", "$180,000"],
      ["2025", "3", "$186,667"],
    ]);
    expect(byId.households!.chart!.bars.map((b) => [b.label, b.value])).toEqual([
      ["2024", 1],
      ["2025", 3],
    ]);
    expect(byId.households!.summary).toEqual(["4 households served in the period", "average purchase price $185,000"]);

    // 28.82 → <30 %; 50.00 and 75.00 → 50–79 %; average (28.82 + 50.00 + 75.00) / 3 = 51.273… → 51.3
    expect(byId.ami!.rows).toEqual([
      ["<30% AMI", "1"],
      ["30–49% AMI", "0"],
      ["50–79% AMI", "2"],
      ["80–100% AMI", "0"],
      [">100% AMI", "0"],
      ["No certification before the purchase", "1"],
    ]);
    expect(byId.ami!.summary).toEqual(["average 51.3 % AMI (3 certified households)"]);

    // 71.2 ≤ 74.0 preserved; 82.5 > 80.1 not; no previous figure: not known. Subsidy 83,000.00 + 40,000.50 = 123,000.50 → $123,001; / 2 = 61,500.25 → $61,500
    expect(byId.resales!.rows.map((r) => [r[1], r[2], r[5], r[6]])).toEqual([
      ["Aug 1, 2024", "$217,000.00", "Yes", "$83,000.00"],
      ["Apr 15, 2025", "$250,000.00", "No", "$40,000.50"],
      ["Sep 1, 2025", "$230,000.00", "Not known", "—"],
    ]);
    expect(byId.resales!.summary).toEqual(["3 resales closed", "affordability preserved in 1, not in 1", "subsidy retained $123,001 in all, $61,500 on average"]);

    // on 2025-12-31: $35 due 10-01, 11-01, 12-01; the $20 paid 12-15 settles the oldest first → 15.00 over 90 days
    // (91 days), 35.00 at 31–60 days (60), 35.00 at 1–30 days (30): $85.00 owed, all past due
    expect(byId.arrears!.title).toBe("Lease-fee arrears on Dec 31, 2025");
    expect(byId.arrears!.rows).toEqual([[feePayer.lease.reference, feePayer.household.name, expect.any(String), "$85.00", "$0.00", "$35.00", "$35.00", "$0.00", "$15.00"]]);
    expect(byId.arrears!.summary).toEqual(["1 lease owes $85.00, of which $85.00 is past due"]);

    // a shorter period changes the figures: 2025 only
    const later = await unwrap(await run(reportsLoader, getRequest("/reports?from=2025-01-01&to=2025-12-31", cookie)));
    const laterSections = (later.body as { sections: Section[] }).sections;
    expect(laterSections[0]!.rows).toEqual([["2025", "3", "$186,667"]]);
    expect(laterSections[2]!.rows).toHaveLength(2);

    const csv = (await run(reportsCsvLoader, getRequest("/reports.csv?from=2024-01-01&to=2025-12-31", cookie))) as Response;
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const csvText = await csv.text();
    expect(csvText).toContain("Households served by year\r\nYear,Households served,Average purchase price\r\n2024,1,\"$180,000\"\r\n2025,3,\"$186,667\"\r\n");
    expect(csvText).toContain("subsidy retained $123,001 in all");

    const pdf = (await run(reportsPdfLoader, getRequest("/reports.pdf?from=2024-01-01&to=2025-12-31", cookie))) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("Period Jan 1, 2024 – Dec 31, 2025");
    expect(text).toContain("Households served by year");
    expect(text).toContain("$186,667");
    expect(text).toContain("Subsidy retained $123,001 in all, $61,500 on average.");
    expect(text).toContain("1 lease owes $85.00, of which $85.00 is past due.");
  });

  it("refuses a period that is not one with a 400 and the message beside the field; the downloads refuse it too", async () => {
    const { cookie } = await seedTrust();
    const backwards = await unwrap(await run(reportsLoader, getRequest("/reports?from=2025-12-31&to=2025-01-01", cookie)));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ sections: null, errors: { to: ["The last day must not be before the first day"] } });
    const impossible = await unwrap(await run(reportsLoader, getRequest("/reports?from=2025-02-30&to=2025-03-01", cookie)));
    expect(impossible.status).toBe(400);
    expect(impossible.body).toMatchObject({ errors: { from: ["This date does not exist on the calendar"] } });
    const csv = (await run(reportsCsvLoader, getRequest("/reports.csv?from=soon&to=2025-03-01", cookie))) as Response;
    expect(csv.status).toBe(400);
    expect(await csv.text()).toBe("The report's period is not valid: Use the form YYYY-MM-DD, e.g. 2025-06-01.");
  });
});

describe("the funder report", () => {
  it("lists the source's homes, the households served and when the affordability period ends; CSV and PDF too; another trust's source is not found", async () => {
    const { organisation, cookie, first, source } = await seedTrust();
    const earlier = await createHousehold(db(), organisation.id, { name: "Earlier household" });
    await db().ownership.create({
      data: { organisationId: organisation.id, homeId: first.home.id, householdId: earlier.id, purchaseDate: "2015-04-01", purchasePriceCents: 12_000_000, saleDate: "2024-03-10", salePriceCents: 18_000_000 },
    });
    const page = await unwrap(await run(funderLoader, getRequest(`/reports/funding/${source.id}`, cookie), { fundingSourceId: source.id }));
    expect(page.status).toBe(200);
    const sections = (page.body as { sections: Section[] }).sections;
    // received 2012-05-15 + 30 years (no end date recorded) = 2042-05-15
    expect(sections[0]!.rows).toContainEqual(["Affordability period ends", "May 15, 2042"]);
    expect(sections[1]!.rows.map((r) => [r[3], r[4]])).toEqual([[first.household.name, "May 15, 2042"]]);
    expect(sections[2]!.rows.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      ["Earlier household", "Apr 1, 2015", "Mar 10, 2024", "$120,000.00", "Not certified"],
      [first.household.name, "Mar 10, 2024", "Owns it today", "$180,000.00", "28.82 %"],
    ]);

    const csv = await ((await run(funderCsvLoader, getRequest(`/reports/funding/${source.id}/report.csv`, cookie), { fundingSourceId: source.id })) as Response).text();
    expect(csv).toContain("Affordability period ends,\"May 15, 2042\"\r\n");
    expect(csv).toContain("Earlier household,");
    const pdf = (await run(funderPdfLoader, getRequest(`/reports/funding/${source.id}/report.pdf`, cookie), { fundingSourceId: source.id })) as Response;
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("Funder report: City of Winooski");
    expect(text).toContain("May 15, 2042");
    expect(text).toContain("Earlier household");
    expect(text).toContain("2 households served.");

    const other = await seedTrust();
    const foreign = await unwrap(await run(funderLoader, getRequest(`/reports/funding/${other.source.id}`, cookie), { fundingSourceId: other.source.id }));
    expect(foreign.status).toBe(404);
  });
});
