-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "disabledAt" DATETIME;
