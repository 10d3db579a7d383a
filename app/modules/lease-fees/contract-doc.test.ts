import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runFeesCommand } from "./contract";

/** Keeps docs/lease-fees.md true: every request in it must give exactly the response shown. */
const doc = readFileSync(new URL("../../../docs/lease-fees.md", import.meta.url), "utf8");
const examples = [
  ...doc.matchAll(
    /<!-- example-request -->\s*```json\n([\s\S]*?)```\s*Response \(exit code (\d)\):\s*<!-- example-response -->\s*```json\n([\s\S]*?)```/g,
  ),
].map(([, request, exitCode, response]) => ({ request: request!, exitCode: Number(exitCode), response: response! }));

describe("docs/lease-fees.md", () => {
  it("has at least three successful examples and one error example", () => {
    expect(examples.filter((example) => example.exitCode === 0).length).toBeGreaterThanOrEqual(3);
    expect(examples.some((example) => example.exitCode === 2)).toBe(true);
  });

  it.each(examples.map((example, position) => [position + 1, example] as const))("example %i gives the documented response", (_n, example) => {
    const output = runFeesCommand(example.request);
    expect(output.exitCode).toBe(example.exitCode);
    expect(example.exitCode === 0 ? output.stdout : output.stderr).toBe(example.response);
  });
});
