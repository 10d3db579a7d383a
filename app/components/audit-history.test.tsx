import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditHistory, type AuditHistoryEntry } from "./audit-history";

const entry = (entity: string, changes: unknown): AuditHistoryEntry => ({ id: entity, createdAt: "2026-03-02T15:00:00.000Z", actorLabel: "Dana Okafor", action: "update", entity, changes });

/** The page's text without tags, so a phrase split by <strong> reads as people read it. */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");

// A history shows a stored choice in the words of the form that set it, never the stored code ("Program: city").
describe("audit history says stored choices in the forms' words", () => {
  it("funding program, home type, lease status and fee escalation, household members, a transfer's notice", () => {
    const html = text(
      renderToStaticMarkup(
        <AuditHistory
          entries={[
            entry("FundingSource", { before: { program: "state" }, after: { program: "city" } }),
            entry("Home", { before: null, after: { homeType: "single_family" } }),
            entry("Lease", { before: { status: "executed" }, after: { status: "recorded" } }),
            entry("Lease", { before: null, after: { feeEscalation: { kind: "fixed-percent", annualRate: "0.03" } } }),
            entry("Household", { before: null, after: { ethnicity: "not-hispanic", members: ["José Núñez (head)", "María Núñez (spouse-partner)"] } }),
            entry("IncomeCertification", { before: null, after: { incomeItems: [{ source: "self-employment", amountCents: 1_000_000 }] } }),
            entry("TransferCase", { before: null, after: { kind: "trust-sale", noticeMethod: "hand-delivery" } }),
            entry("InterestedBuyer", { before: { status: "waiting" }, after: { status: "offered" } }),
            entry("LeaseFeeEntry", { before: null, after: { kind: "late-charge", date: "2025-02-12", amount: "10.00" } }),
          ]}
        />,
      ),
    );
    expect(html).toContain("Program: State → City");
    expect(html).toContain("Home type: Single-family house");
    expect(html).toContain("Status: Executed (signed) → Recorded with the county");
    expect(html).toContain("Fee escalation: kind Fixed percent per year, annual rate 3%");
    expect(html).toContain("Ethnicity: Not Hispanic or Latino");
    expect(html).toContain("Members: José Núñez (head of household); María Núñez (spouse or partner)");
    expect(html).toContain("Income items: source Self-employment, amount $10,000.00");
    expect(html).toContain("Kind: Sale by the trust");
    expect(html).toContain("Notice method: By hand");
    expect(html).toContain("Status: Waiting → Offered a home");
    expect(html).toContain("Kind: Late charge");
  });

  it("leaves a value of a record without choices, or not one of them, as stored", () => {
    const html = text(renderToStaticMarkup(<AuditHistory entries={[entry("DuesPayment", { before: null, after: { kind: "paid" } }), entry("FundingSource", { before: null, after: { program: "Neighbourhood fund" } })]} />));
    expect(html).toContain("Kind: paid");
    expect(html).toContain("Program: Neighbourhood fund");
  });
});
