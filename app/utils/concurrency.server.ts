import { ConflictError } from "./errors";

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
