import { describe, expect, it } from "vitest";
import { DEFAULT_LEASE_TERMS, type LeaseTerms } from "~/modules/leases/terms";
import { feeChangeInPlainWords, plainLeaseTerms } from "./plain-terms";

const terms: LeaseTerms = { ...DEFAULT_LEASE_TERMS, monthlyFeeCents: 3500, feeEscalation: { kind: "fixed-percent", annualRate: "0.03" }, renewalTermYears: 99, riders: [] };

describe("plainLeaseTerms", () => {
  it("says the fee, late charge, term, renewal window, sale steps and cure periods in words", () => {
    const sentences = plainLeaseTerms({ terms, commencementDate: "2024-06-01", expirationDate: "2123-05-31", termYears: 99, formulaInWords: null });
    expect(sentences.map((s) => s.title)).toEqual(["Your monthly lease fee", "How long the lease lasts", "If you want to sell your home", "If something goes wrong"]);
    expect(sentences[0]!.text).toBe("$35.00 a month, due on day 1 of each month. If it is not paid within 10 days after that, a late charge of $10.00 is added. It goes up by 3% on each anniversary of the lease.");
    // renewal notice between 24 and 6 months before May 31, 2123
    expect(sentences[1]!.text).toBe("99 years, from Jun 1, 2024 to May 31, 2123. You may renew it for another 99 years: tell the trust in writing between May 31, 2121 and Nov 30, 2122.");
    expect(sentences[2]!.text).toContain("Within 30 days the trust tells you the most the home may sell for");
    expect(sentences[2]!.text).toContain("The trust has 90 days from your notice");
    expect(sentences[2]!.text).toContain("closes within 60 days.");
    expect(sentences[3]!.text).toBe(
      "If the trust sends you a written notice about money you owe, you have 30 days to pay it. For any other problem, you have 60 days after a written notice to put it right. If your mortgage lender says you are in default, the trust has 120 days to help put it right before the lender acts.",
    );
  });

  it("adds the formula in words when the lease has one, and a single day is singular", () => {
    const sentences = plainLeaseTerms({ terms: { ...terms, priceNoticeDays: 1 }, commencementDate: "2024-06-01", expirationDate: "2123-05-31", termYears: 99, formulaInWords: "The purchase price plus 2% a year." });
    expect(sentences[2]!.text).toContain("Within 1 day the trust");
    expect(sentences[2]!.text.endsWith("The formula: The purchase price plus 2% a year.")).toBe(true);
  });

  it("explains each way the fee can change", () => {
    expect(feeChangeInPlainWords({ kind: "none" })).toBe("It stays the same unless you and the trust sign a change to the lease.");
    expect(feeChangeInPlainWords({ kind: "index", cap: "0.05", indexName: "Consumer Price Index (CPI-U)" })).toBe(
      "On each anniversary of the lease it follows the Consumer Price Index (CPI-U), but never rises by more than 5% in one year.",
    );
  });
});
