import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

/**
 * `console.error` or `console.warn` during a test is a failure (docs/STYLE: tests are honest): a warning
 * nobody reads is a defect nobody fixes.
 */
type Level = "error" | "warn";
const logged: Record<Level, unknown[][]> = { error: [], warn: [] };
const spies: MockInstance[] = [];

beforeEach(() => {
  for (const level of ["error", "warn"] as const) {
    logged[level] = [];
    spies.push(
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged[level].push(args);
      }),
    );
  }
});

afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
  const text = (["error", "warn"] as const)
    .flatMap((level) => logged[level].map((args) => `console.${level}: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")}`))
    .join("\n");
  logged.error = [];
  logged.warn = [];
  if (text) throw new Error(`the test logged errors or warnings:\n${text}`);
});

/** For a test that deliberately provokes a logged error: returns and clears what was logged. */
export function takeConsoleErrors(): unknown[][] {
  const taken = logged.error;
  logged.error = [];
  return taken;
}

/** For a test that deliberately provokes a logged warning: returns and clears what was logged. */
export function takeConsoleWarnings(): unknown[][] {
  const taken = logged.warn;
  logged.warn = [];
  return taken;
}
