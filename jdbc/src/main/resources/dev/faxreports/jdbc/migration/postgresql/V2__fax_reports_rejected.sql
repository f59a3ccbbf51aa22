-- faxreports-jdbc schema, version 2 (PostgreSQL): the quarantine. A contract users query: change it
-- only by a new versioned script, never by editing this one.

-- Every report the typed tables cannot take, exactly as the server sent it, with the reason: a job
-- ID that is not text or too long for the key, bytes that are not UTF-8, a time out of range, JSON
-- nested too deep, a job ID already stored from another data center, a value the database refused.
-- Written in the transaction of the report's page, before the drain deletes it at the service.
CREATE TABLE fax_reports_rejected (
  data_center   text        NOT NULL,              -- the data center that served the report (DE1, US2…)
  job_id        text,                              -- its job ID; null when that is not text (a lone surrogate, a NUL)
  reason        text        NOT NULL,              -- why it is not in fax_reports
  report_bytes  bytea       NOT NULL,              -- the report exactly as the server sent it, byte for byte
  report_sha256 bytea       NOT NULL,              -- SHA-256 of report_bytes
  stored_at     timestamptz NOT NULL,              -- the storing transaction's time (of its last delivery)
  -- The same report delivered again (its delete failed) is one row; two different reports never are.
  -- No index on job_id: one too long for fax_reports' key is among the reports kept here.
  PRIMARY KEY (data_center, report_sha256)
);
