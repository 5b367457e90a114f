-- 007: e-services for citizens (issue 5): drafts saved as the citizen types, and submissions that
-- are idempotent (a retried or double-clicked submit never creates a second case) and give a receipt.
-- Same rules as before: municipality_id first in every key, RLS FORCE on every tenant table.

-- Which unit receives new matters of each case area, when no one has chosen a unit: e-services
-- and reports from the public land in that unit's inbox.
ALTER TABLE org_units ADD COLUMN intake_areas text[] NOT NULL DEFAULT '{}';

-- A draft of an e-service form, owned by the logged-in citizen, for themself or someone they act for.
CREATE TABLE e_service_drafts (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('ansokan_bistand','ansokan_forsorjningsstod','orosanmalan')),
  owner_person_id uuid NOT NULL,          -- who is filling it in (logged in with e-ID)
  subject_person_id uuid NOT NULL,        -- whom it is about (themself, a child in custody, a fullmaktsgivare)
  content       jsonb NOT NULL DEFAULT '{}',
  version       int NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  submitted_at  timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, subject_person_id) REFERENCES persons(municipality_id, id)
);
CREATE INDEX e_service_drafts_owner ON e_service_drafts (municipality_id, owner_person_id) WHERE submitted_at IS NULL;

-- One row per submission. The client sends an idempotency key made when the form was opened;
-- the same key again answers with the same receipt instead of a second case.
CREATE TABLE e_service_submissions (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('ansokan_bistand','ansokan_forsorjningsstod','orosanmalan')),
  idempotency_key uuid NOT NULL,
  receipt_number  text NOT NULL,          -- shown to the sender; for an anonymous report the only thing they get
  case_id         uuid,
  submitted_by_person_id uuid,            -- null for a report made without logging in
  submitted_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, idempotency_key),
  UNIQUE (municipality_id, receipt_number),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, submitted_by_person_id) REFERENCES persons(municipality_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['e_service_drafts','e_service_submissions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON e_service_drafts TO lots_app;
GRANT SELECT, INSERT ON e_service_submissions TO lots_app;
