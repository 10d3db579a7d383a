import { describe, expect, it } from "vitest";
import { affordabilityPeriodEnd } from "./funder";

describe("the affordability period's end", () => {
  it("is the recorded end date when there is one", () => {
    expect(affordabilityPeriodEnd({ restrictionEndDate: "2039-08-14", receivedOn: "2009-08-14", affordabilityYears: 99 })).toEqual({ date: "2039-08-14", basis: "recorded" });
  });
  it("else the anniversary of the money received after its years (29 February → 1 March)", () => {
    expect(affordabilityPeriodEnd({ restrictionEndDate: null, receivedOn: "2012-05-15", affordabilityYears: 30 })).toEqual({ date: "2042-05-15", basis: "computed" });
    expect(affordabilityPeriodEnd({ restrictionEndDate: null, receivedOn: "2016-02-29", affordabilityYears: 15 })).toEqual({ date: "2031-03-01", basis: "computed" });
  });
  it("is not known without either", () => {
    expect(affordabilityPeriodEnd({ restrictionEndDate: null, receivedOn: null, affordabilityYears: 30 })).toEqual({ date: null, basis: "unknown" });
    expect(affordabilityPeriodEnd({ restrictionEndDate: null, receivedOn: "2012-05-15", affordabilityYears: null })).toEqual({ date: null, basis: "unknown" });
  });
});
