import { describe, expect, it } from "vitest";
import { certificationAtPurchase } from "./certification-validity";

describe("certificationAtPurchase", () => {
  const certs = [{ certifiedOn: "2023-07-03" }, { certifiedOn: "2022-01-10" }, { certifiedOn: "2024-12-01" }];
  it.each([
    // the latest certification on or before the purchase counts; valid for 12 months
    ["2024-07-03", 12, "current", "2023-07-03"], // exactly 12 months later: not older than the period
    ["2024-07-04", 12, "stale", "2023-07-03"],
    ["2024-10-01", 12, "stale", "2023-07-03"],
    ["2024-10-01", 18, "current", "2023-07-03"],
    ["2024-12-01", 12, "current", "2024-12-01"], // certified the day of the purchase
    ["2023-01-09", 12, "current", "2022-01-10"], // 2023-01-09 ≤ 2023-01-10
  ] as const)("purchase %s, %i months → %s (certification of %s)", (purchaseDate, months, status, certifiedOn) => {
    const r = certificationAtPurchase(certs, purchaseDate, months);
    expect(r.status).toBe(status);
    expect(r.certifiedOn).toBe(certifiedOn);
  });

  it("flags a purchase with no certification before it", () => {
    expect(certificationAtPurchase(certs, "2021-12-31", 12)).toMatchObject({ status: "none", message: "No income certification before this purchase" });
  });

  it("says which certification and until when", () => {
    expect(certificationAtPurchase(certs, "2024-10-01", 12).message).toBe(
      "Income certification of 2023-07-03 is older than 12 months at this purchase (valid until 2024-07-03)",
    );
  });
});
