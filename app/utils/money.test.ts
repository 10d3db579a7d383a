import { describe, expect, it } from "vitest";
import {
  centsToDecimal,
  centsToString,
  Decimal,
  formatPercent,
  formatUsd,
  isDecimalString,
  parseDecimal,
  parseDollars,
  stringToCents,
  toCents,
  toMoneyString,
} from "./money";

describe("parseDollars", () => {
  it.each(["250000.00", "-3.5", "0", "0.1", "007.50"])("accepts %s", (text) => {
    expect(parseDollars(text).eq(new Decimal(text))).toBe(true);
  });

  it.each(["1e5", "1.", ".5", "+3", " 3", "3 ", "1,000.00", "0x10", "NaN", "Infinity", "", "--1"])("rejects %j", (text) => {
    expect(isDecimalString(text)).toBe(false);
    expect(() => parseDollars(text)).toThrow(/Not a plain decimal string/);
  });

  it("keeps every digit (no binary floating point)", () => {
    expect(parseDecimal("0.1").plus(parseDecimal("0.2")).toString()).toBe("0.3");
    expect(parseDecimal("12345678901234.99").toFixed(2)).toBe("12345678901234.99");
  });
});

describe("cents conversions", () => {
  it("converts integer cents to dollars and back", () => {
    expect(centsToDecimal(123450).toFixed(2)).toBe("1234.50");
    expect(centsToString(123450)).toBe("1234.50");
    expect(centsToString(5)).toBe("0.05");
    expect(centsToString(-5)).toBe("-0.05");
    expect(centsToString(0)).toBe("0.00");
    expect(centsToString(900719925474099n)).toBe("9007199254740.99");
    expect(toCents("1234.5")).toBe(123450);
    expect(toCents(new Decimal("0.005"))).toBe(1); // half-up
    expect(toCents("-0.001")).toBe(0);
    expect(Object.is(toCents("-0.001"), -0)).toBe(false);
    expect(stringToCents("250000.00")).toBe(25000000);
    expect(stringToCents("-3.5")).toBe(-350);
  });

  it("refuses non-integer cents and over-precise strings", () => {
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
    expect(() => centsToString(0.1)).toThrow(RangeError);
    expect(() => stringToCents("1.005")).toThrow();
  });

  it("round-trips every cent amount exactly", () => {
    for (const cents of [0, 1, 10, 99, 100, 101, 123456789, -1, -99999]) {
      expect(stringToCents(centsToString(cents))).toBe(cents);
      expect(toCents(centsToDecimal(cents))).toBe(cents);
    }
  });
});

describe("toMoneyString and formatUsd", () => {
  it.each([
    ["1234.5", "1234.50", "$1,234.50"],
    ["0", "0.00", "$0.00"],
    ["-3.5", "-3.50", "-$3.50"],
    ["-0.004", "0.00", "$0.00"],
    ["0.005", "0.01", "$0.01"],
    ["1234567.891", "1234567.89", "$1,234,567.89"],
    ["999.995", "1000.00", "$1,000.00"],
    ["100", "100.00", "$100.00"],
    ["000123.4", "123.40", "$123.40"],
  ])("%s → %s → %s", (input, money, usd) => {
    expect(toMoneyString(input)).toBe(money);
    expect(toMoneyString(new Decimal(input))).toBe(money);
    expect(formatUsd(input)).toBe(usd);
  });

  it("formats rates as percentages", () => {
    expect(formatPercent("0.015")).toBe("1.5%");
    expect(formatPercent("0.30")).toBe("30%");
    expect(formatPercent(new Decimal("0.0025"))).toBe("0.25%");
  });
});

describe("formatWholeUsd", () => {
  it("shows whole dollars, half up, grouped", async () => {
    const { formatWholeUsd } = await import("./money");
    expect(formatWholeUsd("186667.00")).toBe("$186,667");
    expect(formatWholeUsd("61500.5")).toBe("$61,501");
    expect(formatWholeUsd("61500.49")).toBe("$61,500");
    expect(formatWholeUsd("-3.5")).toBe("-$4");
    expect(formatWholeUsd("0")).toBe("$0");
  });
});

describe("formatDecimal", () => {
  it("separates thousands and keeps every stored digit", async () => {
    const { formatDecimal } = await import("./money");
    expect(["1234.5", "111900", "999", "1000", "-98000", "1234567.125", "0.5"].map(formatDecimal)).toEqual(["1,234.5", "111,900", "999", "1,000", "-98,000", "1,234,567.125", "0.5"]);
    // not a plain decimal: as it is
    expect(["", "n/a", "1,234.5"].map(formatDecimal)).toEqual(["", "n/a", "1,234.5"]);
  });
});

describe("rateToPercent", () => {
  it("shows a stored rate as the percent people type, exactly", async () => {
    const { rateToPercent } = await import("./money");
    expect(["0.015", "0.3", "0.0125", "0"].map(rateToPercent)).toEqual(["1.5", "30", "1.25", "0"]);
  });
});
