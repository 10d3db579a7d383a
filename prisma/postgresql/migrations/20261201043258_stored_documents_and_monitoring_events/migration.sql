-- CreateEnum
CREATE TYPE "DocumentOwnerType" AS ENUM ('home', 'lease', 'monitoring_event', 'transfer_case', 'household');

-- CreateEnum
CREATE TYPE "MonitoringEventType" AS ENUM ('occupancy_certification', 'insurance_proof', 'property_tax_proof', 'inspection', 'late_payment', 'delinquent_90_days', 'notice_of_foreclosure', 'foreclosure_initiated', 'enforcement_violation', 'leave_of_absence_request', 'short_sale_request', 'rent_request', 'refinance_request', 'improvement_request', 'other');

-- CreateEnum
CREATE TYPE "MonitoringEventStatus" AS ENUM ('open', 'submitted', 'resolved', 'delinquent');

-- AlterTable
ALTER TABLE "StewardshipSettings" ADD COLUMN     "graceDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "monitoringStartsOn" TEXT,
ADD COLUMN     "occupancyFixedDate" TEXT,
ADD COLUMN     "taxProofDate" TEXT;

-- CreateTable
CREATE TABLE "StoredDocument" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "ownerType" "DocumentOwnerType" NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredDocumentContent" (
    "key" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredDocumentContent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MonitoringEvent" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT,
    "leaseId" TEXT,
    "type" "MonitoringEventType" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "dueDate" TEXT NOT NULL,
    "status" "MonitoringEventStatus" NOT NULL DEFAULT 'open',
    "submittedOn" TEXT,
    "resolution" TEXT NOT NULL DEFAULT '',
    "resolvedOn" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "assignedToId" TEXT,
    "scheduleKey" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringSchedule" (
    "leaseId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "occupancyFixedDate" TEXT,
    "insuranceExpiresOn" TEXT,
    "taxProofDate" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringSchedule_pkey" PRIMARY KEY ("leaseId")
);

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

-- AddForeignKey
ALTER TABLE "StoredDocument" ADD CONSTRAINT "StoredDocument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredDocumentContent" ADD CONSTRAINT "StoredDocumentContent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvent" ADD CONSTRAINT "MonitoringEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvent" ADD CONSTRAINT "MonitoringEvent_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvent" ADD CONSTRAINT "MonitoringEvent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvent" ADD CONSTRAINT "MonitoringEvent_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSchedule" ADD CONSTRAINT "MonitoringSchedule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSchedule" ADD CONSTRAINT "MonitoringSchedule_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;
