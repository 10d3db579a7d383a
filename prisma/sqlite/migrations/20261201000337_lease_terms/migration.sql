-- CreateTable
CREATE TABLE "LeaseTermDefaults" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "feeDueDay" INTEGER NOT NULL DEFAULT 1,
    "graceDays" INTEGER NOT NULL DEFAULT 10,
    "lateChargeCents" BIGINT NOT NULL DEFAULT 1000,
    "monetaryCureDays" INTEGER NOT NULL DEFAULT 30,
    "nonMonetaryCureDays" INTEGER NOT NULL DEFAULT 60,
    "lenderCureDays" INTEGER NOT NULL DEFAULT 120,
    "priceNoticeDays" INTEGER NOT NULL DEFAULT 30,
    "purchaseOptionDays" INTEGER NOT NULL DEFAULT 90,
    "closingDays" INTEGER NOT NULL DEFAULT 60,
    "renewalNoticeEarliestMonths" INTEGER NOT NULL DEFAULT 24,
    "renewalNoticeLatestMonths" INTEGER NOT NULL DEFAULT 6,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LeaseTermDefaults_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "monthlyFeeCents" INTEGER NOT NULL,
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
INSERT INTO "new_Lease" ("bindingHomeId", "commencementDate", "createdAt", "endedOn", "executionDate", "expirationDate", "feeDueDay", "feeEscalation", "formulaPresetName", "formulaSpec", "homeId", "householdId", "id", "monthlyFeeCents", "organisationId", "purchaseOptionDays", "recordingBook", "recordingCounty", "recordingDate", "recordingInstrument", "recordingPage", "reference", "renewalTermYears", "riders", "status", "templateVersionId", "termYears", "updatedAt", "version") SELECT "bindingHomeId", "commencementDate", "createdAt", "endedOn", "executionDate", "expirationDate", "feeDueDay", "feeEscalation", "formulaPresetName", "formulaSpec", "homeId", "householdId", "id", "monthlyFeeCents", "organisationId", "purchaseOptionDays", "recordingBook", "recordingCounty", "recordingDate", "recordingInstrument", "recordingPage", "reference", "renewalTermYears", "riders", "status", "templateVersionId", "termYears", "updatedAt", "version" FROM "Lease";
DROP TABLE "Lease";
ALTER TABLE "new_Lease" RENAME TO "Lease";
CREATE UNIQUE INDEX "Lease_bindingHomeId_key" ON "Lease"("bindingHomeId");
CREATE INDEX "Lease_organisationId_homeId_status_idx" ON "Lease"("organisationId", "homeId", "status");
CREATE INDEX "Lease_organisationId_status_idx" ON "Lease"("organisationId", "status");
CREATE INDEX "Lease_homeId_idx" ON "Lease"("homeId");
CREATE INDEX "Lease_householdId_idx" ON "Lease"("householdId");
CREATE UNIQUE INDEX "Lease_organisationId_reference_key" ON "Lease"("organisationId", "reference");
CREATE TABLE "new_LeaseAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "appliedToLease" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeaseAmendment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeaseAmendment_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LeaseAmendment" ("changes", "createdAt", "createdById", "description", "effectiveDate", "id", "leaseId", "organisationId") SELECT "changes", "createdAt", "createdById", "description", "effectiveDate", "id", "leaseId", "organisationId" FROM "LeaseAmendment";
DROP TABLE "LeaseAmendment";
ALTER TABLE "new_LeaseAmendment" RENAME TO "LeaseAmendment";
CREATE INDEX "LeaseAmendment_organisationId_leaseId_idx" ON "LeaseAmendment"("organisationId", "leaseId");
CREATE INDEX "LeaseAmendment_leaseId_idx" ON "LeaseAmendment"("leaseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Amendments recorded before this migration were written into the Lease row (see LeaseAmendment.appliedToLease)
UPDATE "LeaseAmendment" SET "appliedToLease" = true;
