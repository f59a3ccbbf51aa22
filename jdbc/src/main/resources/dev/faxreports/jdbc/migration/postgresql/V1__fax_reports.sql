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

-- One row per recipient, replaced together with its report.
CREATE TABLE fax_recipient_statuses (
  job_id          text    NOT NULL REFERENCES fax_reports (job_id) ON DELETE CASCADE,
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
CREATE INDEX fax_recipient_statuses_sent_ts ON fax_recipient_statuses (sent_ts);
