import type { PARCEL_STATUSES } from "./schemas";

export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/** What the parcel's (not archived) homes are today, for its status to follow. */
export type HomeState = { hasCurrentOwner: boolean; hasBindingLease: boolean };

/**
 * A parcel's status follows its homes (issue 15: "after a purchase and an active lease the parcel is no
 * longer Acquired"):
 * - a home with a current homeowner or a signed (binding) ground lease makes the parcel **Leased**;
 * - a Leased parcel whose homes are all without owner and lease is **Vacant** again;
 * - otherwise the status staff set stands ("Acquired", "In development", "Vacant"), and **Disposed** is never
 *   changed by events: the trust no longer holds the land.
 */
export function parcelStatusFollowingHomes(stored: ParcelStatus, homes: readonly HomeState[]): ParcelStatus {
  if (stored === "disposed") return stored;
  if (homes.some((home) => home.hasCurrentOwner || home.hasBindingLease)) return "leased";
  if (stored === "leased") return "vacant";
  return stored;
}
