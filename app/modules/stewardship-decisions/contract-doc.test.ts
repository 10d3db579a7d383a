import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCureDeadline, runRefinanceCheck } from "./contract";

/** Keeps docs/stewardship-decisions.md true: every request in it gives exactly the response shown. */
const doc = readFileSync(new URL("../../../docs/stewardship-decisions.md", import.meta.url), "utf8");
const examples = [
  ...doc.matchAll(/<!-- (refinance-check|cure-deadline)-request -->\s*```json\n([\s\S]*?)```\s*Response \(exit code (\d)\):\s*<!-- \1-response -->\s*```json\n([\s\S]*?)```/g),
].map(([, command, request, exitCode, response]) => ({ command: command as "refinance-check" | "cure-deadline", request: request!, exitCode: Number(exitCode), response: response! }));
const runner = { "refinance-check": runRefinanceCheck, "cure-deadline": runCureDeadline };
const byCommand = (command: string, exitCode: number) => examples.filter((e) => e.command === command && e.exitCode === exitCode).map((e) => JSON.parse(e.response));

describe("docs/stewardship-decisions.md: the refinance-check and cure-deadline contracts", () => {
  it.each(examples.map((example, position) => [position + 1, example.command, example] as const))("example %i (%s) gives the documented response", (_n, _command, example) => {
    const output = runner[example.command](example.request);
    expect(output.exitCode).toBe(example.exitCode);
    expect(example.exitCode === 0 ? output.stdout : output.stderr).toBe(example.response);
  });

  it("documents the figures worked out by hand", () => {
    // refused: 0.95 × 160,000.00 = 152,000.00 < 153,000.00; approved: 150,000.00 − 146,500.00 = 3,500.00 cash out ≤ 5,000.00
    expect(byCommand("refinance-check", 0).map((r) => [r.decision, r.figures.principalLimit, r.figures.cashOut])).toEqual([
      ["refused", "152000.00", "3000.00"],
      ["approved", "152000.00", "3500.00"],
    ]);
    // 2026-03-02 + 60 = 2026-05-01; 2026-04-15 + 60 = 2026-06-14; 2026-03-02 + 30 = 2026-04-01
    expect(byCommand("cure-deadline", 0).map((r) => [r.cureDeadline, r.lenderCureDeadline ?? null])).toEqual([
      ["2026-05-01", "2026-06-14"],
      ["2026-04-01", null],
    ]);
    // every error names its field
    expect(byCommand("refinance-check", 2).map((r) => r.fields.map((f: { path: string }) => f.path))).toEqual([["principal"], ["valuationDate"]]);
    expect(byCommand("cure-deadline", 2).map((r) => r.fields.map((f: { path: string }) => f.path))).toEqual([["noticeDate", "terms.monetaryCureDays"]]);
  });

  it("refuses unknown fields and non-JSON", () => {
    const unknown = runRefinanceCheck(JSON.stringify({ maxResalePrice: "1.00", valuationDate: "2026-01-01", decisionDate: "2026-01-02", principal: "1.00", payoff: "0", principle: "1" }));
    expect(unknown.exitCode).toBe(2);
    expect(JSON.parse(unknown.stderr).fields).toEqual([{ path: "principle", message: "is not a recognised field" }]);
    expect(runCureDeadline("{").exitCode).toBe(2);
  });

  it("the npm script exits 2 with the JSON error on stderr", () => {
    try {
      execFileSync("npm", ["run", "--silent", "clt", "--", "cure-deadline"], { input: '{"kind":"late"}', encoding: "utf8", stdio: "pipe" });
      expect.unreachable("the command should exit 2");
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      expect(failed.status).toBe(2);
      expect(JSON.parse(failed.stderr).fields.map((f: { path: string }) => f.path)).toEqual(["kind", "noticeDate", "terms"]);
    }
  });
});
