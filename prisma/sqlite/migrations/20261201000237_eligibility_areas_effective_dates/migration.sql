/*
  Every income-limit table gets the date it takes effect. Existing tables get the date HUD announced for their
  fiscal year (FY2019 2019-04-24, FY2020 2020-04-01, FY2021 2021-04-01, FY2022 2022-04-18, FY2023 2023-05-15,
  FY2024 2024-04-01, FY2025 2025-04-01; any other year 1 April, HUD's usual date): see docs/income-limits.md.
  Each organisation's default HUD area becomes the area it certified against last (else of its last changed
  table), which is what certifications without a chosen area used before; when an organisation has tables
  of a single area, its parcels are placed in that area.
*/
-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN "incomeLimitAreaCode" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_IncomeCertification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "certifiedOn" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "incomeItems" JSONB NOT NULL,
    "totalIncomeCents" INTEGER NOT NULL,
    "incomeLimitTableId" TEXT NOT NULL,
    "hundredPercentLimit" INTEGER NOT NULL,
    "percentAmi" TEXT NOT NULL,
    "derivationMethod" TEXT NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "targetLimitCents" BIGINT,
    "targetLimitSource" TEXT NOT NULL DEFAULT '',
    "eligibilityVerdict" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncomeCertification_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncomeCertification_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncomeCertification_incomeLimitTableId_fkey" FOREIGN KEY ("incomeLimitTableId") REFERENCES "IncomeLimitTable" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_IncomeCertification" ("certifiedOn", "createdAt", "createdById", "derivationMethod", "eligible", "householdId", "householdSize", "hundredPercentLimit", "id", "incomeItems", "incomeLimitTableId", "organisationId", "percentAmi", "targetLevel", "totalIncomeCents") SELECT "certifiedOn", "createdAt", "createdById", "derivationMethod", "eligible", "householdId", "householdSize", "hundredPercentLimit", "id", "incomeItems", "incomeLimitTableId", "organisationId", "percentAmi", "targetLevel", "totalIncomeCents" FROM "IncomeCertification";
DROP TABLE "IncomeCertification";
ALTER TABLE "new_IncomeCertification" RENAME TO "IncomeCertification";
CREATE INDEX "IncomeCertification_organisationId_householdId_certifiedOn_idx" ON "IncomeCertification"("organisationId", "householdId", "certifiedOn");
CREATE INDEX "IncomeCertification_householdId_idx" ON "IncomeCertification"("householdId");
CREATE TABLE "new_IncomeLimitTable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "areaCode" TEXT NOT NULL,
    "areaName" TEXT NOT NULL,
    "medianFamilyIncome" INTEGER NOT NULL,
    "limits" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "derivationMethod" TEXT NOT NULL DEFAULT 'multiple-of-50',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncomeLimitTable_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_IncomeLimitTable" ("areaCode", "areaName", "createdAt", "derivationMethod", "effectiveFrom", "fiscalYear", "id", "limits", "medianFamilyIncome", "organisationId", "source", "updatedAt", "version") SELECT "areaCode", "areaName", "createdAt", "derivationMethod", CASE "fiscalYear"
        WHEN 2019 THEN '2019-04-24' WHEN 2020 THEN '2020-04-01' WHEN 2021 THEN '2021-04-01'
        WHEN 2022 THEN '2022-04-18' WHEN 2023 THEN '2023-05-15' WHEN 2024 THEN '2024-04-01'
        WHEN 2025 THEN '2025-04-01'
        ELSE CAST("fiscalYear" AS TEXT) || '-04-01' END, "fiscalYear", "id", "limits", "medianFamilyIncome", "organisationId", "source", "updatedAt", "version" FROM "IncomeLimitTable";
DROP TABLE "IncomeLimitTable";
ALTER TABLE "new_IncomeLimitTable" RENAME TO "IncomeLimitTable";
CREATE INDEX "IncomeLimitTable_organisationId_areaCode_effectiveFrom_idx" ON "IncomeLimitTable"("organisationId", "areaCode", "effectiveFrom");
CREATE UNIQUE INDEX "IncomeLimitTable_organisationId_fiscalYear_areaCode_key" ON "IncomeLimitTable"("organisationId", "fiscalYear", "areaCode");
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',
    "county" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'America/New_York',
    "defaultIncomeLimitAreaCode" TEXT,
    "certificationValidityMonths" INTEGER NOT NULL DEFAULT 12,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organisation" ("address", "county", "createdAt", "id", "name", "slug", "state", "timeZone", "updatedAt") SELECT "address", "county", "createdAt", "id", "name", "slug", "state", "timeZone", "updatedAt" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Data: default area and parcels' area (see the note at the top)
UPDATE "Organisation" SET "defaultIncomeLimitAreaCode" = COALESCE(
  (SELECT t."areaCode" FROM "IncomeCertification" c JOIN "IncomeLimitTable" t ON t."id" = c."incomeLimitTableId"
    WHERE c."organisationId" = "Organisation"."id" ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 1),
  (SELECT t."areaCode" FROM "IncomeLimitTable" t WHERE t."organisationId" = "Organisation"."id"
    ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT 1));
UPDATE "Parcel" SET "incomeLimitAreaCode" = (SELECT MIN(t."areaCode") FROM "IncomeLimitTable" t WHERE t."organisationId" = "Parcel"."organisationId")
  WHERE (SELECT COUNT(DISTINCT t."areaCode") FROM "IncomeLimitTable" t WHERE t."organisationId" = "Parcel"."organisationId") = 1;

