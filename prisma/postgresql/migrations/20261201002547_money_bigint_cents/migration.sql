-- AlterTable
ALTER TABLE "FundingSource" ALTER COLUMN "amountCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "IncomeCertification" ALTER COLUMN "totalIncomeCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Lease" ALTER COLUMN "monthlyFeeCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Ownership" ALTER COLUMN "purchasePriceCents" SET DATA TYPE BIGINT,
ALTER COLUMN "salePriceCents" SET DATA TYPE BIGINT,
ALTER COLUMN "mortgageAmountCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Parcel" ALTER COLUMN "acquisitionPriceCents" SET DATA TYPE BIGINT,
ALTER COLUMN "assessedLandValueCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "PermittedMortgage" ALTER COLUMN "amountCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "ResaleCalculation" ALTER COLUMN "maxResalePriceCents" SET DATA TYPE BIGINT;
