-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "disabledAt" TIMESTAMP(3);
