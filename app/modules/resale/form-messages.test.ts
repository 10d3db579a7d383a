import { describe, expect, it } from "vitest";
import { fieldMessage } from "./form-messages";

describe("contract messages in the form's words", () => {
  it("words contract messages for a person typing percents", () => {
    expect(fieldMessage(["annualRate"], 'must be at least 0 and at most 0.25 (a fraction: "0.015" is 1.5 %), got 0.3')).toBe("The annual rate must be at least 0% and at most 25%");
    expect(fieldMessage(["purchasePrice"], "is required")).toBe("Enter the seller's purchase price");
    expect(fieldMessage(["appraisalAtPurchase"], "is required for an appraisal formula")).toBe("Enter the appraised value at purchase: the appraisal formula needs it");
  });

  it("speaks the user's language: no internal paths, no format rules for programmers (issue 15)", () => {
    expect(fieldMessage(["appraisalCurrent"], "is required by the market-value cap (caps.0)")).toBe("Enter the current appraised value: the cap at market value needs it");
    expect(fieldMessage(["appraisalCurrent"], 'must be a plain decimal string (digits, optional "." and fraction, no exponent or spaces), got "lots"')).toBe(
      "Enter the current appraised value in dollars, e.g. 180,000 or 1,234.50",
    );
    expect(fieldMessage(["annualRate"], 'must be a plain decimal string (digits, optional "." and fraction, no exponent or spaces), got "x"')).toBe("Enter the annual rate as a percentage, e.g. 1.5");
    expect(fieldMessage(["purchaseDate"], 'must be a real calendar date written YYYY-MM-DD, got "2024-02-30"')).toBe("Enter the purchase date as a date, YYYY-MM-DD");
    expect(fieldMessage(["improvements", 0, "cost"], 'must have at most 2 decimal places (whole cents), got "1.234"')).toBe("Enter the cost to the cent, e.g. 1,234.50");
  });
});
