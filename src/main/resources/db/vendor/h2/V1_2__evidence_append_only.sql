CREATE TRIGGER evidence_entry_append_only BEFORE UPDATE, DELETE ON evidence_entry
    FOR EACH ROW CALL 'io.soc2ops.evidence.internal.AppendOnlyTrigger';
