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
