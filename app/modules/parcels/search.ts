import { textTokens } from "~/utils/word-search";

export { fold, prefixUpperBound, queryWords, textTokens, words } from "~/utils/word-search";

/** The tokens stored for a parcel: its APN, address and city, and its current homeowners' names. */
export function parcelTokens(parcel: { parcelNumber: string; streetAddress: string; city: string }, ownerNames: string[]): string[] {
  const all = [parcel.parcelNumber, parcel.streetAddress, parcel.city, ...ownerNames].flatMap(textTokens);
  return [...new Set(all.map((token) => token.slice(0, 64)))];
}

