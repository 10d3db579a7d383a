import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  canonicalTimeZone,
  compareCalendarDates,
  daysBetween,
  formatLegalProse,
  formatScreenDate,
  withScreenDates,
  fullMonthsBetween,
  fullYearsBetween,
  isCalendarDate,
  parseCalendarDate,
  todayIn,
} from "./calendar-date";

describe("isCalendarDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["25-01-01", false],
    ["2025-1-01", false],
    [" 2025-01-01", false],
    ["1800-01-01", true],
    ["1799-12-31", false],
    ["2999-12-31", true],
    ["3000-01-01", false],
    ["9999-99-99", false],
  ])("%s → %s", (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it("parses into parts", () => {
    expect(parseCalendarDate("2034-01-15")).toEqual({ year: 2034, month: 1, day: 15 });
  });
});

describe("compareCalendarDates", () => {
  it.each([
    ["2025-01-01", "2025-01-02", -1],
    ["2025-01-02", "2025-01-01", 1],
    ["2025-06-01", "2025-06-01", 0],
    ["2024-12-31", "2025-01-01", -1],
  ])("%s vs %s → %i", (a, b, expected) => {
    expect(Math.sign(compareCalendarDates(a, b))).toBe(expected);
  });
});

describe("addDays", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2025-01-01", 365, "2026-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2000-01-01", 36525, "2100-01-01"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});

describe("addMonths and addYears (a missing day becomes the first of the next month)", () => {
  it.each([
    ["2025-01-15", 1, "2025-02-15"],
    ["2025-01-31", 1, "2025-03-01"],
    ["2024-01-31", 1, "2024-03-01"],
    ["2025-03-31", 1, "2025-05-01"],
    ["2025-12-31", 1, "2026-01-31"],
    ["2025-11-30", 3, "2026-03-01"],
    ["2025-03-31", -1, "2025-03-01"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-05-31", 6, "2025-12-01"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2026-01-31"],
    ["2020-02-29", 1, "2021-03-01"],
    ["2020-02-29", 4, "2024-02-29"],
    ["2024-02-29", 100, "2124-02-29"],
    ["2096-02-29", 4, "2100-03-01"],
    ["2025-12-31", 10, "2035-12-31"],
    ["2025-06-01", -1, "2024-06-01"],
  ])("%s + %i years = %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it("a month or year added is always complete by the full-months rule", () => {
    for (const date of ["2020-02-29", "2025-01-31", "2025-03-31", "2025-08-31", "2025-06-15", "2024-12-31"]) {
      for (const n of [1, 2, 5, 11, 12, 13, 48]) {
        expect(fullMonthsBetween(date, addMonths(date, n))).toBe(n);
        expect(fullYearsBetween(date, addYears(date, n))).toBe(n);
      }
    }
  });

  it("refuses to leave the year range", () => {
    expect(() => addYears("2990-01-01", 10)).toThrow(RangeError);
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
  });
});

describe("full months and full years between", () => {
  it.each([
    ["2024-01-15", "2024-02-15", 1, 0],
    ["2024-01-15", "2024-02-14", 0, 0],
    ["2024-01-31", "2024-02-29", 0, 0],
    ["2024-01-31", "2024-03-01", 1, 0],
    ["2020-02-29", "2021-02-28", 11, 0],
    ["2020-02-29", "2021-03-01", 12, 1],
    ["2020-02-29", "2024-02-29", 48, 4],
    ["2015-06-30", "2025-06-30", 120, 10],
    ["2015-06-30", "2025-06-29", 119, 9],
    ["2025-06-30", "2015-06-30", -120, -10],
    ["2025-06-01", "2025-06-01", 0, 0],
  ])("%s → %s: %i months, %i years", (from, to, months, years) => {
    expect(fullMonthsBetween(from, to)).toBe(months);
    expect(fullYearsBetween(from, to)).toBe(years);
  });
});

describe("formats", () => {
  it.each([
    ["2034-01-15", "January 15, 2034", "Jan 15, 2034"],
    ["2025-06-01", "June 1, 2025", "Jun 1, 2025"],
    ["2024-12-31", "December 31, 2024", "Dec 31, 2024"],
  ])("%s → %s / %s", (date, prose, screen) => {
    expect(formatLegalProse(date)).toBe(prose);
    expect(formatScreenDate(date)).toBe(screen);
  });

  it("prose refuses what is not a date; screens show a dash for nothing", () => {
    expect(() => formatLegalProse("2025-02-30")).toThrow(RangeError);
    expect(formatScreenDate(null)).toBe("—");
    expect(formatScreenDate("")).toBe("—");
  });
});

describe("time zones and today", () => {
  it.each([
    ["America/New_York", "America/New_York"],
    ["america/new_york", "America/New_York"],
    ["UTC", "UTC"],
    ["Pacific/Honolulu", "Pacific/Honolulu"],
    ["Mars/Olympus_Mons", null],
    ["EST", null],
    ["", null],
  ])("%s → %s", (name, expected) => {
    expect(canonicalTimeZone(name)).toBe(expected);
  });

  it.each([
    // 2025-06-01 02:30 UTC is still May 31 in New York (UTC−4) and Honolulu (UTC−10), already June 1 in London and Auckland
    ["2025-06-01T02:30:00Z", "America/New_York", "2025-05-31"],
    ["2025-06-01T02:30:00Z", "Pacific/Honolulu", "2025-05-31"],
    ["2025-06-01T02:30:00Z", "Europe/London", "2025-06-01"],
    ["2025-06-01T02:30:00Z", "UTC", "2025-06-01"],
    ["2025-06-01T12:00:00Z", "Pacific/Kiritimati", "2025-06-02"], // UTC+14
    ["2025-01-01T04:59:59Z", "America/New_York", "2024-12-31"],
    ["2025-01-01T05:00:00Z", "America/New_York", "2025-01-01"],
    ["2024-02-29T23:00:00Z", "America/Los_Angeles", "2024-02-29"],
  ])("at %s it is %s in %s", (instant, zone, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });
});

describe("withScreenDates", () => {
  it("writes each date inside a sentence as the screens do", () => {
    expect(withScreenDates("Lease fee due 2025-04-01")).toBe("Lease fee due Apr 1, 2025");
    expect(withScreenDates("Appraisal by Champlain Valley Appraisal, effective 2024-02-20, received 2024-03-05, at purchase")).toBe(
      "Appraisal by Champlain Valley Appraisal, effective Feb 20, 2024, received Mar 5, 2024, at purchase",
    );
    expect(withScreenDates("Opportunities Credit Union: $144,400.00 (2024-01-15)")).toBe("Opportunities Credit Union: $144,400.00 (Jan 15, 2024)");
  });
  it("leaves a payment reference, an impossible date and plain text as they are", () => {
    expect(withScreenDates("Payment · ACH · ACH-GL-2024-0001-2024-04-01")).toBe("Payment · ACH · ACH-GL-2024-0001-2024-04-01");
    expect(withScreenDates("due 2025-02-30")).toBe("due 2025-02-30");
    expect(withScreenDates("No dates here")).toBe("No dates here");
  });
});
