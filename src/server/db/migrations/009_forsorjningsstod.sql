-- 009: ansökan om försörjningsstöd as an e-service (issue 5, 12 kap. 1 § SoL).
-- Spouses, registered partners and sambos apply together: the partner named in the application
-- (matched to the applicant's registered make_maka/sambo relation) confirms it with their own
-- e-ID before it becomes a case. Attachments are kept with the draft until it is sent, then moved
-- into the new case's personakt (case_files). Same rules as before: municipality_id first in
-- every key, RLS FORCE on every tenant table.

-- The co-applicant's confirmation of one draft. One row per draft (created the first time it is
-- sent to the co-applicant); its state follows the round trips: awaiting → confirmed, or declined
-- (with the reason, back to the applicant) or withdrawn by the applicant, and then awaiting again.
CREATE TABLE e_service_confirmations (
  municipality_id int NOT NULL,
  id                     uuid NOT NULL,
  draft_id               uuid NOT NULL,
  applicant_person_id    uuid NOT NULL,
  co_applicant_person_id uuid NOT NULL,
  relation               text NOT NULL CHECK (relation IN ('make_maka','registrerad_partner','sambo')),
  state                  text NOT NULL CHECK (state IN ('awaiting_co_applicant','confirmed','declined','withdrawn')),
  -- the draft version the co-applicant is asked to confirm: a changed draft must be sent again
  draft_version          int NOT NULL,
  -- the applicant's submission key, used when the co-applicant's confirmation creates the case
  idempotency_key        uuid NOT NULL,
  requested_at           timestamptz NOT NULL DEFAULT now(),
  decided_at             timestamptz,
  decline_reason         text CHECK (decline_reason IS NULL OR length(decline_reason) <= 1000),
  submission_id          uuid,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, draft_id),
  FOREIGN KEY (municipality_id, draft_id) REFERENCES e_service_drafts(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, applicant_person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, co_applicant_person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, submission_id) REFERENCES e_service_submissions(municipality_id, id),
  CHECK (applicant_person_id <> co_applicant_person_id),
  CHECK ((state = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((state = 'confirmed') = (submission_id IS NOT NULL))
);
CREATE INDEX e_service_confirmations_co ON e_service_confirmations (municipality_id, co_applicant_person_id, state);

-- A file attached to a draft (hyresavi, lönespecifikation, kontoutdrag …). The type is decided
-- from the bytes (src/domain/files/sniff.ts), at most 20 MB like case files. On submit the bytes
-- move to case_files and the row is deleted.
CREATE TABLE e_service_attachments (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  draft_id        uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('hyra','lon','ersattning','kontoutdrag','el','ovrigt')),
  file_name       text NOT NULL,
  content_type    text NOT NULL,
  size_bytes      int NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20 * 1024 * 1024),
  sha256          text NOT NULL,
  content         bytea NOT NULL,
  uploaded_by_person_id uuid NOT NULL,
  uploaded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, draft_id) REFERENCES e_service_drafts(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, uploaded_by_person_id) REFERENCES persons(municipality_id, id)
);
CREATE INDEX e_service_attachments_draft ON e_service_attachments (municipality_id, draft_id);

-- A file in the personakt can now come from the citizen (an e-service attachment) as well as from
-- staff: exactly one of uploaded_by (staff) and uploaded_by_person_id (the citizen) is set.
ALTER TABLE case_files ALTER COLUMN uploaded_by DROP NOT NULL;
ALTER TABLE case_files ADD COLUMN IF NOT EXISTS uploaded_by_person_id uuid;
ALTER TABLE case_files ADD CONSTRAINT case_files_uploaded_by_person_fk
  FOREIGN KEY (municipality_id, uploaded_by_person_id) REFERENCES persons(municipality_id, id);
ALTER TABLE case_files ADD CONSTRAINT case_files_one_uploader
  CHECK ((uploaded_by IS NULL) <> (uploaded_by_person_id IS NULL));

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['e_service_confirmations','e_service_attachments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON e_service_confirmations TO lots_app;
GRANT SELECT, INSERT, DELETE ON e_service_attachments TO lots_app;
