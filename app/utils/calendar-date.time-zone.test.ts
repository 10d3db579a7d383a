import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Legal dates never depend on the server's time zone. The same calendar arithmetic runs in child processes
 * whose TZ is UTC and zones where local midnights do not exist (Pacific/Apia skipped 30 December 2011;
 * America/Santiago and America/Sao_Paulo start summer time at midnight): an implementation that went through
 * local `Date` objects would lose or repeat a day there and the outputs would differ.
 */
const moduleUrl = new URL("./calendar-date.ts", import.meta.url).href;
const script = `
  const c = await import(${JSON.stringify(moduleUrl)});
  const out = [];
  for (const [from, days] of [["2011-12-29", 1], ["2011-12-29", 2], ["2011-12-31", -1], ["2018-08-11", 1], ["2018-11-03", 1], ["2024-09-07", 1]]) out.push(c.addDays(from, days));
  out.push(c.daysBetween("2011-12-29", "2011-12-31"), c.daysBetween("2018-11-03", "2018-11-05"));
  out.push(c.addMonths("2024-01-31", 1), c.addYears("2024-02-29", 1), c.fullMonthsBetween("2024-01-31", "2024-03-01"));
  out.push(c.fullYearsBetween("2020-02-29", "2021-02-28"), c.fullYearsBetween("2020-02-29", "2021-03-01"));
  out.push(c.todayIn("America/Chicago", new Date("2026-12-01T05:30:00Z")), c.todayIn("Pacific/Apia", new Date("2011-12-30T12:00:00Z")));
  console.log(JSON.stringify(out));`;

function runIn(timeZone: string): unknown {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, TZ: timeZone },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout);
}

describe("calendar dates in any server time zone", () => {
  it("give the same answers as in UTC, worked out by hand", () => {
    const expected = [
      "2011-12-30", "2011-12-31", "2011-12-30", "2018-08-12", "2018-11-04", "2024-09-08",
      2, 2,
      "2024-03-01", "2025-03-01", 1, // the documented rule: a missing day rolls to the 1st of the next month
      0, 1,
      "2026-11-30", "2011-12-31",
    ];
    for (const zone of ["UTC", "Pacific/Apia", "America/Santiago", "America/Sao_Paulo"]) {
      expect(runIn(zone), zone).toEqual(expected);
    }
  });
});
