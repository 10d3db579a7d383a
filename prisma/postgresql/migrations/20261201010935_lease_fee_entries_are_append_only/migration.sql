-- Posted lease-fee entries are never changed or deleted (docs/lease-fees.md): corrections are reversing entries.
-- The app never tries; this trigger makes it a database-level guarantee as well (TRUNCATE included).
CREATE FUNCTION "lease_fee_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lease-fee entries are append-only: post a reversing entry instead' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "LeaseFeeEntry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "LeaseFeeEntry"
FOR EACH ROW EXECUTE FUNCTION "lease_fee_entry_append_only"();

CREATE TRIGGER "LeaseFeeEntry_no_truncate" BEFORE TRUNCATE ON "LeaseFeeEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "lease_fee_entry_append_only"();
