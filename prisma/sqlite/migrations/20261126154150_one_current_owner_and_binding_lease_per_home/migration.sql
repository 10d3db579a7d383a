/*
  Warnings:

  - A unique constraint covering the columns `[bindingHomeId]` on the table `Lease` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[currentHomeId]` on the table `Ownership` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Lease" ADD COLUMN "bindingHomeId" TEXT;

-- AlterTable
ALTER TABLE "Ownership" ADD COLUMN "currentHomeId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Lease_bindingHomeId_key" ON "Lease"("bindingHomeId");

-- CreateIndex
CREATE UNIQUE INDEX "Ownership_currentHomeId_key" ON "Ownership"("currentHomeId");

-- Backfill: the current ownership of each home, and each home's binding lease
UPDATE "Ownership" SET "currentHomeId" = "homeId" WHERE "saleDate" IS NULL;
UPDATE "Lease" SET "bindingHomeId" = "homeId" WHERE "status" IN ('executed', 'recorded', 'active');
