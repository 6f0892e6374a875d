CREATE FUNCTION evidence_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the evidence ledger is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER evidence_entry_append_only
    BEFORE UPDATE OR DELETE ON evidence_entry
    FOR EACH ROW EXECUTE FUNCTION evidence_entry_refuse_change();

CREATE TRIGGER evidence_entry_no_truncate
    BEFORE TRUNCATE ON evidence_entry
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_entry_refuse_change();
