import { describe, expect, it } from "vitest";
import { caseDeadlines, nextDeadline, optionState, type CaseProgress } from "./deadlines";

// notice 2026-03-02; price notice 30 days → 2026-04-01; option 90 days → 2026-05-31; closing 60 days after exercise
const base: CaseProgress = {
  status: "open",
  noticeDate: "2026-03-02",
  terms: { priceNoticeDays: 30, purchaseOptionDays: 90, closingDays: 60 },
  priceNoticeOn: null,
  optionDecision: null,
  optionDecidedOn: null,
  closingDate: null,
};
const summary = (progress: CaseProgress, today: string) => caseDeadlines(progress, today).map((d) => [d.key, d.due, d.state]);

describe("case deadlines from the lease's terms", () => {
  it("counts from the notice date, with due soon within 7 days and overdue after the day", () => {
    expect(summary(base, "2026-03-10")).toEqual([
      ["price-notice", "2026-04-01", "upcoming"],
      ["option", "2026-05-31", "upcoming"],
      ["may-market", "2026-06-01", "upcoming"],
    ]);
    expect(summary(base, "2026-03-24")[0]).toEqual(["price-notice", "2026-04-01", "upcoming"]); // 8 days ahead
    expect(summary(base, "2026-03-25")[0]).toEqual(["price-notice", "2026-04-01", "due-soon"]); // 7 days ahead
    expect(summary(base, "2026-04-01")[0]).toEqual(["price-notice", "2026-04-01", "due-soon"]); // the day itself
    expect(summary(base, "2026-04-02")[0]).toEqual(["price-notice", "2026-04-01", "overdue"]);
    expect(nextDeadline(caseDeadlines(base, "2026-04-02"))?.key).toBe("price-notice");
  });

  it("the option lapses the day after its deadline without a decision; the homeowner may then market the home", () => {
    const sent = { ...base, priceNoticeOn: "2026-03-20" };
    expect(optionState(sent, "2026-05-31")).toBe("open");
    expect(summary(sent, "2026-05-31").slice(1)).toEqual([
      ["option", "2026-05-31", "due-soon"],
      ["may-market", "2026-06-01", "upcoming"],
    ]);
    expect(optionState(sent, "2026-06-01")).toBe("lapsed");
    expect(summary(sent, "2026-06-01")).toEqual([
      ["price-notice", "2026-04-01", "met"],
      ["option", "2026-05-31", "lapsed"],
      ["may-market", "2026-06-01", "met"],
    ]);
    expect(nextDeadline(caseDeadlines(sent, "2026-06-01"))).toBeNull();
  });

  it("an exercised option sets the closing deadline; a waiver lets the homeowner market from that day", () => {
    const exercised = { ...base, priceNoticeOn: "2026-03-20", optionDecision: "exercised" as const, optionDecidedOn: "2026-04-15" };
    expect(summary(exercised, "2026-06-20")).toEqual([
      ["price-notice", "2026-04-01", "met"],
      ["option", "2026-05-31", "met"],
      ["closing", "2026-06-14", "overdue"],
    ]);
    expect(summary({ ...exercised, status: "closed", closingDate: "2026-06-10" }, "2026-06-20")[2]).toEqual(["closing", "2026-06-14", "met"]);
    const waived = { ...base, optionDecision: "waived" as const, optionDecidedOn: "2026-03-15" };
    expect(summary(waived, "2026-03-16").slice(1)).toEqual([
      ["option", "2026-05-31", "met"],
      ["may-market", "2026-03-15", "met"],
    ]);
  });

  it("a cancelled case keeps its dates but nothing is pending", () => {
    expect(summary({ ...base, status: "cancelled" }, "2026-07-01").map((d) => d[2])).toEqual(["not-applicable", "not-applicable", "not-applicable"]);
  });

  it("over a leap day and year end", () => {
    expect(summary({ ...base, noticeDate: "2027-12-15", terms: { priceNoticeDays: 30, purchaseOptionDays: 76, closingDays: 60 } }, "2027-12-20").slice(0, 2)).toEqual([
      ["price-notice", "2028-01-14", "upcoming"],
      ["option", "2028-02-29", "upcoming"],
    ]);
  });
});
