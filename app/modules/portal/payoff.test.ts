import { describe, expect, it } from "vitest";
import { parsePayoff } from "./payoff";

describe("parsePayoff", () => {
  it.each([
    ["", null],
    [null, null],
    ["152300.50", 15_230_050],
    ["$152,300.5", 15_230_050],
    [" 98000 ", 9_800_000],
    ["0.07", 7],
  ])("reads %j as %j cents", (text, cents) => {
    expect(parsePayoff(text)).toEqual({ ok: true, cents });
  });

  it.each(["lots", "-5", "1.234", "12,34,5.0.0", "99999999999"])("refuses %j in plain words", (text) => {
    expect(parsePayoff(text)).toMatchObject({ ok: false, message: expect.stringMatching(/Enter the payoff in dollars and cents/) });
  });
});
