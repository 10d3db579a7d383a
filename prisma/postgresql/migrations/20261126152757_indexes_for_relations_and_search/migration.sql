-- DropIndex
DROP INDEX "ParcelSearchToken_organisationId_token_idx";

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_entityId_idx" ON "AuditEntry"("organisationId", "entityId");

-- CreateIndex
CREATE INDEX "FundingSource_parcelId_idx" ON "FundingSource"("parcelId");

-- CreateIndex
CREATE INDEX "Home_parcelId_idx" ON "Home"("parcelId");

-- CreateIndex
CREATE INDEX "HouseholdMember_householdId_idx" ON "HouseholdMember"("householdId");

-- CreateIndex
CREATE INDEX "IncomeCertification_householdId_idx" ON "IncomeCertification"("householdId");

-- CreateIndex
CREATE INDEX "Lease_homeId_idx" ON "Lease"("homeId");

-- CreateIndex
CREATE INDEX "Lease_householdId_idx" ON "Lease"("householdId");

-- CreateIndex
CREATE INDEX "LeaseAmendment_leaseId_idx" ON "LeaseAmendment"("leaseId");

-- CreateIndex
CREATE INDEX "LeaseDocument_leaseId_idx" ON "LeaseDocument"("leaseId");

-- CreateIndex
CREATE INDEX "LeaseLessee_leaseId_idx" ON "LeaseLessee"("leaseId");

-- CreateIndex
CREATE INDEX "Ownership_homeId_saleDate_idx" ON "Ownership"("homeId", "saleDate");

-- CreateIndex
CREATE INDEX "Ownership_householdId_idx" ON "Ownership"("householdId");

-- CreateIndex
CREATE INDEX "ParcelSearchToken_organisationId_token_parcelId_idx" ON "ParcelSearchToken"("organisationId", "token", "parcelId");

-- CreateIndex
CREATE INDEX "ParcelSearchToken_token_parcelId_idx" ON "ParcelSearchToken"("token", "parcelId");

-- CreateIndex
CREATE INDEX "PermittedMortgage_leaseId_idx" ON "PermittedMortgage"("leaseId");

-- CreateIndex
CREATE INDEX "ResaleCalculation_homeId_idx" ON "ResaleCalculation"("homeId");
