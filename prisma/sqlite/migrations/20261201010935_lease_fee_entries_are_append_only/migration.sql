-- Posted lease-fee entries are never changed or deleted (docs/lease-fees.md): corrections are reversing entries.
-- The app never tries; these triggers make it a database-level guarantee as well.
CREATE TRIGGER "LeaseFeeEntry_no_update" BEFORE UPDATE ON "LeaseFeeEntry"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee entries are append-only: post a reversing entry instead');
END;

CREATE TRIGGER "LeaseFeeEntry_no_delete" BEFORE DELETE ON "LeaseFeeEntry"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee entries are append-only: post a reversing entry instead');
END;
