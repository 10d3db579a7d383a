/**
 * Texts of the final rounding step, shared by both implementations of the engine (reference-engine.ts and
 * fast-path.ts). The rounding itself: once, at the end, to any positive increment ("0.01" a cent, "1000"
 * $1,000, "50" $50 …), half-up to the nearest, down, or up — and never above the lowest cap (engine.ts).
 */

export type RoundingMode = "nearest" | "down" | "up";

/** "Rounded to the nearest", "Rounded down to the", "Rounded up to the". */
export function roundingVerb(mode: RoundingMode): string {
  return mode === "nearest" ? "Rounded to the nearest" : mode === "down" ? "Rounded down to the" : "Rounded up to the";
}

/** "cent" for "0.01"; otherwise dollars without needless zeros: "1" → "$1", "1000" → "$1,000", "0.5" → "$0.50". */
export function incrementText(increment: string): string {
  const [whole = "0", fraction = ""] = increment.split(".");
  const cents = fraction.padEnd(2, "0").slice(0, 2);
  const wholeDigits = whole.replace(/^0+(?=\d)/, "");
  if (wholeDigits === "0" && cents === "01") return "cent";
  const grouped = wholeDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents === "00" ? `$${grouped}` : `$${grouped}.${cents}`;
}
