-- DropIndex
DROP INDEX "LeaseFeeEntry_organisationId_date_idx";
