/**
 * Typed domain errors — the one way a module says "no": modules (app/modules/**) throw these and never build
 * an HTTP `Response` (lint rule `house/no-response-in-modules`). The web layer maps them to a status in one
 * place (app/web/domain-errors.server.ts): not found → 404, conflict → 409, invalid → 400, forbidden → 403.
 *
 * A module whose caller can go on after a refusal (a form that shows the message beside a field) may instead
 * return a result (`{ ok: false, message, field }`); it does not do both for the same refusal. See
 * ARCHITECTURE.md "Errors and results" and docs/decisions (one error convention).
 *
 * Messages are in the user's words: they are shown on the page as they are.
 */

/**
 * Brands that survive two copies of this file: the production server (build/serve.js, compiled from
 * scripts/serve.ts) and the Remix build (build/index.js) each bundle their own copy, so `instanceof` across
 * them is always false. The mapper tests the brand instead (`isDomainError`, `isSignInRequired`).
 */
const DOMAIN_ERROR = Symbol.for("commonground.DomainError");
const SIGN_IN_REQUIRED = Symbol.for("commonground.SignInRequiredError");

export type DomainErrorKind = "not-found" | "conflict" | "invalid" | "forbidden";

const STATUS: Record<DomainErrorKind, 400 | 403 | 404 | 409> = { "not-found": 404, conflict: 409, invalid: 400, forbidden: 403 };

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;
  /** The form field the message belongs beside, when there is one (its errors are also in `fieldErrors`). */
  readonly field: string | undefined;
  readonly fieldErrors: FieldErrors;

  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    options: { field?: string; fieldErrors?: FieldErrors } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.field = options.field;
    this.fieldErrors = options.fieldErrors ?? (options.field ? { [options.field]: [message] } : {});
  }

  /** The HTTP status the web layer answers with. */
  get status(): 400 | 403 | 404 | 409 {
    return STATUS[this.kind];
  }
}

/** The record does not exist in this organisation (a record of another organisation is "not found" too). */
export class NotFoundError extends DomainError {
  constructor(message: string, options: { field?: string } = {}) {
    super("not-found", message, options);
    this.name = "NotFoundError";
  }
}

/** The request clashes with the stored state: someone saved first, a number is taken, already done. */
export class ConflictError extends DomainError {
  constructor(message: string, options: { field?: string; fieldErrors?: FieldErrors } = {}) {
    super("conflict", message, options);
    this.name = "ConflictError";
  }
}

/** The input breaks a rule; `fieldErrors` says which field and why. */
export class InvalidError extends DomainError {
  constructor(message: string, options: { field?: string; fieldErrors?: FieldErrors } = {}) {
    super("invalid", message, options);
    this.name = "InvalidError";
  }
}

/** The signed-in person may not do this. */
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

/** Nobody is signed in: the web layer sends them to sign in, then back to `returnTo`. */
export class SignInRequiredError extends Error {
  readonly [SIGN_IN_REQUIRED] = true;
  constructor(readonly returnTo: string) {
    super("Sign in to continue.");
    this.name = "SignInRequiredError";
  }
}

/**
 * A domain error of the given kind from an error a module threw with (message, field, status) — the older
 * per-module errors keep their names and constructors.
 */
export function kindForStatus(status: number): DomainErrorKind {
  return status === 404 ? "not-found" : status === 409 ? "conflict" : status === 403 ? "forbidden" : "invalid";
}

/**
 * A domain error as Conform reply options, for a route that shows it beside its form:
 * `submission.reply(formErrorsOf(error))` — the field's message beside the field, or the message above the form.
 */
export function formErrorsOf(error: DomainError): { fieldErrors: FieldErrors } | { formErrors: string[] } {
  return Object.keys(error.fieldErrors).length > 0 ? { fieldErrors: error.fieldErrors } : { formErrors: [error.message] };
}

/** 409 for a conflict, otherwise 400: the status of a form answered with a domain error beside its fields. */
export function formStatusOf(error: DomainError): 400 | 409 {
  return error.kind === "conflict" ? 409 : 400;
}

/** A domain error from any copy of this module (see the brands above). */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] === true;
}

/** "Sign in first" from any copy of this module. */
export function isSignInRequired(error: unknown): error is SignInRequiredError {
  return typeof error === "object" && error !== null && (error as { [SIGN_IN_REQUIRED]?: unknown })[SIGN_IN_REQUIRED] === true;
}
