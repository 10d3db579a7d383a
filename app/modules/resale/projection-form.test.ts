import { describe, expect, it } from "vitest";
import { parseProjectionForm } from "./projection-form";

describe("parseProjectionForm", () => {
  const form = {
    purchasePrice: "180,000",
    purchaseDate: "2015-06-01",
    valuationDate: "2025-06-01",
    appraisalAtPurchase: "",
    appraisalCurrent: "400000",
    indexAtPurchase: "",
    indexCurrent: "",
    years: "10",
    marketGrowth: "3",
    amiGrowth: "-1",
    indexGrowth: "2.5",
    interestRate: "6.5",
    targetPercentAmi: "80",
    householdSize: "3",
    presetIds: [],
  };
  it("reads percents and amounts", () => {
    const parsed = parseProjectionForm(form);
    expect(parsed).toMatchObject({ ok: true, value: { base: { purchase: { price: "180000.00" }, appraisals: { current: "400000.00" } }, marketGrowth: "0.03", amiGrowth: "-0.01", years: 10 } });
  });
  it("explains each bad field", () => {
    const parsed = parseProjectionForm({ ...form, years: "0", valuationDate: "2014-01-01", marketGrowth: "80", householdSize: "x" });
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(["householdSize", "marketGrowth", "valuationDate", "years"]);
  });
});
