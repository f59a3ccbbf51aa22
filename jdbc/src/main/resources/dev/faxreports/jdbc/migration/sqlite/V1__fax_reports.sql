-- faxreports-jdbc schema, version 1 (SQLite). A contract users query: change it only by a new
-- versioned script, never by editing this one.
-- Timestamps are TEXT in UTC, 'YYYY-MM-DD HH:MM:SS.SSSSSS': what SQLite's datetime() writes (plus
-- microseconds); its date functions read it, and it compares as text in time order.

-- One row per fax job, however often the drain delivered it (upserted by job_id).
CREATE TABLE fax_reports (
  job_id              TEXT    NOT NULL PRIMARY KEY,
  data_center         TEXT    NOT NULL,              -- the data center that held the report (DE1, US2…)
  pages               INTEGER,                       -- null when the server sent none
  customer_defined_id TEXT,
  billing_code        TEXT,
  billing_info        TEXT,
  first_sent_ts       TEXT,                          -- earliest sentTs over the recipients
  stored_at           TEXT    NOT NULL,              -- the storing transaction's time
  report_json         TEXT    NOT NULL               -- the report exactly as the server sent it
) STRICT;
CREATE INDEX fax_reports_first_sent_ts ON fax_reports (first_sent_ts);

-- One row per recipient, replaced together with its report. No foreign key: checking one costs a
-- lookup per recipient row on every page, and the store itself writes both tables together; a
-- report deleted by hand takes its recipients along by the trigger below.
CREATE TABLE fax_recipient_statuses (
  job_id          TEXT    NOT NULL,                  -- the report's job_id in fax_reports
  position        INTEGER NOT NULL,                  -- index in the report's recipientStatus, from 0
  number          TEXT,
  status          TEXT,                              -- OK, BUSY, NOFAX… or a code unknown today
  reason          TEXT,
  sent_ts         TEXT,
  duration_secs   INTEGER NOT NULL,
  sent_to_number  TEXT,
  remote_csid     TEXT,
  properties_json TEXT    NOT NULL,                  -- cover-page data, [{"key":…,"value":…}]
  PRIMARY KEY (job_id, position)
) STRICT;
-- No index on sent_ts: a recipient that was never sent has none, so time ranges go by the
-- report's first_sent_ts (indexed above), and one index fewer per row keeps pages fast.

-- Deleting a report deletes its recipients (what ON DELETE CASCADE did).
CREATE TRIGGER fax_reports_delete_recipients AFTER DELETE ON fax_reports
BEGIN
  DELETE FROM fax_recipient_statuses WHERE job_id = OLD.job_id;
END;
