-- CreateTable
CREATE TABLE "StewardshipSettings" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "calculationMaxAgeDays" INTEGER NOT NULL DEFAULT 180,
    "refinanceMaxShare" TEXT NOT NULL DEFAULT '0.95',
    "cashOutLimitCents" BIGINT NOT NULL DEFAULT 500000,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StewardshipSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StewardshipRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StewardshipRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StewardshipRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PermittedMortgage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "lender" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "ownershipId" TEXT,
    "releasedOn" TEXT,
    CONSTRAINT "PermittedMortgage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PermittedMortgage_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PermittedMortgage_ownershipId_fkey" FOREIGN KEY ("ownershipId") REFERENCES "Ownership" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PermittedMortgage" ("amountCents", "id", "leaseId", "lender", "organisationId", "recordedOn") SELECT "amountCents", "id", "leaseId", "lender", "organisationId", "recordedOn" FROM "PermittedMortgage";
DROP TABLE "PermittedMortgage";
ALTER TABLE "new_PermittedMortgage" RENAME TO "PermittedMortgage";
CREATE INDEX "PermittedMortgage_organisationId_leaseId_idx" ON "PermittedMortgage"("organisationId", "leaseId");
CREATE INDEX "PermittedMortgage_leaseId_idx" ON "PermittedMortgage"("leaseId");
CREATE INDEX "PermittedMortgage_ownershipId_idx" ON "PermittedMortgage"("ownershipId");
CREATE UNIQUE INDEX "PermittedMortgage_leaseId_ownershipId_key" ON "PermittedMortgage"("leaseId", "ownershipId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StewardshipRequest_organisationId_leaseId_receivedOn_idx" ON "StewardshipRequest"("organisationId", "leaseId", "receivedOn");

-- CreateIndex
CREATE INDEX "StewardshipRequest_organisationId_status_idx" ON "StewardshipRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "StewardshipRequest_leaseId_idx" ON "StewardshipRequest"("leaseId");

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
