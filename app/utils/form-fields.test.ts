import { describe, expect, it } from "vitest";
import { isCalendarDate } from "./calendar-date";
import { legalDate, money } from "./form-fields";

describe("form fields", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["25-01-01", false],
  ])("calendar date %s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it("parses typed money into exact cents", () => {
    expect(money().parse("$250,000")).toBe(25_000_000);
    expect(money().parse("1,234.50")).toBe(123_450);
    expect(money().parse("0.10")).toBe(10);
  });

  it("refuses negative, malformed and oversized amounts with a message", () => {
    expect(money().safeParse("-5").error?.issues[0]?.message).toBe("The amount cannot be negative");
    expect(money().safeParse("12.345").error?.issues[0]?.message).toMatch(/Enter an amount in dollars/);
    expect(money().safeParse("abc").success).toBe(false);
    expect(money().safeParse("1,000,000,000,000").error?.issues[0]?.message).toBe("The amount is too large (at most $999,999,999,999.99)");
    expect(money().safeParse("123456789012345678901234567890").error?.issues[0]?.message).toMatch(/too large/);
    expect(money("fee", { allowNegative: true }).safeParse("-99999999999999999999.99").error?.issues[0]?.message).toMatch(/too large/);
  });

  it("takes any real amount up to $999,999,999,999.99, exactly", () => {
    expect(money().parse("$999,999,999,999.99")).toBe(99_999_999_999_999);
    expect(money().parse("21,474,836.48")).toBe(2_147_483_648);
  });

  it("explains a date that does not exist", () => {
    expect(legalDate().safeParse("2023-02-30").error?.issues[0]?.message).toBe("This date does not exist on the calendar");
    expect(legalDate().safeParse("06/01/2025").error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});
