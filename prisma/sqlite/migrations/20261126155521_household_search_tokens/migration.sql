-- CreateTable
CREATE TABLE "HouseholdSearchToken" (
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "token" TEXT NOT NULL,

    PRIMARY KEY ("householdId", "token"),
    CONSTRAINT "HouseholdSearchToken_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HouseholdSearchToken_organisationId_token_householdId_idx" ON "HouseholdSearchToken"("organisationId", "token", "householdId");

-- CreateIndex
CREATE INDEX "HouseholdSearchToken_token_householdId_idx" ON "HouseholdSearchToken"("token", "householdId");

-- CreateIndex
CREATE INDEX "Household_organisationId_archivedAt_updatedAt_idx" ON "Household"("organisationId", "archivedAt", "updatedAt");
