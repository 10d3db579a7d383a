-- CreateTable
CREATE TABLE "TransferCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openHomeId" TEXT,
    "leaseId" TEXT,
    "sellerOwnershipId" TEXT,
    "sellerHouseholdId" TEXT,
    "noticeDate" TEXT NOT NULL,
    "noticeMethod" TEXT NOT NULL,
    "noticeNote" TEXT NOT NULL DEFAULT '',
    "calculationId" TEXT,
    "maxPriceCents" BIGINT,
    "priceNoticeOn" TEXT,
    "optionDecision" TEXT,
    "optionDecidedOn" TEXT,
    "optionNote" TEXT NOT NULL DEFAULT '',
    "buyerHouseholdId" TEXT,
    "buyerEligibility" JSONB,
    "closingDate" TEXT,
    "closingPriceCents" BIGINT,
    "overrideReason" TEXT NOT NULL DEFAULT '',
    "closingStatement" JSONB,
    "outcomes" JSONB,
    "buyerOwnershipId" TEXT,
    "buyerLeaseId" TEXT,
    "cancelledOn" TEXT,
    "cancelReason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TransferCase_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TransferCase_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TransferCase_openHomeId_key" ON "TransferCase"("openHomeId");

-- CreateIndex
CREATE INDEX "TransferCase_organisationId_status_idx" ON "TransferCase"("organisationId", "status");

-- CreateIndex
CREATE INDEX "TransferCase_organisationId_homeId_idx" ON "TransferCase"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "TransferCase_homeId_idx" ON "TransferCase"("homeId");
