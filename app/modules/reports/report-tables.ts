import { FUNDING_PROGRAM_LABELS, HOME_TYPE_LABELS } from "~/modules/parcels/schemas";
import { AGING_BUCKETS, AGING_LABELS } from "~/modules/lease-fees/rules";
import { formatScreenDate } from "~/utils/calendar-date";
import { centsToString, formatUsd, formatWholeUsd } from "~/utils/money";
import type { Bar } from "./chart";
import type { FunderReport } from "./reports.server";
import { PRESERVED_LABELS, type PeriodReport } from "./period-report";

/**
 * The report's sections as the page, the CSV and the PDF show them — one set of titles, columns and formatted
 * cells, so the three never disagree. Each section has its chart's bars (drawn as SVG on the page and with the
 * PDF toolkit in the PDF) and its table. Pure.
 */
export type ReportSection = {
  id: string;
  title: string;
  /** One sentence on what is counted. */
  note: string;
  chart: { title: string; bars: Bar[]; unit: "count" | "dollars" } | null;
  headers: string[];
  rows: string[][];
  /** Right-aligned columns (figures). */
  numeric: number[];
  summary: string[];
};

const usd = (cents: number) => formatUsd(centsToString(cents));
const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function periodReportSections(report: PeriodReport): ReportSection[] {
  const { ami, resaleSummary, arrears } = report;
  return [
    {
      id: "households",
      title: "Households served by year",
      note: "Each purchase of a home is one household served; purchases dated in the period, by calendar year.",
      chart: { title: "Households served by year", unit: "count", bars: report.householdsByYear.map((y) => ({ label: String(y.year), value: y.households, valueLabel: String(y.households) })) },
      headers: ["Year", "Households served", "Average purchase price"],
      rows: report.householdsByYear.map((y) => [String(y.year), String(y.households), y.averagePriceDollars === null ? "—" : formatWholeUsd(y.averagePriceDollars)]),
      numeric: [1, 2],
      summary: [
        `${count(report.householdsServed, "household", "households")} served in the period`,
        `average purchase price ${report.averagePurchasePriceDollars === null ? "—" : formatWholeUsd(report.averagePurchasePriceDollars)}`,
      ],
    },
    {
      id: "ami",
      title: "Households served by % of area median income",
      note: "The household's latest income certification on or before its purchase, in HUD-9902 bands.",
      chart: { title: "Households served by % AMI at purchase", unit: "count", bars: ami.bands.map((b) => ({ label: `${b.band} AMI`, value: b.households, valueLabel: String(b.households) })) },
      headers: ["Income at purchase", "Households"],
      rows: [...ami.bands.map((b) => [`${b.band} AMI`, String(b.households)]), ...(ami.uncertified ? [["No certification before the purchase", String(ami.uncertified)]] : [])],
      numeric: [1],
      summary: [`average ${ami.averagePercentAmi === null ? "—" : `${ami.averagePercentAmi} % AMI`} (${count(ami.certified, "certified household", "certified households")})`],
    },
    {
      id: "resales",
      title: "Resales: affordability preserved and subsidy retained",
      note: "Resale and transfer cases closed in the period, with the outcome measures stored at the closing. Affordability is preserved when the income needed to buy, as % AMI, is not above what it was at the previous sale.",
      chart: {
        title: "Subsidy retained at each resale",
        unit: "dollars",
        bars: report.resales
          .filter((r) => r.subsidyRetained !== null)
          .map((r) => ({ label: formatScreenDate(r.closingDate), value: Number(r.subsidyRetained), valueLabel: formatWholeUsd(r.subsidyRetained!) })),
      },
      headers: ["Home", "Closed", "Price", "% AMI needed (this sale)", "% AMI needed (previous sale)", "Affordability preserved", "Subsidy retained"],
      rows: report.resales.map((r) => [
        r.home,
        formatScreenDate(r.closingDate),
        r.priceCents === null ? "—" : usd(r.priceCents),
        r.outcomes?.percentAmiNeeded.atThisSale ? `${r.outcomes.percentAmiNeeded.atThisSale} %` : "—",
        r.outcomes?.percentAmiNeeded.atPreviousSale ? `${r.outcomes.percentAmiNeeded.atPreviousSale} %` : "—",
        PRESERVED_LABELS[r.preserved],
        r.subsidyRetained === null ? "—" : formatUsd(r.subsidyRetained),
      ]),
      numeric: [2, 3, 4, 6],
      summary: [
        `${count(resaleSummary.closed, "resale", "resales")} closed`,
        `affordability preserved in ${resaleSummary.preserved}, not in ${resaleSummary.notPreserved}`,
        `subsidy retained ${resaleSummary.subsidyRetainedTotal === null ? "—" : formatWholeUsd(resaleSummary.subsidyRetainedTotal)} in all, ${resaleSummary.averageSubsidyRetainedDollars === null ? "—" : formatWholeUsd(resaleSummary.averageSubsidyRetainedDollars)} on average`,
      ],
    },
    {
      id: "arrears",
      title: `Lease-fee arrears on ${formatScreenDate(arrears.asOf)}`,
      note: "What each lease owes by how long it has been due (the ledger's aging); payments settle the oldest charges first.",
      chart: { title: "Lease fees owed by age", unit: "dollars", bars: AGING_BUCKETS.map((b) => ({ label: AGING_LABELS[b], value: arrears.totals[b] / 100, valueLabel: usd(arrears.totals[b]) })) },
      headers: ["Ground lease", "Household", "Home", "Owed", ...AGING_BUCKETS.map((b) => AGING_LABELS[b])],
      rows: arrears.rows.map((r) => [r.reference, r.householdName, r.homeLabel, usd(AGING_BUCKETS.reduce((sum, b) => sum + r.aging[b], 0)), ...AGING_BUCKETS.map((b) => usd(r.aging[b]))]),
      numeric: [3, 4, 5, 6, 7, 8],
      summary: [`${count(arrears.rows.length, "lease owes", "leases owe")} ${usd(arrears.owedCents)}, of which ${usd(arrears.pastDueCents)} is past due`],
    },
  ];
}

export function funderReportSections(report: FunderReport, today: string): ReportSection[] {
  const ends = report.source.affordabilityEnds;
  return [
    {
      id: "source",
      title: "Funding source",
      note: ends.basis === "computed" ? "The affordability period's end is the date received plus its years (no end date is recorded)." : "",
      chart: null,
      headers: ["Detail", "As recorded"],
      rows: [
        ["Funder", report.source.funder],
        ["Program", FUNDING_PROGRAM_LABELS[report.source.program as keyof typeof FUNDING_PROGRAM_LABELS] ?? report.source.program],
        ["Amount", usd(report.source.amountCents)],
        ["Received", formatScreenDate(report.source.receivedOn)],
        ["Affordability period", report.source.affordabilityYears ? `${report.source.affordabilityYears} years` : "—"],
        ["Affordability period ends", ends.date ? `${formatScreenDate(ends.date)}${ends.date < today ? " (ended)" : ""}` : "Not recorded"],
        ["Land", `${report.parcel.streetAddress}${report.parcel.city ? `, ${report.parcel.city}` : ""} (APN ${report.parcel.parcelNumber})`],
      ],
      numeric: [],
      summary: [],
    },
    {
      id: "homes",
      title: "Homes",
      note: "The homes on the land this source paid for.",
      chart: null,
      headers: ["Home", "Type", "Bedrooms", "Homeowner today", "Affordability period ends"],
      rows: report.homes.map((h) => [
        h.name + (h.archived ? " (archived)" : ""),
        HOME_TYPE_LABELS[h.homeType as keyof typeof HOME_TYPE_LABELS] ?? h.homeType,
        String(h.bedrooms),
        h.currentOwner ?? "—",
        ends.date ? formatScreenDate(ends.date) : "Not recorded",
      ]),
      numeric: [2],
      summary: [count(report.homes.length, "home", "homes")],
    },
    {
      id: "households",
      title: "Households served",
      note: "Every household that bought one of these homes, with its % AMI at purchase (the latest certification on or before it).",
      chart: null,
      headers: ["Household", "Home", "Purchased", "Sold", "Price", "% AMI at purchase"],
      rows: report.households.map((h) => [
        h.household,
        h.home,
        formatScreenDate(h.purchaseDate),
        h.saleDate ? formatScreenDate(h.saleDate) : "Owns it today",
        usd(h.purchasePriceCents),
        h.percentAmi ? `${h.percentAmi} %` : "Not certified",
      ]),
      numeric: [4, 5],
      summary: [count(report.households.length, "household served", "households served")],
    },
  ];
}
