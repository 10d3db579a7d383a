-- DropIndex
DROP INDEX "Household_organisationId_archivedAt_updatedAt_idx";

-- DropIndex
DROP INDEX "Household_organisationId_archivedAt_name_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_archivedAt_updatedAt_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_archivedAt_streetAddress_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_archivedAt_parcelNumber_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_archivedAt_status_parcelNumber_idx";

-- CreateIndex
CREATE INDEX "Household_organisationId_archivedAt_name_id_idx" ON "Household"("organisationId", "archivedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Household_organisationId_archivedAt_updatedAt_id_idx" ON "Household"("organisationId", "archivedAt", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_parcelNumber_id_idx" ON "Parcel"("organisationId", "archivedAt", "parcelNumber", "id");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_status_id_idx" ON "Parcel"("organisationId", "archivedAt", "status", "id");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_streetAddress_id_idx" ON "Parcel"("organisationId", "archivedAt", "streetAddress", "id");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_updatedAt_id_idx" ON "Parcel"("organisationId", "archivedAt", "updatedAt", "id");
