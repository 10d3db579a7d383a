import { describe, expect, it } from "vitest";
import { DEFAULT_LEASE_TERMS, leaseTermsOn, monthsBefore, renewalNoticeWindow, termsAsSigned, validateTimedTerms, type LeaseTerms } from "./terms";

const signed: LeaseTerms = { ...DEFAULT_LEASE_TERMS, monthlyFeeCents: 3500, feeEscalation: { kind: "none" }, renewalTermYears: 99, riders: [] };

const amendment = (effectiveDate: string, createdAt: string, before: Record<string, unknown>, after: Record<string, unknown>, appliedToLease = false) => ({
  effectiveDate,
  createdAt: new Date(createdAt),
  changes: { before, after },
  appliedToLease,
});

describe("leaseTermsOn", () => {
  // recorded out of date order: the 2030 change first, then the 2028 one
  const later = amendment("2030-01-01", "2026-02-01T10:00:00Z", { monthlyFeeCents: 4000 }, { monthlyFeeCents: 5000 });
  const earlier = amendment("2028-01-01", "2026-03-01T10:00:00Z", { monthlyFeeCents: 3500, graceDays: 10 }, { monthlyFeeCents: 4000, graceDays: 15 });

  it("gives the terms as signed before any amendment takes effect", () => {
    expect(leaseTermsOn(signed, [later, earlier], "2027-12-31")).toEqual(signed);
  });

  it("applies amendments in effective-date order, each from its date, changing only what it names", () => {
    expect(leaseTermsOn(signed, [later, earlier], "2028-01-01")).toMatchObject({ monthlyFeeCents: 4000, graceDays: 15, lenderCureDays: 120 });
    expect(leaseTermsOn(signed, [later, earlier], "2029-12-31")).toMatchObject({ monthlyFeeCents: 4000, graceDays: 15 });
    expect(leaseTermsOn(signed, [later, earlier], "2030-01-01")).toMatchObject({ monthlyFeeCents: 5000, graceDays: 15 });
  });

  it("orders amendments with the same effective date by when they were recorded", () => {
    const first = amendment("2028-01-01", "2026-01-01T00:00:00Z", {}, { lateChargeCents: 2000 });
    const second = amendment("2028-01-01", "2026-01-02T00:00:00Z", {}, { lateChargeCents: 2500 });
    expect(leaseTermsOn(signed, [second, first], "2028-06-01").lateChargeCents).toBe(2500);
  });

  it("undoes legacy amendments written into the lease row to find the terms as signed", () => {
    // the row already holds 4500 (a legacy amendment effective 2029 changed 3500 → 4500)
    const row = { ...signed, monthlyFeeCents: 4500 };
    const legacy = amendment("2029-01-01", "2025-06-01T00:00:00Z", { monthlyFeeCents: 3500 }, { monthlyFeeCents: 4500 }, true);
    expect(termsAsSigned(row, [legacy]).monthlyFeeCents).toBe(3500);
    expect(leaseTermsOn(row, [legacy], "2028-12-31").monthlyFeeCents).toBe(3500);
    expect(leaseTermsOn(row, [legacy], "2029-01-01").monthlyFeeCents).toBe(4500);
  });

  it("ignores keys that are not terms (an added permitted mortgage)", () => {
    const withMortgage = amendment("2028-01-01", "2026-01-01T00:00:00Z", {}, { addedPermittedMortgage: { lender: "Bank", amountCents: 1, recordedOn: "2028-01-01" } });
    expect(leaseTermsOn(signed, [withMortgage], "2029-01-01")).toEqual(signed);
  });

  it("refuses a date that is not on the calendar", () => {
    expect(() => leaseTermsOn(signed, [], "2027-02-29")).toThrow(/calendar date/);
  });
});

describe("validateTimedTerms", () => {
  it("accepts the defaults", () => {
    expect(validateTimedTerms(DEFAULT_LEASE_TERMS)).toEqual([]);
  });
  it("names each field out of range, and a renewal window that closes before it opens", () => {
    const errors = validateTimedTerms({ ...DEFAULT_LEASE_TERMS, feeDueDay: 31, monetaryCureDays: 0, lateChargeCents: -1, renewalNoticeEarliestMonths: 6, renewalNoticeLatestMonths: 12 });
    expect(errors.map((e) => e.field).sort()).toEqual(["feeDueDay", "lateChargeCents", "monetaryCureDays", "renewalNoticeLatestMonths"]);
    expect(errors.find((e) => e.field === "feeDueDay")?.message).toBe("Fee due day of the month must be between 1 and 28.");
  });
});

describe("renewal notice window", () => {
  it("opens and closes the given months before expiration; a day the month lacks becomes its last day", () => {
    expect(renewalNoticeWindow("2123-12-31", DEFAULT_LEASE_TERMS)).toEqual({ opens: "2121-12-31", closes: "2123-06-30" });
    expect(monthsBefore("2124-08-31", 6)).toBe("2124-02-29");
    expect(monthsBefore("2025-03-31", 1)).toBe("2025-02-28");
    expect(monthsBefore("2025-01-15", 13)).toBe("2023-12-15");
  });
});
