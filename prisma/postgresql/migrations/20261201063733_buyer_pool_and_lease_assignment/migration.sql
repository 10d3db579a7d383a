-- AlterTable
ALTER TABLE "TransferCase" ADD COLUMN     "leaseDisposition" TEXT;

-- CreateTable
CREATE TABLE "InterestedBuyer" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "addedOn" TEXT NOT NULL,
    "bedroomsWanted" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "note" TEXT NOT NULL DEFAULT '',
    "transferCaseId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterestedBuyer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterestedBuyer_organisationId_status_addedOn_idx" ON "InterestedBuyer"("organisationId", "status", "addedOn");

-- CreateIndex
CREATE INDEX "InterestedBuyer_householdId_idx" ON "InterestedBuyer"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "InterestedBuyer_organisationId_householdId_key" ON "InterestedBuyer"("organisationId", "householdId");

-- AddForeignKey
ALTER TABLE "InterestedBuyer" ADD CONSTRAINT "InterestedBuyer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterestedBuyer" ADD CONSTRAINT "InterestedBuyer_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
