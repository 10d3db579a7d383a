-- CreateTable
CREATE TABLE "StoredDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "homeId" TEXT,
    "leaseId" TEXT,
    "householdId" TEXT,
    "category" TEXT NOT NULL DEFAULT 'other',
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'upload',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredDocument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StoredDocumentContent" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredDocumentContent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitoringEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT,
    "leaseId" TEXT,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "submittedOn" TEXT,
    "resolution" TEXT NOT NULL DEFAULT '',
    "resolvedOn" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "assignedToId" TEXT,
    "scheduleKey" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MonitoringEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MonitoringEvent_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MonitoringEvent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MonitoringEvent_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitoringSchedule" (
    "leaseId" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "occupancyFixedDate" TEXT,
    "insuranceExpiresOn" TEXT,
    "taxProofDate" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MonitoringSchedule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MonitoringSchedule_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StewardshipSettings" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "calculationMaxAgeDays" INTEGER NOT NULL DEFAULT 180,
    "refinanceMaxShare" TEXT NOT NULL DEFAULT '0.95',
    "cashOutLimitCents" BIGINT NOT NULL DEFAULT 500000,
    "graceDays" INTEGER NOT NULL DEFAULT 14,
    "occupancyFixedDate" TEXT,
    "taxProofDate" TEXT,
    "monitoringStartsOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StewardshipSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StewardshipSettings" ("calculationMaxAgeDays", "cashOutLimitCents", "organisationId", "refinanceMaxShare", "updatedAt", "version") SELECT "calculationMaxAgeDays", "cashOutLimitCents", "organisationId", "refinanceMaxShare", "updatedAt", "version" FROM "StewardshipSettings";
DROP TABLE "StewardshipSettings";
ALTER TABLE "new_StewardshipSettings" RENAME TO "StewardshipSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StoredDocument_storageKey_key" ON "StoredDocument"("storageKey");

-- CreateIndex
CREATE INDEX "StoredDocument_organisationId_ownerType_ownerId_idx" ON "StoredDocument"("organisationId", "ownerType", "ownerId");

-- CreateIndex
CREATE INDEX "StoredDocument_organisationId_homeId_idx" ON "StoredDocument"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "StoredDocument_organisationId_leaseId_idx" ON "StoredDocument"("organisationId", "leaseId");

-- CreateIndex
CREATE INDEX "StoredDocument_organisationId_householdId_idx" ON "StoredDocument"("organisationId", "householdId");

-- CreateIndex
CREATE INDEX "StoredDocumentContent_organisationId_idx" ON "StoredDocumentContent"("organisationId");

-- CreateIndex
CREATE INDEX "MonitoringEvent_organisationId_dueDate_idx" ON "MonitoringEvent"("organisationId", "dueDate");

-- CreateIndex
CREATE INDEX "MonitoringEvent_organisationId_status_dueDate_idx" ON "MonitoringEvent"("organisationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "MonitoringEvent_organisationId_homeId_idx" ON "MonitoringEvent"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "MonitoringEvent_organisationId_householdId_idx" ON "MonitoringEvent"("organisationId", "householdId");

-- CreateIndex
CREATE INDEX "MonitoringEvent_homeId_idx" ON "MonitoringEvent"("homeId");

-- CreateIndex
CREATE INDEX "MonitoringEvent_householdId_idx" ON "MonitoringEvent"("householdId");

-- CreateIndex
CREATE INDEX "MonitoringEvent_leaseId_idx" ON "MonitoringEvent"("leaseId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringEvent_organisationId_leaseId_scheduleKey_key" ON "MonitoringEvent"("organisationId", "leaseId", "scheduleKey");

-- CreateIndex
CREATE INDEX "MonitoringSchedule_organisationId_idx" ON "MonitoringSchedule"("organisationId");
