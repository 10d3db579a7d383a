import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageNumber } from "./page-number";

describe("pageNumber", () => {
  it("reads a whole page number", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
  });
  it.each(["99999999999999999999", "1e400", "-3", "0", "2.5", "abc", "", null, undefined, String(MAX_PAGE + 1)])("answers page 1 for %j", (value) => {
    expect(pageNumber(value)).toBe(1);
  });
});
