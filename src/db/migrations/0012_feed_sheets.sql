-- 0012 a workbook may carry its rows on several worksheets (one per township, one per month): every sheet whose header
-- fits the import is read (SPEC §10: "every good row arrives"). A row is then told apart by its sheet as well as its
-- row number: sheet_no is the worksheet's position in the workbook (1 for a CSV file); the names are in the import's
-- header (feed_imports.header.sheets).
ALTER TABLE feed_records ADD COLUMN sheet_no smallint NOT NULL DEFAULT 1;
ALTER TABLE feed_import_errors ADD COLUMN sheet_no smallint NOT NULL DEFAULT 1;
ALTER TABLE feed_import_errors DROP CONSTRAINT feed_import_errors_pkey;
ALTER TABLE feed_import_errors ADD PRIMARY KEY (import_id, sheet_no, row_number);
