-- A finding's raw JSON (2-4 KB) is compressed by TOAST; lz4 costs a fraction of the default
-- pglz's CPU at about the same size, which is most of the difference on a large import.
-- A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE finding ALTER COLUMN raw SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available; finding.raw keeps the default compression';
END
$$;
