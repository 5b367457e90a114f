-- 002: the legal chain for case workers (issue 3): process facts on the case, decision drafts,
-- proposals and signing, decision letters and delivery, appeals, delegationsordning, journal
-- drafts and corrections, case files, letter templates and reminders from the job queue.
-- Same rules as 001: municipality_id first in every key, RLS FORCE on every tenant table.

-- ---- Cases: which legal chain, and the facts the state machine reads --------------------------
ALTER TABLE cases
  ADD COLUMN case_type text CHECK (case_type IN ('barn_anmalan','bistand_ansokan','lss_ansokan','ekonomiskt_bistand','vuxen_anmalan')),
  -- what came in: channel, reporter (role, may be named, anonymous), requested insatser, EB period
  ADD COLUMN intake jsonb NOT NULL DEFAULT '{}',
  -- omedelbar skyddsbedömning (20 kap. 1 § SoL)
  ADD COLUMN skydd_assessed_at timestamptz,
  ADD COLUMN skydd_assessed_by uuid,
  ADD COLUMN skydd_acute boolean,
  ADD COLUMN skydd_text text,
  -- förhandsbedömning (20 kap. 2 § SoL)
  ADD COLUMN fhb_outcome text CHECK (fhb_outcome IN ('inleda','inte_inleda')),
  ADD COLUMN fhb_motivation text,
  ADD COLUMN fhb_decided_on date,
  ADD COLUMN fhb_decided_by uuid,
  -- utredning (14 kap. 2 § SoL; 20 kap. 3 § SoL for children), BBIC / IBIC sections as a keyed map
  ADD COLUMN inv_opened_on date,
  ADD COLUMN inv_content jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN inv_own_view text,
  ADD COLUMN inv_personkrets text CHECK (inv_personkrets IN ('1','2','3','ingen')),
  ADD COLUMN inv_extended_to date,
  ADD COLUMN inv_extension_reason text,
  ADD COLUMN inv_extended_by uuid,
  -- kommunikation (25 § FL)
  ADD COLUMN komm_sent_on date,
  ADD COLUMN komm_reply_by date,
  ADD COLUMN komm_reply_received_on date,
  ADD COLUMN komm_exception_reason text,
  ADD COLUMN closed_by uuid,
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD FOREIGN KEY (municipality_id, skydd_assessed_by) REFERENCES staff_users(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, fhb_decided_by) REFERENCES staff_users(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, inv_extended_by) REFERENCES staff_users(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, closed_by) REFERENCES staff_users(municipality_id, id);

UPDATE cases c SET case_type = CASE
    WHEN c.area = 'barn_och_unga' AND c.origin <> 'ansokan' THEN 'barn_anmalan'
    WHEN c.area = 'ekonomiskt_bistand' THEN 'ekonomiskt_bistand'
    WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.municipality_id = c.municipality_id AND d.case_id = c.id AND d.legal_basis LIKE 'LSS%') THEN 'lss_ansokan'
    WHEN c.origin = 'ansokan' THEN 'bistand_ansokan'
    ELSE 'vuxen_anmalan' END
  WHERE c.case_type IS NULL;
ALTER TABLE cases ALTER COLUMN case_type SET NOT NULL;
CREATE INDEX cases_unit_open ON cases (municipality_id, unit_id) WHERE status <> 'avslutad';

-- Case numbers: one series per municipality, prefix and year, taken under a row lock.
CREATE TABLE case_number_series (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  prefix   text NOT NULL,
  year     int NOT NULL,
  last_no  int NOT NULL,
  PRIMARY KEY (municipality_id, prefix, year)
);
INSERT INTO case_number_series (municipality_id, prefix, year, last_no)
  SELECT municipality_id, split_part(case_number, '-', 2), split_part(case_number, '-', 1)::int, max(split_part(case_number, '-', 3)::int)
  FROM cases WHERE case_number ~ '^\d{4}-[^-]+-\d+$' GROUP BY 1, 2, 3;

ALTER TABLE case_deadlines
  ADD COLUMN extended_reason text,
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX case_deadlines_due ON case_deadlines (municipality_id, due_on) WHERE completed_on IS NULL;

-- ---- Decisions: a draft per insats, proposed to someone with delegation, then signed ---------
ALTER TABLE decisions
  ALTER COLUMN decided_on DROP NOT NULL,
  ALTER COLUMN decided_by DROP NOT NULL,
  ADD COLUMN status text NOT NULL DEFAULT 'fattat' CHECK (status IN ('utkast','forslag','fattat')),
  ADD COLUMN insats_key text,
  ADD COLUMN decision_type text,
  ADD COLUMN appeal_route text NOT NULL DEFAULT 'forvaltningsbesvar' CHECK (appeal_route IN ('forvaltningsbesvar','laglighetsprovning','ingen')),
  ADD COLUMN amount_sek numeric(12,2),
  ADD COLUMN drafted_by uuid,
  ADD COLUMN proposed_to text CHECK (proposed_to IN ('arbetsledare','namnd')),
  ADD COLUMN proposed_at timestamptz,
  ADD COLUMN decided_capacity text CHECK (decided_capacity IN ('delegation','namnd')),
  ADD COLUMN namnd_protocol text,
  ADD COLUMN signed_at timestamptz,
  ADD COLUMN letter_id uuid,
  ADD COLUMN follow_up_on date,
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD FOREIGN KEY (municipality_id, drafted_by) REFERENCES staff_users(municipality_id, id),
  ADD CONSTRAINT decision_taken_has_decider CHECK (status <> 'fattat' OR (decided_on IS NOT NULL AND decided_by IS NOT NULL));
UPDATE decisions SET signed_at = (decided_on::timestamp + interval '14 hours') AT TIME ZONE 'Europe/Stockholm', decided_capacity = 'delegation'
  WHERE status = 'fattat';

-- A signed decision can no longer change, except for what happens to it afterwards
-- (letter, delgivning, follow-up date, end of validity when the insats ends).
CREATE FUNCTION decisions_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status = 'fattat' THEN
    RAISE EXCEPTION 'a taken decision cannot be deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'fattat' AND (
      NEW.status, NEW.insats, NEW.outcome, NEW.legal_basis, NEW.motivation, NEW.scope, NEW.valid_from, NEW.amount_sek,
      NEW.decided_on, NEW.decided_by, NEW.signed_at, NEW.ksi_code)
    IS DISTINCT FROM (
      OLD.status, OLD.insats, OLD.outcome, OLD.legal_basis, OLD.motivation, OLD.scope, OLD.valid_from, OLD.amount_sek,
      OLD.decided_on, OLD.decided_by, OLD.signed_at, OLD.ksi_code) THEN
    RAISE EXCEPTION 'a taken decision cannot be changed; a new decision is needed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER decisions_signed_immutable BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION decisions_signed_immutable();

-- The letter that told the party of the decision(s) (33 § FL), and when they received it.
CREATE TABLE decision_letters (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  case_id         uuid NOT NULL,
  file_id         uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid NOT NULL,
  delivered_on    date,
  delivery_method text CHECK (delivery_method IN ('brev','digital_brevlada','personligt','mottagningsbevis')),
  delivery_recorded_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users(municipality_id, id)
);

-- ---- Delegationsordning: who may take which decision, maintained per municipality ------------
CREATE TABLE delegations (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  decision_type text NOT NULL,
  level         text NOT NULL CHECK (level IN ('handlaggare','arbetsledare')),
  outcomes      text[] NOT NULL CHECK (outcomes <@ ARRAY['bifall','delvis_bifall','avslag']::text[] AND cardinality(outcomes) > 0),
  unit_id       uuid,
  note          text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES org_units(municipality_id, id)
);
CREATE INDEX delegations_type ON delegations (municipality_id, decision_type);

-- ---- Överklagande and rättidsprövning (43–45 §§ FL) ------------------------------------------
CREATE TABLE appeals (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  case_id         uuid NOT NULL,
  decision_id     uuid NOT NULL,
  received_on     date NOT NULL,
  delivered_on    date,
  last_day        date,
  timely          boolean,
  wrong_instruction boolean NOT NULL DEFAULT false,
  status          text NOT NULL CHECK (status IN ('registrerat','avvisat','omprovat_andrat','overlamnat')),
  omprovning_note text,
  court           text,
  forwarded_on    date,
  created_by      uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decisions(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users(municipality_id, id)
);

-- ---- Journal: drafts autosaved, signed entries immutable, corrections linked -----------------
ALTER TABLE journal_entries
  ADD COLUMN kind text NOT NULL DEFAULT 'anteckning',
  ADD COLUMN corrects_id uuid,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD COLUMN signed_by uuid,
  ADD FOREIGN KEY (municipality_id, corrects_id) REFERENCES journal_entries(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, signed_by) REFERENCES staff_users(municipality_id, id);
UPDATE journal_entries SET signed_by = author_id WHERE signed_at IS NOT NULL;

CREATE FUNCTION journal_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a signed journal entry cannot be changed or removed; write a correction' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER journal_signed_immutable BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_signed_immutable();

-- ---- Files in the personakt (uploads, generated letters) -------------------------------------
CREATE TABLE case_files (
  municipality_id int NOT NULL,
  id           uuid NOT NULL,
  case_id      uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('upload','beslutsbrev','brev')),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size_bytes   int NOT NULL,
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  description  text,
  uploaded_by  uuid NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, uploaded_by) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX case_files_case ON case_files (municipality_id, case_id);
ALTER TABLE decision_letters ADD FOREIGN KEY (municipality_id, file_id) REFERENCES case_files(municipality_id, id);
ALTER TABLE decisions ADD FOREIGN KEY (municipality_id, letter_id) REFERENCES decision_letters(municipality_id, id);

-- Letter templates per municipality (kallelse, information om inledd utredning, …).
CREATE TABLE letter_templates (
  municipality_id int NOT NULL,
  id         uuid NOT NULL,
  title      text NOT NULL,
  areas      text[] NOT NULL DEFAULT '{}',
  body       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);

-- ---- Reminders, produced by the deadline job on the queue -----------------------------------
CREATE TABLE reminders (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  case_id       uuid NOT NULL,
  kind          text NOT NULL,
  source_key    text NOT NULL,       -- e.g. 'deadline:<id>:due-soon': one reminder per person and event
  due_on        date NOT NULL,
  message       text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  read_at       timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, staff_user_id, source_key),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id)
);
CREATE INDEX reminders_unread ON reminders (municipality_id, staff_user_id) WHERE read_at IS NULL;

-- ---- RLS and grants on the new tables --------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_number_series','decision_letters','delegations','appeals','case_files','letter_templates','reminders'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON case_number_series, decision_letters, appeals, reminders TO lots_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON delegations, letter_templates TO lots_app;
GRANT SELECT, INSERT ON case_files TO lots_app;   -- documents in the personakt are never changed
