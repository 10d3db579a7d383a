import { prefixUpperBound } from "./word-search";

/**
 * How a word search is answered in time independent of the number of records (docs/decisions/006): the
 * rarest query word's records are listed from the (organisationId, token) index — when that word matches
 * few records — and the other words are checked per candidate through the (recordId, token) key. When every
 * word is common (`dense`), the page is read along the token index of the longest word instead, the other
 * words and filters checked per row: matches are many, so the page fills at once, in word order rather than
 * the list's order (the page's rows are then sorted), and the caller shows "N+" instead of counting.
 */
export type TokenIndex = {
  /** how many tokens fall in [term, upper), counting at most `limit` */
  count(term: string, upper: string, limit: number): Promise<number>;
  /** the record ids of tokens in [term, upper), at most `limit` */
  recordIds(term: string, upper: string, limit: number): Promise<string[]>;
  /** a Prisma filter for "the record has a token in [term, upper)" */
  has(term: string, upper: string): object;
  /**
   * For a dense search: the ids of records with a token in [term, upper) that also match `recordWhere`,
   * read along the (organisationId, token, recordId) index — word order, then record id — skipping `skip`.
   */
  densePage(term: string, upper: string, recordWhere: object, skip: number, take: number): Promise<string[]>;
};

/**
 * A word matching at most this many records is looked up first, through the token index. Its ids become
 * bound parameters of one query: SQLite (through Prisma) accepts at most 999, so this stays below that.
 */
export const CANDIDATE_LIMIT = 900;

export type SearchPlan = { dense: false; where: object } | { dense: true; where: object; walk: { term: string; upper: string } };

export async function wordSearchPlan(index: TokenIndex, terms: string[]): Promise<SearchPlan> {
  // longer words are usually rarer: try them first, and stop as soon as one is rare enough
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let best: { term: string; count: number } | null = null;
  for (const term of ordered) {
    const count = await index.count(term, prefixUpperBound(term), CANDIDATE_LIMIT + 1);
    if (count <= CANDIDATE_LIMIT && (!best || count < best.count)) best = { term, count };
    if (best && best.count <= 50) break;
  }
  if (!best) {
    // `where` keeps every word (an export, which reads all matches, uses it as is); the page is read along
    // the longest word's index, where that word's own check is a cheap key lookup
    const walk = ordered[0]!;
    return { dense: true, where: { AND: terms.map((term) => index.has(term, prefixUpperBound(term))) }, walk: { term: walk, upper: prefixUpperBound(walk) } };
  }
  const rarest = best.term;
  const ids = await index.recordIds(rarest, prefixUpperBound(rarest), CANDIDATE_LIMIT + 1);
  const rest = terms.filter((term) => term !== rarest);
  return {
    dense: false,
    where: { id: { in: [...new Set(ids)] }, ...(rest.length ? { AND: rest.map((term) => index.has(term, prefixUpperBound(term))) } : {}) },
  };
}

/**
 * One page of a list with a capped count. For a dense search the page's ids come from `denseIds` (one more
 * than a page, to know whether there is a next one) and no count is made ("N+").
 */
export async function pageWithCappedCount<T>(options: {
  page: number;
  pageSize: number;
  countLimit: number;
  denseIds?: (skip: number, take: number) => Promise<string[]>;
  findPage: (options: { skip: number; take: number; ids?: string[] }) => Promise<T[]>;
  count: (take: number) => Promise<number>;
}): Promise<{ rows: T[]; total: number; totalIsExact: boolean; pageCount: number }> {
  const { page, pageSize, countLimit } = options;
  if (options.denseIds) {
    const ids = [...new Set(await options.denseIds((page - 1) * pageSize, pageSize + 1))];
    const hasMore = ids.length > pageSize;
    const rows = await options.findPage({ skip: 0, take: pageSize, ids: ids.slice(0, pageSize) });
    return { rows, total: (page - 1) * pageSize + rows.length, totalIsExact: !hasMore, pageCount: page + (hasMore ? 1 : 0) };
  }
  const [rows, counted] = await Promise.all([
    options.findPage({ skip: (page - 1) * pageSize, take: pageSize }),
    options.count(countLimit + 1),
  ]);
  return {
    rows,
    total: Math.min(counted, countLimit),
    totalIsExact: counted <= countLimit,
    pageCount: counted > countLimit ? Math.max(page + 1, Math.ceil(countLimit / pageSize)) : Math.max(1, Math.ceil(counted / pageSize)),
  };
}
