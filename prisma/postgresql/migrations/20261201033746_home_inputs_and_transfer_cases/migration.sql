-- AlterTable
ALTER TABLE "IndexValue" ADD COLUMN     "source" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "HomeAppraisal" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "appraiser" TEXT NOT NULL,
    "orderedOn" TEXT NOT NULL,
    "receivedOn" TEXT,
    "effectiveDate" TEXT,
    "valueCents" BIGINT,
    "improvementValueCents" BIGINT,
    "source" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomeAppraisal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeInspection" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "inspectedOn" TEXT NOT NULL,
    "inspector" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionDeduction" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "InspectionDeduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovedImprovement" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "costCents" BIGINT NOT NULL,
    "completedOn" TEXT NOT NULL,
    "approvedOn" TEXT NOT NULL,
    "creditTerms" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovedImprovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferCase" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransferCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HomeAppraisal_organisationId_homeId_idx" ON "HomeAppraisal"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "HomeAppraisal_homeId_idx" ON "HomeAppraisal"("homeId");

-- CreateIndex
CREATE INDEX "HomeInspection_organisationId_homeId_idx" ON "HomeInspection"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "HomeInspection_homeId_idx" ON "HomeInspection"("homeId");

-- CreateIndex
CREATE INDEX "InspectionDeduction_inspectionId_idx" ON "InspectionDeduction"("inspectionId");

-- CreateIndex
CREATE INDEX "InspectionDeduction_organisationId_idx" ON "InspectionDeduction"("organisationId");

-- CreateIndex
CREATE INDEX "ApprovedImprovement_organisationId_homeId_idx" ON "ApprovedImprovement"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "ApprovedImprovement_homeId_idx" ON "ApprovedImprovement"("homeId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferCase_openHomeId_key" ON "TransferCase"("openHomeId");

-- CreateIndex
CREATE INDEX "TransferCase_organisationId_status_idx" ON "TransferCase"("organisationId", "status");

-- CreateIndex
CREATE INDEX "TransferCase_organisationId_homeId_idx" ON "TransferCase"("organisationId", "homeId");

-- CreateIndex
CREATE INDEX "TransferCase_homeId_idx" ON "TransferCase"("homeId");

-- AddForeignKey
ALTER TABLE "HomeAppraisal" ADD CONSTRAINT "HomeAppraisal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeAppraisal" ADD CONSTRAINT "HomeAppraisal_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeInspection" ADD CONSTRAINT "HomeInspection_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeInspection" ADD CONSTRAINT "HomeInspection_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDeduction" ADD CONSTRAINT "InspectionDeduction_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDeduction" ADD CONSTRAINT "InspectionDeduction_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "HomeInspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovedImprovement" ADD CONSTRAINT "ApprovedImprovement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovedImprovement" ADD CONSTRAINT "ApprovedImprovement_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferCase" ADD CONSTRAINT "TransferCase_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferCase" ADD CONSTRAINT "TransferCase_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
