/**
 * Word-prefix search, the same on SQLite and PostgreSQL (docs/decisions/006-parcel-search.md). A record's
 * searchable text is folded to words of [0-9a-z] — diacritics stripped, so "Núñez" is "nunez" — stored one
 * row per word. A query word matches any stored word it begins; every query word must match. Because tokens
 * contain only [0-9a-z], the prefix "elm" is the range "elm" ≤ token < "eln" in byte order *and* in any
 * locale collation PostgreSQL might use, so a B-tree index answers it on both engines.
 */
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "l")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .toLowerCase();
}

/** The words of a text: runs of [0-9a-z] after folding. */
export function words(text: string): string[] {
  return fold(text).match(/[0-9a-z]+/g) ?? [];
}

/**
 * The tokens of a text: every word, plus, for a whitespace-separated chunk made of several words
 * ("012-345-678", "O'Brien"), the words run together ("012345678", "obrien") — so a query typed with or
 * without separators finds it.
 */
export function textTokens(text: string): string[] {
  return text.split(/\s+/).flatMap((chunk) => {
    const parts = words(chunk);
    return parts.length > 1 ? [...parts, parts.join("")] : parts;
  });
}

/**
 * The query's terms: one per whitespace-separated chunk, its words run together ("W-2" → "w2"), at most 5;
 * duplicates and terms that prefix another are dropped.
 */
export function queryWords(query: string): string[] {
  const terms = query
    .split(/\s+/)
    .map((chunk) => words(chunk).join("").slice(0, 64))
    .filter((term) => term.length > 0);
  const unique = [...new Set(terms)];
  const kept = unique.filter((term) => !unique.some((other) => other !== term && other.startsWith(term)));
  return kept.slice(0, 5);
}

/** The smallest string above every string that starts with `prefix` (within the [0-9a-z] alphabet). */
export function prefixUpperBound(prefix: string): string {
  let chars = prefix.split("");
  while (chars.length > 0) {
    const last = chars[chars.length - 1]!;
    const index = ALPHABET.indexOf(last);
    if (index >= 0 && index < ALPHABET.length - 1) {
      chars[chars.length - 1] = ALPHABET[index + 1]!;
      return chars.join("");
    }
    chars = chars.slice(0, -1);
  }
  return "\u007f";
}
