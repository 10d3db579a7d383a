-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'staff', 'viewer', 'homeowner');

-- CreateEnum
CREATE TYPE "ParcelStatus" AS ENUM ('acquired', 'in_development', 'leased', 'vacant', 'disposed');

-- CreateEnum
CREATE TYPE "AcquisitionMethod" AS ENUM ('purchase', 'donation', 'transfer');

-- CreateEnum
CREATE TYPE "AreaUnit" AS ENUM ('square_feet', 'acres');

-- CreateEnum
CREATE TYPE "HomeType" AS ENUM ('single_family', 'townhouse', 'condominium', 'duplex', 'other');

-- CreateEnum
CREATE TYPE "FundingProgram" AS ENUM ('HOME', 'CDBG', 'state', 'city', 'private', 'other');

-- CreateEnum
CREATE TYPE "LeaseStatus" AS ENUM ('draft', 'executed', 'recorded', 'active', 'ended', 'assigned');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',
    "county" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "householdId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "requestId" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Parcel" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "parcelNumber" TEXT NOT NULL,
    "streetAddress" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "legalDescription" TEXT NOT NULL DEFAULT '',
    "landArea" TEXT,
    "landAreaUnit" "AreaUnit" NOT NULL DEFAULT 'square_feet',
    "zoning" TEXT NOT NULL DEFAULT '',
    "acquisitionDate" TEXT,
    "acquisitionPriceCents" INTEGER,
    "acquisitionMethod" "AcquisitionMethod",
    "assessedLandValueCents" INTEGER,
    "status" "ParcelStatus" NOT NULL DEFAULT 'acquired',
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Parcel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Home" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "homeType" "HomeType" NOT NULL DEFAULT 'single_family',
    "bedrooms" INTEGER NOT NULL DEFAULT 0,
    "bathrooms" TEXT NOT NULL DEFAULT '1',
    "floorAreaSqft" INTEGER,
    "yearBuilt" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Home_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingSource" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "funder" TEXT NOT NULL,
    "program" "FundingProgram" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedOn" TEXT,
    "affordabilityYears" INTEGER,
    "restrictionEndDate" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundingSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "mailingAddress" TEXT NOT NULL DEFAULT '',
    "firstTimeBuyer" BOOLEAN,
    "ethnicity" TEXT NOT NULL DEFAULT '',
    "race" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "relationship" TEXT NOT NULL DEFAULT '',
    "dateOfBirth" TEXT,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomeLimitTable" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "areaCode" TEXT NOT NULL,
    "areaName" TEXT NOT NULL,
    "medianFamilyIncome" INTEGER NOT NULL,
    "limits" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "derivationMethod" TEXT NOT NULL DEFAULT 'multiple-of-50',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncomeLimitTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomeCertification" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "certifiedOn" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "incomeItems" JSONB NOT NULL,
    "totalIncomeCents" INTEGER NOT NULL,
    "incomeLimitTableId" TEXT NOT NULL,
    "hundredPercentLimit" INTEGER NOT NULL,
    "percentAmi" TEXT NOT NULL,
    "derivationMethod" TEXT NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncomeCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ownership" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "purchasePriceCents" INTEGER NOT NULL,
    "purchaseDate" TEXT NOT NULL,
    "saleDate" TEXT,
    "salePriceCents" INTEGER,
    "mortgageLender" TEXT NOT NULL DEFAULT '',
    "mortgageAmountCents" INTEGER,
    "mortgageRate" TEXT,
    "mortgageTermYears" INTEGER,
    "mortgageType" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ownership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormulaPreset" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "spec" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormulaPreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResaleCalculation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "ownershipId" TEXT,
    "presetName" TEXT NOT NULL DEFAULT '',
    "valuationDate" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "maxResalePriceCents" INTEGER NOT NULL,
    "boundBy" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResaleCalculation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseTemplate" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaseTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseTemplateVersion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "homeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "status" "LeaseStatus" NOT NULL DEFAULT 'draft',
    "executionDate" TEXT,
    "commencementDate" TEXT NOT NULL,
    "termYears" INTEGER NOT NULL DEFAULT 99,
    "expirationDate" TEXT NOT NULL,
    "renewalTermYears" INTEGER NOT NULL DEFAULT 99,
    "monthlyFeeCents" INTEGER NOT NULL,
    "feeEscalation" JSONB NOT NULL,
    "feeDueDay" INTEGER NOT NULL DEFAULT 1,
    "purchaseOptionDays" INTEGER NOT NULL DEFAULT 90,
    "formulaPresetName" TEXT NOT NULL DEFAULT '',
    "formulaSpec" JSONB,
    "riders" JSONB NOT NULL,
    "templateVersionId" TEXT,
    "recordingCounty" TEXT NOT NULL DEFAULT '',
    "recordingInstrument" TEXT NOT NULL DEFAULT '',
    "recordingBook" TEXT NOT NULL DEFAULT '',
    "recordingPage" TEXT NOT NULL DEFAULT '',
    "recordingDate" TEXT,
    "endedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseLessee" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LeaseLessee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermittedMortgage" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "lender" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "recordedOn" TEXT NOT NULL,

    CONSTRAINT "PermittedMortgage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseAmendment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseDocument" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "templateVersionId" TEXT,
    "sha256" TEXT NOT NULL,
    "pages" INTEGER NOT NULL,
    "generatedById" TEXT,
    "generatedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_ipAddress_createdAt_idx" ON "LoginAttempt"("email", "ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_createdAt_idx" ON "AuditEntry"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_entity_entityId_idx" ON "AuditEntry"("organisationId", "entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_idx" ON "ApiToken"("organisationId");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_status_parcelNumber_idx" ON "Parcel"("organisationId", "archivedAt", "status", "parcelNumber");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_streetAddress_idx" ON "Parcel"("organisationId", "streetAddress");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_updatedAt_idx" ON "Parcel"("organisationId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Parcel_organisationId_parcelNumber_key" ON "Parcel"("organisationId", "parcelNumber");

-- CreateIndex
CREATE INDEX "Home_organisationId_parcelId_idx" ON "Home"("organisationId", "parcelId");

-- CreateIndex
CREATE INDEX "FundingSource_organisationId_parcelId_idx" ON "FundingSource"("organisationId", "parcelId");

-- CreateIndex
CREATE INDEX "FundingSource_organisationId_program_idx" ON "FundingSource"("organisationId", "program");

-- CreateIndex
CREATE INDEX "Household_organisationId_archivedAt_name_idx" ON "Household"("organisationId", "archivedAt", "name");

-- CreateIndex
CREATE INDEX "HouseholdMember_organisationId_householdId_idx" ON "HouseholdMember"("organisationId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "IncomeLimitTable_organisationId_fiscalYear_areaCode_key" ON "IncomeLimitTable"("organisationId", "fiscalYear", "areaCode");

-- CreateIndex
CREATE INDEX "IncomeCertification_organisationId_householdId_certifiedOn_idx" ON "IncomeCertification"("organisationId", "householdId", "certifiedOn");

-- CreateIndex
CREATE INDEX "Ownership_organisationId_homeId_saleDate_idx" ON "Ownership"("organisationId", "homeId", "saleDate");

-- CreateIndex
CREATE INDEX "Ownership_organisationId_householdId_idx" ON "Ownership"("organisationId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "FormulaPreset_organisationId_name_key" ON "FormulaPreset"("organisationId", "name");

-- CreateIndex
CREATE INDEX "ResaleCalculation_organisationId_homeId_createdAt_idx" ON "ResaleCalculation"("organisationId", "homeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeaseTemplate_organisationId_name_key" ON "LeaseTemplate"("organisationId", "name");

-- CreateIndex
CREATE INDEX "LeaseTemplateVersion_organisationId_idx" ON "LeaseTemplateVersion"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaseTemplateVersion_templateId_versionNumber_key" ON "LeaseTemplateVersion"("templateId", "versionNumber");

-- CreateIndex
CREATE INDEX "Lease_organisationId_homeId_status_idx" ON "Lease"("organisationId", "homeId", "status");

-- CreateIndex
CREATE INDEX "Lease_organisationId_status_idx" ON "Lease"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_organisationId_reference_key" ON "Lease"("organisationId", "reference");

-- CreateIndex
CREATE INDEX "LeaseLessee_organisationId_leaseId_idx" ON "LeaseLessee"("organisationId", "leaseId");

-- CreateIndex
CREATE INDEX "PermittedMortgage_organisationId_leaseId_idx" ON "PermittedMortgage"("organisationId", "leaseId");

-- CreateIndex
CREATE INDEX "LeaseAmendment_organisationId_leaseId_idx" ON "LeaseAmendment"("organisationId", "leaseId");

-- CreateIndex
CREATE INDEX "LeaseDocument_organisationId_leaseId_idx" ON "LeaseDocument"("organisationId", "leaseId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Home" ADD CONSTRAINT "Home_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Home" ADD CONSTRAINT "Home_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingSource" ADD CONSTRAINT "FundingSource_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingSource" ADD CONSTRAINT "FundingSource_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeLimitTable" ADD CONSTRAINT "IncomeLimitTable_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeCertification" ADD CONSTRAINT "IncomeCertification_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeCertification" ADD CONSTRAINT "IncomeCertification_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeCertification" ADD CONSTRAINT "IncomeCertification_incomeLimitTableId_fkey" FOREIGN KEY ("incomeLimitTableId") REFERENCES "IncomeLimitTable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormulaPreset" ADD CONSTRAINT "FormulaPreset_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResaleCalculation" ADD CONSTRAINT "ResaleCalculation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResaleCalculation" ADD CONSTRAINT "ResaleCalculation_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseTemplate" ADD CONSTRAINT "LeaseTemplate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseTemplateVersion" ADD CONSTRAINT "LeaseTemplateVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseTemplateVersion" ADD CONSTRAINT "LeaseTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "LeaseTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Home"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "LeaseTemplateVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseLessee" ADD CONSTRAINT "LeaseLessee_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseLessee" ADD CONSTRAINT "LeaseLessee_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermittedMortgage" ADD CONSTRAINT "PermittedMortgage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermittedMortgage" ADD CONSTRAINT "PermittedMortgage_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseAmendment" ADD CONSTRAINT "LeaseAmendment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseAmendment" ADD CONSTRAINT "LeaseAmendment_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseDocument" ADD CONSTRAINT "LeaseDocument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseDocument" ADD CONSTRAINT "LeaseDocument_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseDocument" ADD CONSTRAINT "LeaseDocument_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "LeaseTemplateVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
