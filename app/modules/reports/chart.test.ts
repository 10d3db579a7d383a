import { describe, expect, it } from "vitest";
import { dollarsTickLabel, layoutBarChart, niceMax } from "./chart";

describe("bar chart layout", () => {
  it("rounds the axis up to 1, 2, 2.5 or 5 × a power of ten", () => {
    expect([0, 1, 3, 7, 83_000, 123_001].map(niceMax)).toEqual([1, 1, 5, 10, 100_000, 200_000]);
  });

  it("draws bars in proportion to their values, the tallest reaching the axis top when it is the top", () => {
    // plot area: y 22 (top) … 186 (baseline) for a 220-high chart
    const layout = layoutBarChart(
      [
        { label: "2024", value: 1, valueLabel: "1" },
        { label: "2025", value: 4, valueLabel: "4" },
      ],
      { wholeNumbers: true },
    );
    expect(layout.bars.map((b) => b.height)).toEqual([41, 164]);
    expect(layout.ticks.map((t) => t.label)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("keeps whole steps for counts and labels dollars in whole dollars", () => {
    const layout = layoutBarChart([{ label: "a", value: 5, valueLabel: "5" }], { wholeNumbers: true });
    expect(layout.ticks.map((t) => t.label)).toEqual(["0", "2", "4", "6", "8"]);
    expect(dollarsTickLabel(25_000)).toBe("$25,000");
  });

  it("has no bars for no figures, and a zero bar has no height", () => {
    expect(layoutBarChart([]).bars).toEqual([]);
    expect(layoutBarChart([{ label: "a", value: 0, valueLabel: "$0.00" }]).bars[0]!.height).toBe(0);
  });
});
