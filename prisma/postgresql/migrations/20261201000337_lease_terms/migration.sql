-- AlterTable
ALTER TABLE "Lease" ADD COLUMN     "closingDays" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "graceDays" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "lateChargeCents" BIGINT NOT NULL DEFAULT 1000,
ADD COLUMN     "lenderCureDays" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "monetaryCureDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "nonMonetaryCureDays" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "priceNoticeDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "renewalNoticeEarliestMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "renewalNoticeLatestMonths" INTEGER NOT NULL DEFAULT 6;

-- AlterTable
ALTER TABLE "LeaseAmendment" ADD COLUMN     "appliedToLease" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LeaseTermDefaults" (
    "organisationId" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaseTermDefaults_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "LeaseTermDefaults" ADD CONSTRAINT "LeaseTermDefaults_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Amendments recorded before this migration were written into the Lease row (see LeaseAmendment.appliedToLease)
UPDATE "LeaseAmendment" SET "appliedToLease" = true;
