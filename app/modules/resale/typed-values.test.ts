import { describe, expect, it } from "vitest";
import { percentToRate, typedDollars } from "./typed-values";

describe("typed values", () => {
  it.each([
    ["$250,000", "250000.00"],
    ["1,234.5", "1234.50"],
    ["12.345", "12.345"],
    ["lots", "lots"],
  ])("typedDollars(%s) = %s", (typed, expected) => expect(typedDollars(typed)).toBe(expected));

  it("reads percents as fractions", () => {
    expect(percentToRate("1.5")).toBe("0.015");
    expect(percentToRate("30 %")).toBe("0.3");
    expect(percentToRate("abc")).toBe("abc");
  });
});
