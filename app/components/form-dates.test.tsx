import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, FormErrors } from "./forms";
import { ImportProblems } from "./import-problems";

// Messages name dates as the rules hold them ("2025-01-31"); people read them in words next to the field.
describe("error messages write their dates in words", () => {
  it("a field's message, a form's message and an import's row problem", () => {
    const field = renderToStaticMarkup(<Field label="Date" errors={["The date cannot be after today (2025-01-31)."]} inputProps={{ id: "date", name: "date" }} />);
    expect(field).toContain("The date cannot be after today (Jan 31, 2025).");
    const form = renderToStaticMarkup(<FormErrors errors={["Approved 2025-06-01; the appraisal of 2024-02-29 is older."]} />);
    expect(form).toContain("Approved Jun 1, 2025; the appraisal of Feb 29, 2024 is older.");
    const rows = renderToStaticMarkup(<ImportProblems problems={[{ row: 4, column: "Date", message: "The date cannot be after today (2026-02-15)." }]} />);
    expect(rows).toContain("The date cannot be after today (Feb 15, 2026).");
  });

  it("leaves what is not a date as it was typed", () => {
    const form = renderToStaticMarkup(<FormErrors errors={['"2025-02-30" is not a date: enter it as YYYY-MM-DD.', "Reference ACH-2025-02-01 is already recorded."]} />);
    expect(form).toContain("2025-02-30");
    expect(form).toContain("ACH-2025-02-01");
  });
});
