-- The finding's ProductArn: with its Id it identifies the finding to Security Hub
-- (BatchUpdateFindings) and in the console. Alerts raised before this column existed have none.
ALTER TABLE alert ADD COLUMN product_arn VARCHAR(2048) DEFAULT '' NOT NULL;
