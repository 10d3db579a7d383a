/*
  Warnings:

  - A unique constraint covering the columns `[leaseId,ownershipId]` on the table `PermittedMortgage` will be added. If there are existing duplicate values, this will fail.

*/
/*
  Warnings:

  - A unique constraint covering the columns `[leaseId,ownershipId]` on the table `PermittedMortgage` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "PermittedMortgage" ADD COLUMN     "ownershipId" TEXT,
ADD COLUMN     "releasedOn" TEXT;

-- CreateTable
CREATE TABLE "StewardshipSettings" (
    "organisationId" TEXT NOT NULL,
    "calculationMaxAgeDays" INTEGER NOT NULL DEFAULT 180,
    "refinanceMaxShare" TEXT NOT NULL DEFAULT '0.95',
    "cashOutLimitCents" BIGINT NOT NULL DEFAULT 500000,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StewardshipSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "StewardshipRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "receivedOn" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "periodStart" TEXT,
    "periodEnd" TEXT,
    "decidedOn" TEXT,
    "decision" JSONB,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "amendmentId" TEXT,
    "decidedById" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StewardshipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StewardshipRequest_organisationId_leaseId_receivedOn_idx" ON "StewardshipRequest"("organisationId", "leaseId", "receivedOn");

-- CreateIndex
CREATE INDEX "StewardshipRequest_organisationId_status_idx" ON "StewardshipRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "StewardshipRequest_leaseId_idx" ON "StewardshipRequest"("leaseId");

-- CreateIndex
CREATE INDEX "PermittedMortgage_ownershipId_idx" ON "PermittedMortgage"("ownershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PermittedMortgage_leaseId_ownershipId_key" ON "PermittedMortgage"("leaseId", "ownershipId");

-- AddForeignKey
ALTER TABLE "PermittedMortgage" ADD CONSTRAINT "PermittedMortgage_ownershipId_fkey" FOREIGN KEY ("ownershipId") REFERENCES "Ownership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StewardshipSettings" ADD CONSTRAINT "StewardshipSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StewardshipRequest" ADD CONSTRAINT "StewardshipRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StewardshipRequest" ADD CONSTRAINT "StewardshipRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data: a permitted mortgage that is its lease household's purchase mortgage of that home (same
-- lender and amount) becomes linked to the purchase (one row per lease and purchase).
UPDATE "PermittedMortgage" SET "ownershipId" = (
  SELECT o."id" FROM "Ownership" o JOIN "Lease" l ON l."id" = "PermittedMortgage"."leaseId"
  WHERE o."homeId" = l."homeId" AND o."householdId" = l."householdId"
    AND o."mortgageAmountCents" = "PermittedMortgage"."amountCents" AND o."mortgageLender" = "PermittedMortgage"."lender"
  ORDER BY o."purchaseDate" DESC LIMIT 1
)
WHERE "ownershipId" IS NULL AND "id" = (
  SELECT MIN(p2."id") FROM "PermittedMortgage" p2
  WHERE p2."leaseId" = "PermittedMortgage"."leaseId" AND p2."lender" = "PermittedMortgage"."lender" AND p2."amountCents" = "PermittedMortgage"."amountCents"
);
