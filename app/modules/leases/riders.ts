/**
 * Lease riders (pure): the rider library's rules. A rider is a named text the trust keeps (Settings → Lease
 * riders) and attaches to leases; its versions are immutable. Published lender riders (STANDARD_RIDERS) are
 * the lender's own instruments: a lease names them (Exhibit F lists them) and they are attached as printed by
 * the lender, so the trust keeps no text for them.
 */
import { z } from "zod";
import { LEASE_RIDERS } from "./schemas";

/** Lender riders named on leases but attached as the lender's own printed instrument. */
export const STANDARD_RIDERS: readonly string[] = LEASE_RIDERS;

/** The rider's identity in a trust: trimmed, inner spaces collapsed, case-folded. */
export function riderNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
}

/** A rider's text as printed: paragraphs separated by a blank line, each paragraph's lines joined. */
export function riderParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** One rider version a signed lease keeps (`Lease.riderVersions`). */
export type FrozenRider = { riderId: string; name: string; versionNumber: number };

export function frozenRiders(json: unknown): FrozenRider[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (r): r is FrozenRider => r != null && typeof r === "object" && typeof r.riderId === "string" && typeof r.name === "string" && Number.isInteger(r.versionNumber),
  );
}

/** The rider form (admins): a new rider, or a new version of one. */
export const RiderVersionSchema = z.object({
  name: z
    .string({ required_error: "Enter the rider's name, e.g. “Rider: accessory dwelling unit”." })
    .trim()
    .min(3, "Enter the rider's name, e.g. “Rider: accessory dwelling unit”.")
    .max(200, "Keep the name under 200 characters."),
  text: z
    .string({ required_error: "Enter the rider's text." })
    .trim()
    .min(1, "Enter the rider's text.")
    .max(50_000, "A rider's text may have at most 50,000 characters."),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().default(""),
});
export type RiderVersionValues = z.infer<typeof RiderVersionSchema>;

/** A rider as the lease document prints it after the body; `versionNumber` null = a lender's rider attached as printed. */
export type RiderText = { name: string; versionNumber: number | null; paragraphs: string[] };

/** The riders a form offers: the library's and the lender riders, plus any the lease already names (e.g. archived since). */
export function riderOptions(choices: readonly { name: string; versionNumber: number | null }[], selected: readonly string[]): { name: string; detail: string }[] {
  const offered = choices.map((c) => ({ name: c.name, detail: c.versionNumber ? `(rider library, version ${c.versionNumber})` : "(lender's rider, attached as printed)" }));
  const extra = selected.filter((name) => !choices.some((c) => c.name === name)).map((name) => ({ name, detail: "(no longer in the rider library)" }));
  return [...offered, ...extra];
}
