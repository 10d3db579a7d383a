import { contentDisposition } from "./content-disposition";
import { csvHeaderLine, csvRowLines, type CsvCell } from "./csv";

/**
 * Every export (parcels, households, and any later one) is a stream of pages: one query of
 * EXPORT_PAGE_SIZE records at a time, written out before the next is read, so memory stays the same for
 * 100 or 100,000 records, and no query binds more parameters than SQLite allows (loading the related
 * rows of 5,000 parcels at once did: Prisma P2029).
 */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Walks a list page by page after the last id seen (Prisma's cursor on a unique id, with the list's own
 * order and the id as tie-breaker), until a page comes back short.
 */
export async function* pagesAfterCursor<T extends { id: string }>(
  findPage: (page: { take: number; cursor?: { id: string }; skip?: number }) => Promise<T[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await findPage(cursor ? { take: pageSize, cursor: { id: cursor }, skip: 1 } : { take: pageSize });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/**
 * A CSV download written while the pages are read: a byte-order mark (spreadsheets then read UTF-8), the
 * header, then each page's rows. A page is read only when the client has taken the previous one.
 */
export function csvStreamResponse<T>(
  headers: readonly string[],
  pages: AsyncIterable<T[]>,
  toRows: (page: T[]) => readonly Record<string, CsvCell>[],
  filename: string,
): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvHeaderLine(headers)}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(csvRowLines(headers, toRows(next.value))));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
    },
  });
}
