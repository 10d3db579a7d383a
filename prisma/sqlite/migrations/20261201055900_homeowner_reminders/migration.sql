-- CreateTable
CREATE TABLE "ReminderSettings" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "certificationDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "certificationOverdue" BOOLEAN NOT NULL DEFAULT true,
    "insuranceDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "insuranceOverdue" BOOLEAN NOT NULL DEFAULT true,
    "feeStatementReady" BOOLEAN NOT NULL DEFAULT true,
    "caseDeadline" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderSent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_organisationId_key_key" ON "ReminderSent"("organisationId", "key");
