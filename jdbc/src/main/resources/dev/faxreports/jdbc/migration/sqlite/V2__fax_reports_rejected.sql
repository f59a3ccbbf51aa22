-- faxreports-jdbc schema, version 2 (SQLite): the quarantine. A contract users query: change it only
-- by a new versioned script, never by editing this one.

-- Every report the typed tables cannot take, exactly as the server sent it, with the reason: a job
-- ID that is not text, bytes that are not UTF-8, JSON nested too deep, a job ID already stored from
-- another data center, a value the database refused. Written in the transaction of the report's
-- page, before the drain deletes it at the service.
CREATE TABLE fax_reports_rejected (
  data_center   TEXT NOT NULL,                     -- the data center that served the report (DE1, US2…)
  job_id        TEXT,                              -- its job ID; null when that is not text (a lone surrogate, a NUL)
  reason        TEXT NOT NULL,                     -- why it is not in fax_reports
  report_bytes  BLOB NOT NULL,                     -- the report exactly as the server sent it, byte for byte
  report_sha256 BLOB NOT NULL,                     -- SHA-256 of report_bytes
  stored_at     TEXT NOT NULL,                     -- the storing transaction's time (of its last delivery), UTC
  -- The same report delivered again (its delete failed) is one row; two different reports never are.
  PRIMARY KEY (data_center, report_sha256)
) STRICT;
