import { describe, expect, it } from "vitest";
import { currentAppraisal, resaleInputsFrom, type AppraisalRecord, type HomeInputs } from "./resale-inputs";

const appraisal = (id: string, effectiveDate: string | null, valueCents: number | null, extra: Partial<AppraisalRecord> = {}): AppraisalRecord => ({
  id,
  appraiser: "Green Mountain Appraisals",
  orderedOn: "2019-01-01",
  receivedOn: effectiveDate,
  effectiveDate,
  valueCents,
  improvementValueCents: null,
  source: `Report ${id}`,
  createdAt: `2026-01-01T00:00:0${id.length}.000Z`,
  ...extra,
});

const empty: HomeInputs = { appraisals: [], inspections: [], improvements: [], indexValues: [] };
const on = { purchaseDate: "2020-06-15", valuationDate: "2026-03-01" };

describe("resale inputs from a home's records", () => {
  it("nothing stored: no appraisals, no index, no improvements or deductions", () => {
    expect(resaleInputsFrom(empty, { ...on, indexName: "CPI-U" })).toEqual({ improvements: [], deductions: [], sources: [] });
  });

  it("takes the value at purchase on or before the purchase date, and the latest value by the valuation date", () => {
    const inputs: HomeInputs = {
      ...empty,
      appraisals: [
        appraisal("a", "2020-05-01", 24_000_000),
        appraisal("b", "2020-06-15", 25_000_000), // on the purchase date: the value at purchase
        appraisal("c", "2024-01-10", 30_000_000),
        appraisal("d", "2026-02-20", 33_500_000, { improvementValueCents: 1_200_000 }),
        appraisal("e", "2026-05-01", 36_000_000), // after the valuation date: not used while d exists
        appraisal("f", null, null, { receivedOn: null }), // ordered, not received
      ],
    };
    const result = resaleInputsFrom(inputs, on);
    expect(result.appraisals).toEqual({ atPurchase: "250000.00", current: "335000.00", improvementValue: "12000.00" });
    expect(result.sources.map((s) => [s.input, s.recordId])).toEqual([
      ["appraisals.atPurchase", "b"],
      ["appraisals.current", "d"],
      ["appraisals.improvementValue", "d"],
    ]);
    expect(result.sources[1]!.text).toBe("Appraisal by Green Mountain Appraisals, effective 2026-02-20, received 2026-02-20, Report d");
  });

  it("an appraisal ordered on the notice and effective after the valuation date is the current value when none is earlier", () => {
    const inputs: HomeInputs = { ...empty, appraisals: [appraisal("late", "2026-03-20", 34_000_000), appraisal("later", "2026-04-20", 35_000_000)] };
    expect(resaleInputsFrom(inputs, on).appraisals).toEqual({ current: "340000.00" });
    // an appraisal on the purchase date is never the current value
    expect(currentAppraisal([appraisal("p", "2020-06-15", 1)], on.purchaseDate, on.valuationDate)).toBeNull();
  });

  it("two reports effective the same day: the one recorded last wins", () => {
    const inputs: HomeInputs = {
      ...empty,
      appraisals: [
        appraisal("x", "2026-01-05", 31_000_000, { createdAt: "2026-01-06T10:00:00.000Z" }),
        appraisal("y", "2026-01-05", 31_500_000, { createdAt: "2026-01-07T10:00:00.000Z" }),
      ],
    };
    expect(resaleInputsFrom(inputs, on).appraisals?.current).toBe("315000.00");
  });

  it("index values of the formula's index (case and spaces ignored) as of each date", () => {
    const inputs: HomeInputs = {
      ...empty,
      indexValues: [
        { id: "1", indexName: "CPI-U", date: "2020-01-01", value: "257.971", source: "BLS" },
        { id: "2", indexName: "CPI-U", date: "2020-07-01", value: "259.101", source: "BLS" }, // after purchase
        { id: "3", indexName: "cpi-u ", date: "2026-01-01", value: "319.5", source: "" },
        { id: "4", indexName: "CPI-U", date: "2026-04-01", value: "321", source: "" }, // after valuation
        { id: "5", indexName: "HUD AMI", date: "2026-01-01", value: "999", source: "" },
      ],
    };
    const result = resaleInputsFrom(inputs, { ...on, indexName: "CPI-U" });
    expect(result.index).toEqual({ atPurchase: "257.971", current: "319.5" });
    expect(result.sources.map((s) => s.text)).toEqual(["CPI-U 257.971 on 2020-01-01, BLS", "cpi-u  319.5 on 2026-01-01"]);
    expect(resaleInputsFrom(inputs, on).index).toBeUndefined();
    expect(resaleInputsFrom(inputs, { ...on, indexName: "Wage index" }).index).toBeUndefined();
  });

  it("improvements completed since the purchase, oldest first, as approved; the latest inspection after purchase gives the deductions", () => {
    const improvement = (id: string, completedOn: string, costCents: number) => ({
      id,
      description: `Work ${id}`,
      costCents,
      completedOn,
      approvedOn: "2019-01-01",
      creditTerms: "",
      source: "",
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    const inspection = (id: string, inspectedOn: string, deductions: { description: string; amountCents: number }[]) => ({
      id,
      inspectedOn,
      inspector: "R. Inspector",
      source: "",
      deductions,
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    const inputs: HomeInputs = {
      ...empty,
      improvements: [improvement("roof", "2023-08-01", 1_850_000), improvement("old", "2020-06-14", 500_000), improvement("deck", "2020-06-15", 420_050)],
      inspections: [
        inspection("before", "2020-06-01", [{ description: "Old", amountCents: 1 }]),
        inspection("presale", "2026-03-10", [
          { description: "Broken window", amountCents: 45_000 },
          { description: "Carpet replacement", amountCents: 210_099 },
        ]),
        inspection("mid", "2024-01-01", [{ description: "Mid", amountCents: 2 }]),
      ],
    };
    const result = resaleInputsFrom(inputs, on);
    expect(result.improvements).toEqual([
      { description: "Work deck", cost: "4200.50", completedOn: "2020-06-15", approved: true },
      { description: "Work roof", cost: "18500.00", completedOn: "2023-08-01", approved: true },
    ]);
    expect(result.deductions).toEqual([
      { description: "Broken window", amount: "450.00" },
      { description: "Carpet replacement", amount: "2100.99" },
    ]);
    expect(result.sources.filter((s) => s.input === "deductions").map((s) => s.recordId)).toEqual(["presale"]);
  });
});
