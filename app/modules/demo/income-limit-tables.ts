/**
 * Income-limit tables in the resale contract's shape (docs/resale-contract.md) for tests: ILLUSTRATIVE figures
 * for a made-up "Test County", shaped like HUD's tables — they are not HUD's figures and are never seeded.
 * FY2023 takes effect on 2023-05-15, FY2024 on 2024-04-01.
 */
export const ILLUSTRATIVE_TABLES = [
  {
    areaCode: "TEST0001",
    areaName: "Test County",
    fiscalYear: 2023,
    effectiveFrom: "2023-05-15",
    medianFamilyIncome: "89200",
    limits: {
      "50": ["31250", "35700", "40150", "44600", "48200", "51750", "55350", "58900"],
      "80": ["50000", "57150", "64300", "71400", "77150", "82850", "88550", "94250"],
    },
    source: "ILLUSTRATIVE",
  },
  {
    areaCode: "TEST0001",
    areaName: "Test County",
    fiscalYear: 2024,
    effectiveFrom: "2024-04-01",
    medianFamilyIncome: "92800",
    limits: {
      "50": ["32500", "37150", "41800", "46400", "50150", "53850", "57550", "61250"],
      "80": ["52000", "59400", "66850", "74250", "80200", "86150", "92100", "98050"],
    },
    source: "ILLUSTRATIVE",
  },
];

