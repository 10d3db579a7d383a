import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

/**
 * Whether a new password is good enough, beyond its length (password-policy.ts): refused when it contains
 * the person's email address (or its name part) or the trust's name, or when zxcvbn (a guess-counting
 * strength estimator with lists of common and leaked passwords, names and keyboard patterns) scores it
 * below 3 of 4 — "password123", "Summer2024!", "qwertyuiop" and the like. Server-only: the dictionaries
 * are large and stay out of the browser bundle.
 */
export const MIN_STRENGTH_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

export type PasswordContext = { email?: string; name?: string; organisationName?: string };

/** Letters and digits only, lower case: "Riverbend C.L.T." → "riverbendclt". */
function squash(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]/g, "");
}

/** What is wrong with `password`, in plain words, or null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const squashed = squash(password);
  const email = (context.email ?? "").toLowerCase();
  const localPart = squash(email.split("@")[0] ?? "");
  if (email && (password.toLowerCase().includes(email) || (localPart.length >= 4 && squashed.includes(localPart)))) {
    return "Do not use your email address in your password.";
  }
  const organisation = squash(context.organisationName ?? "");
  const organisationWords = (context.organisationName ?? "").split(/\s+/).map(squash).filter((word) => word.length >= 5 && !GENERIC_WORDS.has(word));
  if ((organisation.length >= 4 && squashed.includes(organisation)) || organisationWords.some((word) => squashed.includes(word))) {
    return "Do not use the trust's name in your password.";
  }
  const userInputs = [email, localPart, context.name ?? "", context.organisationName ?? "", ...organisationWords].filter(Boolean);
  const result = strength().check(password, userInputs);
  if (result.score < MIN_STRENGTH_SCORE) {
    return "This password is too easy to guess: it is a common password, or close to one. Use three or four unrelated words, or a longer phrase.";
  }
  return null;
}

/** Words in many trusts' names that say nothing about this trust ("Community Land Trust"). */
const GENERIC_WORDS = new Set(["community", "trust", "trusts", "housing", "homes", "land", "association", "alliance", "partners", "cooperative", "county", "city"]);
