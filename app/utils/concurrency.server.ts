import { ConflictError } from "./errors";
import { isUniqueViolation } from "./db.server";

/** Thrown when a form was submitted over a version of a record that someone else has since changed. */
export class StaleRecordError extends ConflictError {
  constructor() {
    super("This record was changed by someone else — review and save again.");
  }
}

export const STALE_RECORD_MESSAGE = new StaleRecordError().message;

/**
 * Optimistic concurrency: run `updateMany` with `version` in the where clause and `version: { increment: 1 }`
 * in the data; zero rows updated means someone saved first.
 */
export function assertUpdated(result: { count: number }): void {
  if (result.count === 0) throw new StaleRecordError();
}

/**
 * The first save of a record there is one of per organisation (its settings), made with version 0: when
 * someone else's first save created the row in the meantime, its unique key refuses ours — the same conflict
 * as a stale version (409), not a database error (500).
 */
export async function createFirstVersion<T>(create: Promise<T>): Promise<T> {
  try {
    return await create;
  } catch (error) {
    if (isUniqueViolation(error)) throw new StaleRecordError();
    throw error;
  }
}
