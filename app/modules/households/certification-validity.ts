/**
 * Is a purchase covered by a current income certification? Pure. The certification that counts is the
 * household's latest on or before the purchase date; it is valid for the trust's validity period (a setting,
 * default 12 months): a purchase after `certifiedOn + months` is made on a stale certification and is flagged
 * on the purchase and in reports. A purchase with no certification before it is flagged too.
 */
import { addMonths } from "~/utils/calendar-date";

export type CertificationAtPurchase =
  | { status: "current"; certifiedOn: string; validUntil: string; message: string }
  | { status: "stale"; certifiedOn: string; validUntil: string; message: string }
  | { status: "none"; certifiedOn: null; validUntil: null; message: string };

export function certificationAtPurchase(
  certifications: readonly { certifiedOn: string }[],
  purchaseDate: string,
  validityMonths: number,
): CertificationAtPurchase {
  const latest = certifications
    .map((c) => c.certifiedOn)
    .filter((date) => date <= purchaseDate)
    .sort()
    .at(-1);
  if (!latest) return { status: "none", certifiedOn: null, validUntil: null, message: "No income certification before this purchase" };
  const validUntil = addMonths(latest, validityMonths);
  if (purchaseDate > validUntil) {
    return {
      status: "stale",
      certifiedOn: latest,
      validUntil,
      message: `Income certification of ${latest} is older than ${validityMonths} months at this purchase (valid until ${validUntil})`,
    };
  }
  return { status: "current", certifiedOn: latest, validUntil, message: `Income certified ${latest}, valid until ${validUntil}` };
}
