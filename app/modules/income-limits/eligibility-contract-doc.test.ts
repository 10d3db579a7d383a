import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runEligibilityRequest } from "./eligibility-contract";
import { SEED_INCOME_LIMIT_TABLES } from "./seed-tables";

/** Keeps docs/eligibility-contract.md true: every request in it must give exactly the response shown. */
const doc = readFileSync(new URL("../../../docs/eligibility-contract.md", import.meta.url), "utf8");
const eligibilityExamples = [
  ...doc.matchAll(
    /<!-- example-request -->\s*```json\n([\s\S]*?)```\s*Response \(exit code (\d)\):\s*<!-- example-response -->\s*```json\n([\s\S]*?)```/g,
  ),
].map(([, request, exitCode, response]) => ({ request: request!, exitCode: Number(exitCode), response: response! }));

describe("docs/eligibility-contract.md", () => {
  it("has the two counter-examples and both kinds of error", () => {
    expect(eligibilityExamples.filter((example) => example.exitCode === 0).length).toBeGreaterThanOrEqual(4);
    expect(eligibilityExamples.some((example) => example.response.includes('"no-table-in-effect"'))).toBe(true);
    expect(eligibilityExamples.some((example) => example.response.includes('"invalid-request"'))).toBe(true);
    expect(doc).toContain('"annualIncome": "71380.00"');
    expect(doc).toContain('"annualIncome": "69110.00"');
  });

  it.each(eligibilityExamples.map((example, position) => [position + 1, example] as const))("example %i gives the documented response", (_n, example) => {
    const output = runEligibilityRequest(example.request, SEED_INCOME_LIMIT_TABLES);
    expect(output.exitCode).toBe(example.exitCode);
    expect(example.exitCode === 0 ? output.stdout : output.stderr).toBe(example.response);
  });
});
