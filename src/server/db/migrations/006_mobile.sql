-- 006: the mobile view's device actions (issue 4, "Mobile, for field staff").
-- Every check-in, check-out and note made on a phone carries an id made on the device. The id is
-- stored here once, in the same transaction as its effect, so an action sent twice (a lost
-- response, a retry after the network came back) can never have a second effect. Check-in and
-- check-out are guarded a second time by visits.check_in_action / check_out_action (UNIQUE, 003);
-- notes have no such column, which is why this log is needed. Nothing is rewritten.
CREATE TABLE visit_actions (
  municipality_id int NOT NULL,
  action_id     uuid NOT NULL,                 -- made on the device; the idempotency key
  visit_id      uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('checkin','checkout','note')),
  device_at     timestamptz NOT NULL,          -- the time on the device when the action was made
  note          text,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, action_id),
  FOREIGN KEY (municipality_id, visit_id) REFERENCES visits(municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users(municipality_id, id),
  CONSTRAINT visit_action_note_has_text CHECK (kind <> 'note' OR note IS NOT NULL)
);
CREATE INDEX visit_actions_visit ON visit_actions (municipality_id, visit_id, received_at);

ALTER TABLE visit_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit_actions
  USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int);
GRANT SELECT, INSERT ON visit_actions TO lots_app;
