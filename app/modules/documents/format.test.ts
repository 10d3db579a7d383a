import { describe, expect, it } from "vitest";
import { formatCents, formatLegalDate, formatMoney, joinNames, withLegalDates } from "./format";

describe("document text formatting", () => {
  it("writes a legal date in words, whatever the server's time zone", () => {
    expect(formatLegalDate("2025-01-01")).toBe("January 1, 2025");
    expect(formatLegalDate("2024-02-29")).toBe("February 29, 2024");
    expect(formatLegalDate("2123-12-31")).toBe("December 31, 2123");
  });

  it("writes every calendar date inside a text in words, and leaves what is not a date", () => {
    expect(withLegalDates("Lease fee due 2025-02-01")).toBe("Lease fee due February 1, 2025");
    expect(withLegalDates("completed on 2020-06-01, after the valuation date 2019-12-31")).toBe("completed on June 1, 2020, after the valuation date December 31, 2019");
    expect(withLegalDates("due 2025-02-30 (reference 12025-01-011)")).toBe("due 2025-02-30 (reference 12025-01-011)");
    expect(withLegalDates("no date here")).toBe("no date here");
  });

  it("writes integer cents as dollars with thousands separators", () => {
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(formatCents(-120050)).toBe("-$1,200.50");
    expect(formatCents(100000000)).toBe("$1,000,000.00");
    expect(() => formatCents(12.5)).toThrow(RangeError);
  });

  it("writes decimal strings as dollars, rounding half-up to the cent, and leaves other text as given", () => {
    expect(formatMoney("245000")).toBe("$245,000.00");
    expect(formatMoney(" 245000.5 ")).toBe("$245,000.50");
    expect(formatMoney("-1200.5")).toBe("-$1,200.50");
    expect(formatMoney("0.005")).toBe("$0.01");
    expect(formatMoney("-0.001")).toBe("$0.00");
    expect(formatMoney("1.235")).toBe("$1.24");
    expect(formatMoney("see Exhibit C")).toBe("see Exhibit C");
  });

  it("joins names the way a deed lists parties", () => {
    expect(joinNames([])).toBe("");
    expect(joinNames(["Ana Ruiz"])).toBe("Ana Ruiz");
    expect(joinNames(["Ana Ruiz", "Łukasz Ščerba"])).toBe("Ana Ruiz and Łukasz Ščerba");
    expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
  });
});
