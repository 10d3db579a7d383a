import { stringToCents } from "~/utils/money";

/** The mortgage payoff a homeowner types on "Your home today": "$152,300.50", "152300.5" or empty. */
export function parsePayoff(text: string | null): { ok: true; cents: number | null } | { ok: false; message: string } {
  const cleaned = (text ?? "").trim().replace(/^\$/, "").replace(/,/g, "");
  if (cleaned === "") return { ok: true, cents: null };
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(cleaned)) return { ok: false, message: "Enter the payoff in dollars and cents, for example 152300.50 — or leave it empty." };
  return { ok: true, cents: stringToCents(cleaned) };
}
