import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

/**
 * For pages with several small forms told apart by an `intent` field: a 400 carrying which form failed and
 * Conform's reply (every field error at once). The page shows the errors beside that form only.
 */
export type IntentReply = { intent: string; reply: SubmissionResult<string[]> };

export function intentFailure(
  intent: string,
  submission: { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  result: { fieldErrors?: Record<string, string[]>; formErrors?: string[] } = {},
) {
  return data<IntentReply>({ intent, reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }) }, { status: 400 });
}
