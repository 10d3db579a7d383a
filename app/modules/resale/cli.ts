import type { IncomeLimitTableInput } from "./ami-level";
import { parseResaleRequest, type FieldError } from "./contract";
import { calculateResale } from "./engine";

/**
 * Core of `npm run clt -- resale`: request JSON on stdin, result JSON on stdout.
 * Exit codes: 0 success; 2 invalid JSON or invalid request (stderr: `{ "error": "invalid-request", "fields": [...] }`).
 * No I/O here; the script entry writes the strings and sets the exit code.
 */
export type CommandOutput = { exitCode: number; stdout: string; stderr: string };

export const EXIT_OK = 0;
export const EXIT_INVALID_REQUEST = 2;

export function invalidRequestBody(fields: FieldError[]) {
  return { error: "invalid-request" as const, fields };
}

function invalid(fields: FieldError[]): CommandOutput {
  return { exitCode: EXIT_INVALID_REQUEST, stdout: "", stderr: `${JSON.stringify(invalidRequestBody(fields), null, 2)}\n` };
}

/** True when a request (parsed JSON) names an AMI level but brings no `incomeLimitTables`: the server may add its own. */
export function needsStoredIncomeLimitTables(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const request = json as { formula?: unknown; caps?: unknown; incomeLimitTables?: unknown };
  if (request.incomeLimitTables !== undefined) return false;
  const named = (terms: unknown) => typeof terms === "object" && terms !== null && "amiLevel" in terms;
  return named(request.formula) || (Array.isArray(request.caps) && request.caps.some(named));
}

/**
 * Parses and calculates. `storedTables` (the organisation's income-limit tables, from the server side) are
 * added to a request that names an AMI level and brings no tables of its own; a request with its own is used
 * as given, and every other request is untouched.
 */
export function runResaleCommand(stdinText: string, storedTables?: readonly IncomeLimitTableInput[]): CommandOutput {
  let json: unknown;
  try {
    json = JSON.parse(stdinText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return invalid([{ path: "", message: `is not valid JSON: ${reason}` }]);
  }
  if (storedTables && needsStoredIncomeLimitTables(json)) json = { ...(json as object), incomeLimitTables: storedTables };
  const parsed = parseResaleRequest(json);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = calculateResale(parsed.request);
  return { exitCode: EXIT_OK, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
}
