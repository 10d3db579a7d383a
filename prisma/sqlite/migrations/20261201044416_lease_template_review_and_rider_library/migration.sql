-- AlterTable
ALTER TABLE "Lease" ADD COLUMN "riderVersions" JSONB;

-- CreateTable
CREATE TABLE "LeaseRider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LeaseRider_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LeaseRiderVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "riderId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeaseRiderVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeaseRiderVersion_riderId_fkey" FOREIGN KEY ("riderId") REFERENCES "LeaseRider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LeaseTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "reviewedByLabel" TEXT NOT NULL DEFAULT '',
    "reviewedByCounsel" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LeaseTemplateVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeaseTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "LeaseTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LeaseTemplateVersion" ("content", "createdAt", "createdById", "id", "note", "organisationId", "templateId", "versionNumber") SELECT "content", "createdAt", "createdById", "id", "note", "organisationId", "templateId", "versionNumber" FROM "LeaseTemplateVersion";
DROP TABLE "LeaseTemplateVersion";
ALTER TABLE "new_LeaseTemplateVersion" RENAME TO "LeaseTemplateVersion";
CREATE INDEX "LeaseTemplateVersion_organisationId_idx" ON "LeaseTemplateVersion"("organisationId");
CREATE UNIQUE INDEX "LeaseTemplateVersion_templateId_versionNumber_key" ON "LeaseTemplateVersion"("templateId", "versionNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LeaseRider_organisationId_nameKey_key" ON "LeaseRider"("organisationId", "nameKey");

-- CreateIndex
CREATE INDEX "LeaseRiderVersion_organisationId_idx" ON "LeaseRiderVersion"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaseRiderVersion_riderId_versionNumber_key" ON "LeaseRiderVersion"("riderId", "versionNumber");
