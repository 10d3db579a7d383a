-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/New_York';

-- Existing trusts get the usual time zone of their state (app/modules/organisations/time-zone.ts); others keep America/New_York.
UPDATE "Organisation" SET "timeZone" = 'America/Chicago' WHERE LOWER(TRIM("state")) IN ('al', 'alabama', 'ar', 'arkansas', 'il', 'illinois', 'ia', 'iowa', 'ks', 'kansas', 'la', 'louisiana', 'mn', 'minnesota', 'ms', 'mississippi', 'mo', 'missouri', 'ne', 'nebraska', 'nd', 'north dakota', 'ok', 'oklahoma', 'sd', 'south dakota', 'tn', 'tennessee', 'tx', 'texas', 'wi', 'wisconsin');
UPDATE "Organisation" SET "timeZone" = 'America/Anchorage' WHERE LOWER(TRIM("state")) IN ('ak', 'alaska');
UPDATE "Organisation" SET "timeZone" = 'America/Phoenix' WHERE LOWER(TRIM("state")) IN ('az', 'arizona');
UPDATE "Organisation" SET "timeZone" = 'America/Los_Angeles' WHERE LOWER(TRIM("state")) IN ('ca', 'california', 'nv', 'nevada', 'or', 'oregon', 'wa', 'washington');
UPDATE "Organisation" SET "timeZone" = 'America/Denver' WHERE LOWER(TRIM("state")) IN ('co', 'colorado', 'mt', 'montana', 'nm', 'new mexico', 'ut', 'utah', 'wy', 'wyoming');
UPDATE "Organisation" SET "timeZone" = 'Pacific/Honolulu' WHERE LOWER(TRIM("state")) IN ('hi', 'hawaii');
UPDATE "Organisation" SET "timeZone" = 'America/Boise' WHERE LOWER(TRIM("state")) IN ('id', 'idaho');
UPDATE "Organisation" SET "timeZone" = 'America/Indiana/Indianapolis' WHERE LOWER(TRIM("state")) IN ('in', 'indiana');
UPDATE "Organisation" SET "timeZone" = 'America/Detroit' WHERE LOWER(TRIM("state")) IN ('mi', 'michigan');
UPDATE "Organisation" SET "timeZone" = 'America/Puerto_Rico' WHERE LOWER(TRIM("state")) IN ('pr', 'puerto rico');
UPDATE "Organisation" SET "timeZone" = 'Pacific/Guam' WHERE LOWER(TRIM("state")) IN ('gu', 'guam');
UPDATE "Organisation" SET "timeZone" = 'America/St_Thomas' WHERE LOWER(TRIM("state")) IN ('vi', 'u.s. virgin islands');
UPDATE "Organisation" SET "timeZone" = 'Pacific/Pago_Pago' WHERE LOWER(TRIM("state")) IN ('as', 'american samoa');
UPDATE "Organisation" SET "timeZone" = 'Pacific/Saipan' WHERE LOWER(TRIM("state")) IN ('mp', 'northern mariana islands');
