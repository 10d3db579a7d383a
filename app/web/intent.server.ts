import { z } from "zod";

/**
 * How an action with several forms reads which one was posted. Every form on such a page posts an `intent`
 * (a hidden input, or its submit button's `name="intent" value="…"`), and the action reads it with
 * `readIntent(formData, INTENTS)` (a list of names, or the page's schema discriminated on `intent`) before
 * anything else — never `formData.get("intent")` by hand (lint rule
 * `house/no-raw-intent`). The intents are a Zod enum, so the value is typed (a `switch` over it is checked for
 * every case) and a form that names no intent, or one the page does not have (an old tab after a release, a
 * hand-made request), is answered with a 400 and a plain message before anything is looked at or changed —
 * never a 500, never the wrong form run by default.
 *
 * The fields of the chosen form are then parsed with that form's Zod schema (a discriminated union on
 * `intent`, or one schema per intent) through Conform's `parseWithZod`, as for any form.
 */

export type Intents = readonly [string, ...string[]];

export const MISSING_INTENT_MESSAGE = "The form did not say what it is for, so nothing was changed. Reload the page and try again.";
export const UNKNOWN_INTENT_MESSAGE = "This page has no such form, so nothing was changed. Reload the page and try again.";

/** A page's forms as one Zod schema discriminated on `intent` (each option a form). */
export type IntentUnion = z.ZodDiscriminatedUnion<"intent", z.ZodDiscriminatedUnionOption<"intent">[]>;

/** The Zod enum of a page's intents. */
export function intentEnum<const T extends Intents>(intents: T) {
  return z.enum(intents as unknown as [T[number], ...T[number][]]);
}

/**
 * The posted form's intent: one of `intents`, or one of the options of a schema discriminated on `intent`.
 * Throws a 400 response with a plain message when the form names none, or one the page does not have.
 * `whenMissing` is for the one kind of page whose intents sit only on its submit buttons and that also posts
 * without them — Conform's "add a row" button without JavaScript, on the resale calculator — and names the
 * intent such a post means.
 */
export function readIntent<const T extends Intents>(form: FormData, intents: T, options?: { whenMissing?: T[number] }): T[number];
export function readIntent<S extends IntentUnion>(form: FormData, schema: S): z.infer<S>["intent"];
export function readIntent(form: FormData, intents: Intents | IntentUnion, options: { whenMissing?: string } = {}): string {
  const names = Array.isArray(intents) ? (intents as Intents) : ([...(intents as IntentUnion).optionsMap.keys()].map(String) as unknown as Intents);
  const posted = form.get("intent") ?? options.whenMissing ?? null;
  const parsed = intentEnum(names).safeParse(posted);
  if (parsed.success) return parsed.data;
  throw new Response(posted === null || posted === "" ? MISSING_INTENT_MESSAGE : UNKNOWN_INTENT_MESSAGE, {
    status: 400,
    statusText: "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
