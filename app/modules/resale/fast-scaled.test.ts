import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "~/utils/money";
import { add, compare, decimalPlaces, div, hasMoreDecimalsThan, mul, mulInt, parseScaled, roundToPlaces, type Scaled, sub, toFixedDown } from "./fast-scaled";

/** The plain decimal string of a Scaled value, normalised like Decimal#toFixed(). */
function text(a: Scaled): string {
  const negative = a.c < 0n;
  const digits = (negative ? -a.c : a.c).toString();
  const plain =
    a.s <= 0 ? digits + "0".repeat(-a.s) : `${digits.padStart(a.s + 1, "0").slice(0, -a.s)}.${digits.padStart(a.s + 1, "0").slice(-a.s)}`;
  return new Decimal(`${negative ? "-" : ""}${plain}`).toFixed(); // the constructor does not round
}
const same = (a: Scaled, d: Decimal) => expect(text(a)).toBe(d.toFixed());

/** Plain decimal strings from 1 to ~70 significant digits, with 0–60 decimals, either sign. */
const decimalText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,34}$/), fc.stringMatching(/^[0-9]{0,35}$/), fc.integer({ min: 0, max: 60 }))
  .map(([negative, head, tail, places]) => {
    const digits = head + tail;
    const padded = digits.padStart(places + 1, "0");
    const whole = padded.slice(0, padded.length - places);
    const fraction = padded.slice(padded.length - places);
    return `${negative ? "-" : ""}${whole}${places > 0 ? `.${fraction}` : ""}`;
  });
/** Money-like operands: cents amounts, rates, index values and 50-digit quotients. */
const domainText = fc.oneof(
  decimalText,
  fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }).map((c) => new Decimal(c).div(100).toFixed()),
  fc.integer({ min: 1, max: 2500 }).map((bp) => new Decimal(bp).div(10000).toFixed()),
  fc.tuple(fc.integer({ min: 1, max: 9_000_000 }), fc.integer({ min: 1, max: 99_999 })).map(([a, b]) => new Decimal(a).div(b).toFixed()),
);

describe("scaled BigInt arithmetic matches decimal.js (precision 50, half-up)", () => {
  const runs = { numRuns: 3000 };
  it("plus, minus, times", () => {
    fc.assert(
      fc.property(domainText, domainText, (x, y) => {
        const a = parseScaled(x);
        const b = parseScaled(y);
        same(add(a, b), new Decimal(x).plus(y));
        same(sub(a, b), new Decimal(x).minus(y));
        same(mul(a, b), new Decimal(x).times(y));
      }),
      runs,
    );
  });

  it("div, and times by a whole number", () => {
    fc.assert(
      fc.property(domainText, domainText, fc.integer({ min: 0, max: 1200 }), (x, y, n) => {
        fc.pre(!new Decimal(y).isZero());
        same(div(parseScaled(x), parseScaled(y)), new Decimal(x).div(y));
        same(mulInt(parseScaled(x), n), new Decimal(x).times(n));
      }),
      runs,
    );
  });

  it("ties and carries round half-up away from zero", () => {
    for (const [x, y] of [
      ["1", "3"],
      ["2", "3"],
      ["-2", "3"],
      ["99999999999999999999999999999999999999999999999999.5", "1"],
      ["-99999999999999999999999999999999999999999999999999.5", "1"],
      ["1", "8"],
      ["123456789.125", "0.001"],
    ] as const) {
      same(div(parseScaled(x), parseScaled(y)), new Decimal(x).div(y));
      same(add(parseScaled(x), parseScaled("0.00000000000000000000000000000000000000000000000001")), new Decimal(x).plus("0.00000000000000000000000000000000000000000000000001"));
    }
  });

  it("comparisons, rounding to places, decimal places and truncated digits", () => {
    fc.assert(
      fc.property(domainText, domainText, fc.integer({ min: -2, max: 2 }), (x, y, places) => {
        const a = parseScaled(x);
        const dx = new Decimal(x);
        expect(compare(a, parseScaled(y))).toBe(dx.comparedTo(y));
        expect(decimalPlaces(a)).toBe(dx.decimalPlaces());
        for (const dp of [2, 6]) expect(hasMoreDecimalsThan(a, dp)).toBe(dx.decimalPlaces() > dp);
        for (const dp of [1, 3, 6]) expect(toFixedDown(a, dp)).toBe(dx.toFixed(dp, Decimal.ROUND_DOWN));
        const unit = new Decimal(10).pow(-places);
        expect(roundToPlaces(a, places, "half-up").toString()).toBe(dx.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed());
        expect(roundToPlaces(a, places, "floor").toString()).toBe(dx.div(unit).toDecimalPlaces(0, Decimal.ROUND_FLOOR).toFixed());
      }),
      runs,
    );
  });
});
