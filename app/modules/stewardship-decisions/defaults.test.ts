import { describe, expect, it } from "vitest";
import { cureDeadline, defaultStanding, lenderCureDeadline } from "./defaults";

const terms = { monetaryCureDays: 30, nonMonetaryCureDays: 60, lenderCureDays: 120 };

describe("defaults and cure", () => {
  it("a monetary default's cure ends 30 days after the notice, a non-monetary one 60 days after (the lease's own days)", () => {
    expect(cureDeadline("monetary", "2026-11-02", terms)).toEqual({ cureDays: 30, deadline: "2026-12-02" });
    expect(cureDeadline("non-monetary", "2026-11-02", terms)).toEqual({ cureDays: 60, deadline: "2027-01-01" });
    // a lease signed with 45 days for other defaults
    expect(cureDeadline("non-monetary", "2028-02-01", { ...terms, nonMonetaryCureDays: 45 })).toEqual({ cureDays: 45, deadline: "2028-03-17" });
  });

  it("the trust's cure window runs 120 days from receiving the lender's notice (over a leap day)", () => {
    expect(lenderCureDeadline("2028-01-15", terms)).toEqual({ lenderCureDays: 120, deadline: "2028-05-14" });
  });

  it("states the days left, then that the cure period has passed; a cured default says when", () => {
    const record = { status: "open" as const, curedOn: null, cureDeadline: "2026-12-02", lenderCureDeadline: null, foreclosureSaleDate: null };
    expect(defaultStanding(record, "2026-11-30").label).toBe("In the cure period: 2 days left (to 2026-12-02)");
    expect(defaultStanding(record, "2026-12-02").label).toBe("In the cure period: 0 days left (to 2026-12-02)");
    expect(defaultStanding(record, "2026-12-03").label).toBe("Not cured: the cure period ended on 2026-12-02");
    expect(defaultStanding({ ...record, status: "cured", curedOn: "2026-11-20" }, "2026-12-03").label).toBe("Cured on 2026-11-20");
  });

  it("after a lender's notice shows the trust's cure window and the purchase option until the foreclosure sale", () => {
    const record = { status: "open" as const, curedOn: null, cureDeadline: "2026-12-02", lenderCureDeadline: "2027-05-01", foreclosureSaleDate: "2027-08-15" };
    expect(defaultStanding(record, "2027-05-02").deadlines).toEqual([
      { label: "Homeowner's cure period ends", date: "2026-12-02", state: "passed" },
      { label: "Trust's cure window after the lender's notice ends", date: "2027-05-01", state: "passed" },
      { label: "Trust's option to purchase before foreclosure: until the foreclosure sale", date: "2027-08-15", state: "open" },
    ]);
  });
});
