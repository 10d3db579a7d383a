import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

/** `console.error` during a test is a failure (docs/STYLE: tests are honest). */
let errors: unknown[][] = [];
let spy: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  errors = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  if (errors.length > 0) {
    const text = errors.map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")).join("\n");
    errors = [];
    throw new Error(`console.error was called during the test:\n${text}`);
  }
});

/** For a test that deliberately provokes a logged error: returns and clears what was logged. */
export function takeConsoleErrors(): unknown[][] {
  const taken = errors;
  errors = [];
  return taken;
}
