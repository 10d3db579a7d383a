/*
  Every income-limit table gets the date it takes effect. Existing tables get the date HUD announced for their
  fiscal year (FY2019 2019-04-24, FY2020 2020-04-01, FY2021 2021-04-01, FY2022 2022-04-18, FY2023 2023-05-15,
  FY2024 2024-04-01, FY2025 2025-04-01; any other year 1 April, HUD's usual date): see docs/income-limits.md.
  Each organisation's default HUD area becomes the area it certified against last (else of its last changed
  table), which is what certifications without a chosen area used before; when an organisation has tables
  of a single area, its parcels are placed in that area.
*/
-- AlterTable
ALTER TABLE "IncomeCertification" ADD COLUMN     "eligibilityVerdict" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "targetLimitCents" BIGINT,
ADD COLUMN     "targetLimitSource" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "IncomeLimitTable" ADD COLUMN     "effectiveFrom" TEXT;
UPDATE "IncomeLimitTable" SET "effectiveFrom" = CASE "fiscalYear"
        WHEN 2019 THEN '2019-04-24' WHEN 2020 THEN '2020-04-01' WHEN 2021 THEN '2021-04-01'
        WHEN 2022 THEN '2022-04-18' WHEN 2023 THEN '2023-05-15' WHEN 2024 THEN '2024-04-01'
        WHEN 2025 THEN '2025-04-01'
        ELSE CAST("fiscalYear" AS TEXT) || '-04-01' END;
ALTER TABLE "IncomeLimitTable" ALTER COLUMN "effectiveFrom" SET NOT NULL;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "certificationValidityMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "defaultIncomeLimitAreaCode" TEXT;

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "incomeLimitAreaCode" TEXT;

-- CreateIndex
CREATE INDEX "IncomeLimitTable_organisationId_areaCode_effectiveFrom_idx" ON "IncomeLimitTable"("organisationId", "areaCode", "effectiveFrom");

-- Data: default area and parcels' area (see the note at the top)
UPDATE "Organisation" SET "defaultIncomeLimitAreaCode" = COALESCE(
  (SELECT t."areaCode" FROM "IncomeCertification" c JOIN "IncomeLimitTable" t ON t."id" = c."incomeLimitTableId"
    WHERE c."organisationId" = "Organisation"."id" ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 1),
  (SELECT t."areaCode" FROM "IncomeLimitTable" t WHERE t."organisationId" = "Organisation"."id"
    ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT 1));
UPDATE "Parcel" SET "incomeLimitAreaCode" = (SELECT MIN(t."areaCode") FROM "IncomeLimitTable" t WHERE t."organisationId" = "Parcel"."organisationId")
  WHERE (SELECT COUNT(DISTINCT t."areaCode") FROM "IncomeLimitTable" t WHERE t."organisationId" = "Parcel"."organisationId") = 1;
