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

-- CreateIndex
CREATE INDEX "PermittedMortgage_ownershipId_idx" ON "PermittedMortgage"("ownershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PermittedMortgage_leaseId_ownershipId_key" ON "PermittedMortgage"("leaseId", "ownershipId");

-- AddForeignKey
ALTER TABLE "PermittedMortgage" ADD CONSTRAINT "PermittedMortgage_ownershipId_fkey" FOREIGN KEY ("ownershipId") REFERENCES "Ownership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

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
