/**
 * An illustrative lease document for tests, the benchmark and demo data. The names, parcel and figures are
 * invented; the worked example's numbers are consistent with the fixed-rate formula it describes
 * (P0 · (1 + 0.02 · 10) on a $185,000 purchase price).
 */
import { DEFAULT_LEASE_TEMPLATE, DEFAULT_LEASE_TEMPLATE_VERSION_LABEL } from "./default-template";
import type { LeaseDocumentData } from "./document-pdf.server";
import { DEFAULT_LEASE_TERMS } from "./terms";

export function sampleLeaseDocumentData(overrides: Partial<LeaseDocumentData> = {}): LeaseDocumentData {
  return {
    organisation: {
      name: "Riverbend Community Land Trust",
      address: "410 Commons Avenue, Suite 2\nRiverbend, OR 97401",
      state: "Oregon",
      stateLegalName: "State of Oregon",
      county: "Lane",
      signatory: { name: "Maria Okafor", title: "Executive Director" },
    },
    leaseReference: "GL-2025-0007",
    status: "executed",
    documentDate: "2025-01-01",
    lessees: ["Łukasz Ščerba", "José Núñez"],
    property: {
      address: "1187 Alder Street, Riverbend, OR 97402",
      parcelNumber: "17-03-32-41-04500",
      legalDescription:
        "Lot 14, Block 3, ALDER GROVE ADDITION, as platted and recorded in Book 41, Page 17, Lane County Plat Records, " +
        "in Lane County, Oregon.\n" +
        "EXCEPTING THEREFROM the Westerly 5.00 feet conveyed to the City of Riverbend for street purposes by deed " +
        "recorded March 3, 1961, in Reel 204, Instrument No. 61-01187, Lane County Official Records.\n" +
        "TOGETHER WITH a non-exclusive easement for ingress, egress and utilities over the Southerly 10.00 feet of " +
        "Lot 15 of said Block 3, as described in instrument recorded June 9, 1998, as Document No. 98-044812.",
    },
    commencementDate: "2025-01-01",
    expirationDate: "2123-12-31",
    termYears: 99,
    renewalTermYears: 99,
    fee: {
      monthlyFeeCents: 3500,
      escalation: { kind: "fixed-percent", annualRate: "0.03" },
    },
    permittedMortgages: [{ lender: "Willamette Valley Credit Union", amount: "166500.00", date: "2024-12-20" }],
    riders: ["Fannie Mae CLT Ground Lease Rider"],
    terms: { ...DEFAULT_LEASE_TERMS },
    template: { content: DEFAULT_LEASE_TEMPLATE, versionLabel: DEFAULT_LEASE_TEMPLATE_VERSION_LABEL },
    resale: {
      formulaInWords:
        "the Formula Price equals the price the Homeowner paid for the Home (the Purchase Price), increased by two " +
        "percent (2%) of the Purchase Price for each full year from the date of purchase to the date of the notice " +
        "of intent to sell (simple, not compounded), plus credits for capital improvements approved in advance by " +
        "the Trust, but never more than the appraised market value of the Home at the time of sale.",
      workedExample: {
        description:
          "Illustration for this Lease: the Homeowner bought the Home for $185,000.00 and gives notice of intent to sell " +
          "after 10 full years, with no approved capital improvements, when the Home is appraised at $310,000.00.",
        lines: [
          { label: "Purchase Price (P0)", amount: "185000.00", explanation: "Price paid by the Homeowner at purchase." },
          { label: "Years owned (t)", amount: "10 years", explanation: "Full years from purchase to notice of intent to sell." },
          { label: "Appreciation allowed", amount: "37000.00", explanation: "$185,000.00 × 2% × 10 years, simple interest." },
          { label: "Capital improvement credits", amount: "0.00", explanation: "No improvements approved by the Trust." },
          { label: "Formula result", amount: "222000.00", explanation: "$185,000.00 + $37,000.00 + $0.00." },
          { label: "Market value cap", amount: "310000.00", explanation: "Appraised market value; the lower figure applies." },
        ],
        maxResalePrice: "222000.00",
      },
    },
    ...overrides,
  };
}
