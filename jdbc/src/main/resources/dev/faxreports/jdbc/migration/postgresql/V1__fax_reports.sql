-- faxreports-jdbc schema, version 1 (PostgreSQL). A contract users query: change it only by a new
-- versioned script, never by editing this one.

-- One row per fax job, however often the drain delivered it (upserted by job_id).
CREATE TABLE fax_reports (
  job_id              text        PRIMARY KEY,
  data_center         text        NOT NULL,          -- the data center that held the report (DE1, US2…)
  pages               integer,                       -- null when the server sent none
  customer_defined_id text,
  billing_code        text,
  billing_info        text,
  first_sent_ts       timestamptz,                   -- earliest sentTs over the recipients
  stored_at           timestamptz NOT NULL,          -- the storing transaction's time
  report_json         json        NOT NULL           -- the report exactly as the server sent it (json keeps text verbatim; jsonb would not)
);
CREATE INDEX fax_reports_first_sent_ts ON fax_reports (first_sent_ts);

-- One row per recipient, replaced together with its report. No foreign key: checking one costs a
-- lookup per recipient row on every page, and the store itself writes both tables together; a
-- report deleted by hand takes its recipients along by the trigger below.
CREATE TABLE fax_recipient_statuses (
  job_id          text    NOT NULL,                  -- the report's job_id in fax_reports
  position        integer NOT NULL,                  -- index in the report's recipientStatus, from 0
  number          text,
  status          text,                              -- OK, BUSY, NOFAX… or a code unknown today
  reason          text,
  sent_ts         timestamptz,
  duration_secs   integer NOT NULL,
  sent_to_number  text,
  remote_csid     text,
  properties_json json    NOT NULL,                  -- cover-page data, [{"key":…,"value":…}]
  PRIMARY KEY (job_id, position)
);
-- No index on sent_ts: a recipient that was never sent has none, so time ranges go by the
-- report's first_sent_ts (indexed above), and one index fewer per row keeps pages fast.

-- Deleting a report deletes its recipients (what ON DELETE CASCADE did), once per statement.
CREATE FUNCTION fax_reports_delete_recipients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fax_recipient_statuses WHERE job_id IN (SELECT job_id FROM deleted_reports);
  RETURN NULL;
END
$$;
CREATE TRIGGER fax_reports_delete_recipients AFTER DELETE ON fax_reports
  REFERENCING OLD TABLE AS deleted_reports FOR EACH STATEMENT EXECUTE FUNCTION fax_reports_delete_recipients();
