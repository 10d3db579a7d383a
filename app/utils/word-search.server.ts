import { prefixUpperBound } from "./word-search";

/**
 * How a word search is answered in time independent of the number of records (docs/decisions/006): the
 * rarest query word's records are listed from the (organisationId, token) index — when that word matches
 * few records — and the other words are checked per candidate through the (recordId, token) key. When every
 * word is common, the list walks records in display order and stops at the page (`dense`: matches are
 * many, so the caller shows "N+" instead of counting them).
 */
export type TokenIndex = {
  /** how many tokens fall in [term, upper), counting at most `limit` */
  count(term: string, upper: string, limit: number): Promise<number>;
  /** the record ids of tokens in [term, upper), at most `limit` */
  recordIds(term: string, upper: string, limit: number): Promise<string[]>;
  /** a Prisma filter for "the record has a token in [term, upper)" */
  has(term: string, upper: string): object;
};

/**
 * A word matching at most this many records is looked up first, through the token index. Its ids become
 * bound parameters of one query: SQLite (through Prisma) accepts at most 999, so this stays below that.
 */
export const CANDIDATE_LIMIT = 900;

export async function wordSearchPlan(index: TokenIndex, terms: string[]): Promise<{ dense: boolean; where: object }> {
  // longer words are usually rarer: try them first, and stop as soon as one is rare enough
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let best: { term: string; count: number } | null = null;
  for (const term of ordered) {
    const count = await index.count(term, prefixUpperBound(term), CANDIDATE_LIMIT + 1);
    if (count <= CANDIDATE_LIMIT && (!best || count < best.count)) best = { term, count };
    if (best && best.count <= 50) break;
  }
  if (!best) return { dense: true, where: { AND: terms.map((term) => index.has(term, prefixUpperBound(term))) } };
  const rarest = best.term;
  const ids = await index.recordIds(rarest, prefixUpperBound(rarest), CANDIDATE_LIMIT + 1);
  const rest = terms.filter((term) => term !== rarest);
  return {
    dense: false,
    where: { id: { in: [...new Set(ids)] }, ...(rest.length ? { AND: rest.map((term) => index.has(term, prefixUpperBound(term))) } : {}) },
  };
}

/**
 * One page of a list with a capped count: when the search is dense, the page is fetched with one extra row
 * to know whether there is a next page, and no count is made ("N+").
 */
export async function pageWithCappedCount<T>(options: {
  dense: boolean;
  page: number;
  pageSize: number;
  countLimit: number;
  findPage: (take: number) => Promise<T[]>;
  count: (take: number) => Promise<number>;
}): Promise<{ rows: T[]; total: number; totalIsExact: boolean; pageCount: number }> {
  const { dense, page, pageSize, countLimit } = options;
  const [found, counted] = await Promise.all([
    options.findPage(dense ? pageSize + 1 : pageSize),
    dense ? Promise.resolve(null) : options.count(countLimit + 1),
  ]);
  const rows = found.slice(0, pageSize);
  const hasMore = found.length > pageSize;
  if (counted === null) {
    return { rows, total: (page - 1) * pageSize + rows.length, totalIsExact: !hasMore, pageCount: page + (hasMore ? 1 : 0) };
  }
  return {
    rows,
    total: Math.min(counted, countLimit),
    totalIsExact: counted <= countLimit,
    pageCount: counted > countLimit ? Math.max(page + 1, Math.ceil(countLimit / pageSize)) : Math.max(1, Math.ceil(counted / pageSize)),
  };
}
