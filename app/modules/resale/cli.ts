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

export function runResaleCommand(stdinText: string): CommandOutput {
  let json: unknown;
  try {
    json = JSON.parse(stdinText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return invalid([{ path: "", message: `is not valid JSON: ${reason}` }]);
  }
  const parsed = parseResaleRequest(json);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = calculateResale(parsed.request);
  return { exitCode: EXIT_OK, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
}
