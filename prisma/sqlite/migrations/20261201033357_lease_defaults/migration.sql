-- CreateTable
CREATE TABLE "LeaseDefault" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amountCents" BIGINT,
    "noticeDate" TEXT NOT NULL,
    "cureDays" INTEGER NOT NULL,
    "cureDeadline" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "curedOn" TEXT,
    "escalations" JSONB NOT NULL,
    "mortgageeCopies" JSONB NOT NULL,
    "lenderName" TEXT NOT NULL DEFAULT '',
    "lenderNoticeReceivedOn" TEXT,
    "lenderCureDays" INTEGER,
    "lenderCureDeadline" TEXT,
    "foreclosureSaleDate" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LeaseDefault_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeaseDefault_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LeaseDefault_organisationId_status_idx" ON "LeaseDefault"("organisationId", "status");

-- CreateIndex
CREATE INDEX "LeaseDefault_organisationId_leaseId_idx" ON "LeaseDefault"("organisationId", "leaseId");

-- CreateIndex
CREATE INDEX "LeaseDefault_leaseId_idx" ON "LeaseDefault"("leaseId");
