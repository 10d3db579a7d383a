/*
  Warnings:

  - You are about to alter the column `amountCents` on the `FundingSource` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `totalIncomeCents` on the `IncomeCertification` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `monthlyFeeCents` on the `Lease` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `mortgageAmountCents` on the `Ownership` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `purchasePriceCents` on the `Ownership` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `salePriceCents` on the `Ownership` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `acquisitionPriceCents` on the `Parcel` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `assessedLandValueCents` on the `Parcel` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `amountCents` on the `PermittedMortgage` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.
  - You are about to alter the column `maxResalePriceCents` on the `ResaleCalculation` table. The data in that column could be lost. The data in that column will be cast from `Int` to `BigInt`.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FundingSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "funder" TEXT NOT NULL,
    "program" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "receivedOn" TEXT,
    "affordabilityYears" INTEGER,
    "restrictionEndDate" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FundingSource_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FundingSource_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FundingSource" ("affordabilityYears", "amountCents", "createdAt", "funder", "id", "notes", "organisationId", "parcelId", "program", "receivedOn", "restrictionEndDate", "updatedAt", "version") SELECT "affordabilityYears", "amountCents", "createdAt", "funder", "id", "notes", "organisationId", "parcelId", "program", "receivedOn", "restrictionEndDate", "updatedAt", "version" FROM "FundingSource";
DROP TABLE "FundingSource";
ALTER TABLE "new_FundingSource" RENAME TO "FundingSource";
CREATE INDEX "FundingSource_organisationId_parcelId_idx" ON "FundingSource"("organisationId", "parcelId");
CREATE INDEX "FundingSource_organisationId_program_idx" ON "FundingSource"("organisationId", "program");
CREATE INDEX "FundingSource_parcelId_idx" ON "FundingSource"("parcelId");
CREATE TABLE "new_IncomeCertification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "certifiedOn" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "incomeItems" JSONB NOT NULL,
    "totalIncomeCents" BIGINT NOT NULL,
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
INSERT INTO "new_IncomeCertification" ("certifiedOn", "createdAt", "createdById", "derivationMethod", "eligibilityVerdict", "eligible", "householdId", "householdSize", "hundredPercentLimit", "id", "incomeItems", "incomeLimitTableId", "organisationId", "percentAmi", "targetLevel", "targetLimitCents", "targetLimitSource", "totalIncomeCents") SELECT "certifiedOn", "createdAt", "createdById", "derivationMethod", "eligibilityVerdict", "eligible", "householdId", "householdSize", "hundredPercentLimit", "id", "incomeItems", "incomeLimitTableId", "organisationId", "percentAmi", "targetLevel", "targetLimitCents", "targetLimitSource", "totalIncomeCents" FROM "IncomeCertification";
DROP TABLE "IncomeCertification";
ALTER TABLE "new_IncomeCertification" RENAME TO "IncomeCertification";
CREATE INDEX "IncomeCertification_organisationId_householdId_certifiedOn_idx" ON "IncomeCertification"("organisationId", "householdId", "certifiedOn");
CREATE INDEX "IncomeCertification_householdId_idx" ON "IncomeCertification"("householdId");
CREATE TABLE "new_Lease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "executionDate" TEXT,
    "commencementDate" TEXT NOT NULL,
    "termYears" INTEGER NOT NULL DEFAULT 99,
    "expirationDate" TEXT NOT NULL,
    "renewalTermYears" INTEGER NOT NULL DEFAULT 99,
    "monthlyFeeCents" BIGINT NOT NULL,
    "feeEscalation" JSONB NOT NULL,
    "feeDueDay" INTEGER NOT NULL DEFAULT 1,
    "purchaseOptionDays" INTEGER NOT NULL DEFAULT 90,
    "graceDays" INTEGER NOT NULL DEFAULT 10,
    "lateChargeCents" BIGINT NOT NULL DEFAULT 1000,
    "monetaryCureDays" INTEGER NOT NULL DEFAULT 30,
    "nonMonetaryCureDays" INTEGER NOT NULL DEFAULT 60,
    "lenderCureDays" INTEGER NOT NULL DEFAULT 120,
    "priceNoticeDays" INTEGER NOT NULL DEFAULT 30,
    "closingDays" INTEGER NOT NULL DEFAULT 60,
    "renewalNoticeEarliestMonths" INTEGER NOT NULL DEFAULT 24,
    "renewalNoticeLatestMonths" INTEGER NOT NULL DEFAULT 6,
    "formulaPresetName" TEXT NOT NULL DEFAULT '',
    "formulaSpec" JSONB,
    "riders" JSONB NOT NULL,
    "templateVersionId" TEXT,
    "recordingCounty" TEXT NOT NULL DEFAULT '',
    "recordingInstrument" TEXT NOT NULL DEFAULT '',
    "recordingBook" TEXT NOT NULL DEFAULT '',
    "recordingPage" TEXT NOT NULL DEFAULT '',
    "recordingDate" TEXT,
    "endedOn" TEXT,
    "bindingHomeId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lease_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Lease_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lease_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lease_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "LeaseTemplateVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Lease" ("bindingHomeId", "closingDays", "commencementDate", "createdAt", "endedOn", "executionDate", "expirationDate", "feeDueDay", "feeEscalation", "formulaPresetName", "formulaSpec", "graceDays", "homeId", "householdId", "id", "lateChargeCents", "lenderCureDays", "monetaryCureDays", "monthlyFeeCents", "nonMonetaryCureDays", "organisationId", "priceNoticeDays", "purchaseOptionDays", "recordingBook", "recordingCounty", "recordingDate", "recordingInstrument", "recordingPage", "reference", "renewalNoticeEarliestMonths", "renewalNoticeLatestMonths", "renewalTermYears", "riders", "status", "templateVersionId", "termYears", "updatedAt", "version") SELECT "bindingHomeId", "closingDays", "commencementDate", "createdAt", "endedOn", "executionDate", "expirationDate", "feeDueDay", "feeEscalation", "formulaPresetName", "formulaSpec", "graceDays", "homeId", "householdId", "id", "lateChargeCents", "lenderCureDays", "monetaryCureDays", "monthlyFeeCents", "nonMonetaryCureDays", "organisationId", "priceNoticeDays", "purchaseOptionDays", "recordingBook", "recordingCounty", "recordingDate", "recordingInstrument", "recordingPage", "reference", "renewalNoticeEarliestMonths", "renewalNoticeLatestMonths", "renewalTermYears", "riders", "status", "templateVersionId", "termYears", "updatedAt", "version" FROM "Lease";
DROP TABLE "Lease";
ALTER TABLE "new_Lease" RENAME TO "Lease";
CREATE UNIQUE INDEX "Lease_bindingHomeId_key" ON "Lease"("bindingHomeId");
CREATE INDEX "Lease_organisationId_homeId_status_idx" ON "Lease"("organisationId", "homeId", "status");
CREATE INDEX "Lease_organisationId_status_idx" ON "Lease"("organisationId", "status");
CREATE INDEX "Lease_homeId_idx" ON "Lease"("homeId");
CREATE INDEX "Lease_householdId_idx" ON "Lease"("householdId");
CREATE UNIQUE INDEX "Lease_organisationId_reference_key" ON "Lease"("organisationId", "reference");
CREATE TABLE "new_Ownership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "purchasePriceCents" BIGINT NOT NULL,
    "purchaseDate" TEXT NOT NULL,
    "saleDate" TEXT,
    "salePriceCents" BIGINT,
    "currentHomeId" TEXT,
    "mortgageLender" TEXT NOT NULL DEFAULT '',
    "mortgageAmountCents" BIGINT,
    "mortgageRate" TEXT,
    "mortgageTermYears" INTEGER,
    "mortgageType" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ownership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ownership_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ownership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Ownership" ("createdAt", "currentHomeId", "homeId", "householdId", "id", "mortgageAmountCents", "mortgageLender", "mortgageRate", "mortgageTermYears", "mortgageType", "organisationId", "purchaseDate", "purchasePriceCents", "saleDate", "salePriceCents", "updatedAt", "version") SELECT "createdAt", "currentHomeId", "homeId", "householdId", "id", "mortgageAmountCents", "mortgageLender", "mortgageRate", "mortgageTermYears", "mortgageType", "organisationId", "purchaseDate", "purchasePriceCents", "saleDate", "salePriceCents", "updatedAt", "version" FROM "Ownership";
DROP TABLE "Ownership";
ALTER TABLE "new_Ownership" RENAME TO "Ownership";
CREATE UNIQUE INDEX "Ownership_currentHomeId_key" ON "Ownership"("currentHomeId");
CREATE INDEX "Ownership_organisationId_homeId_saleDate_idx" ON "Ownership"("organisationId", "homeId", "saleDate");
CREATE INDEX "Ownership_organisationId_householdId_idx" ON "Ownership"("organisationId", "householdId");
CREATE INDEX "Ownership_homeId_saleDate_idx" ON "Ownership"("homeId", "saleDate");
CREATE INDEX "Ownership_householdId_idx" ON "Ownership"("householdId");
CREATE TABLE "new_Parcel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "parcelNumber" TEXT NOT NULL,
    "streetAddress" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "legalDescription" TEXT NOT NULL DEFAULT '',
    "landArea" TEXT,
    "landAreaUnit" TEXT NOT NULL DEFAULT 'square_feet',
    "zoning" TEXT NOT NULL DEFAULT '',
    "acquisitionDate" TEXT,
    "acquisitionPriceCents" BIGINT,
    "acquisitionMethod" TEXT,
    "assessedLandValueCents" BIGINT,
    "status" TEXT NOT NULL DEFAULT 'acquired',
    "incomeLimitAreaCode" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Parcel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Parcel" ("acquisitionDate", "acquisitionMethod", "acquisitionPriceCents", "archivedAt", "assessedLandValueCents", "city", "createdAt", "id", "incomeLimitAreaCode", "landArea", "landAreaUnit", "legalDescription", "organisationId", "parcelNumber", "postalCode", "searchText", "state", "status", "streetAddress", "updatedAt", "version", "zoning") SELECT "acquisitionDate", "acquisitionMethod", "acquisitionPriceCents", "archivedAt", "assessedLandValueCents", "city", "createdAt", "id", "incomeLimitAreaCode", "landArea", "landAreaUnit", "legalDescription", "organisationId", "parcelNumber", "postalCode", "searchText", "state", "status", "streetAddress", "updatedAt", "version", "zoning" FROM "Parcel";
DROP TABLE "Parcel";
ALTER TABLE "new_Parcel" RENAME TO "Parcel";
CREATE INDEX "Parcel_organisationId_status_id_idx" ON "Parcel"("organisationId", "status", "id");
CREATE INDEX "Parcel_organisationId_streetAddress_id_idx" ON "Parcel"("organisationId", "streetAddress", "id");
CREATE INDEX "Parcel_organisationId_updatedAt_id_idx" ON "Parcel"("organisationId", "updatedAt", "id");
CREATE UNIQUE INDEX "Parcel_organisationId_parcelNumber_key" ON "Parcel"("organisationId", "parcelNumber");
CREATE TABLE "new_PermittedMortgage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "lender" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "recordedOn" TEXT NOT NULL,
    CONSTRAINT "PermittedMortgage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PermittedMortgage_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PermittedMortgage" ("amountCents", "id", "leaseId", "lender", "organisationId", "recordedOn") SELECT "amountCents", "id", "leaseId", "lender", "organisationId", "recordedOn" FROM "PermittedMortgage";
DROP TABLE "PermittedMortgage";
ALTER TABLE "new_PermittedMortgage" RENAME TO "PermittedMortgage";
CREATE INDEX "PermittedMortgage_organisationId_leaseId_idx" ON "PermittedMortgage"("organisationId", "leaseId");
CREATE INDEX "PermittedMortgage_leaseId_idx" ON "PermittedMortgage"("leaseId");
CREATE TABLE "new_ResaleCalculation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "ownershipId" TEXT,
    "presetName" TEXT NOT NULL DEFAULT '',
    "valuationDate" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "maxResalePriceCents" BIGINT NOT NULL,
    "boundBy" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResaleCalculation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResaleCalculation_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ResaleCalculation" ("boundBy", "createdAt", "createdById", "createdByLabel", "homeId", "id", "maxResalePriceCents", "organisationId", "ownershipId", "presetName", "request", "result", "valuationDate") SELECT "boundBy", "createdAt", "createdById", "createdByLabel", "homeId", "id", "maxResalePriceCents", "organisationId", "ownershipId", "presetName", "request", "result", "valuationDate" FROM "ResaleCalculation";
DROP TABLE "ResaleCalculation";
ALTER TABLE "new_ResaleCalculation" RENAME TO "ResaleCalculation";
CREATE INDEX "ResaleCalculation_organisationId_homeId_createdAt_idx" ON "ResaleCalculation"("organisationId", "homeId", "createdAt");
CREATE INDEX "ResaleCalculation_homeId_idx" ON "ResaleCalculation"("homeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
