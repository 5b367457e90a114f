-- Lots foundation schema.
-- Every tenant-owned table carries municipality_id first in its primary key and in every
-- foreign key (Citus distribution key), and is guarded by the row-level-security policy
-- `tenant_isolation`, which reads the per-transaction setting app.tenant. The application
-- connects as lots_app (NOSUPERUSER NOBYPASSRLS) and FORCE ROW LEVEL SECURITY applies the
-- policy to the table owner too.

CREATE TABLE municipalities (
  id            int PRIMARY KEY,
  code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),  -- used in URLs
  kommunkod     text NOT NULL CHECK (kommunkod ~ '^[0-9]{4}$'),            -- SCB kommunkod
  name          text NOT NULL,
  board_name    text NOT NULL,           -- the nämnd that decides, e.g. Socialnämnden
  address_lines text[] NOT NULL DEFAULT '{}',
  phone         text,
  email         text
);

CREATE TABLE org_units (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  id         uuid NOT NULL,
  parent_id  uuid,
  name       text NOT NULL,
  area       text NOT NULL CHECK (area IN ('aldreomsorg','funktionsstod','ifo','forvaltning')),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, parent_id) REFERENCES org_units(municipality_id, id)
);

CREATE TABLE providers (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  id          uuid NOT NULL,
  name        text NOT NULL,
  org_number  text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('kommunal','privat')),
  lov         boolean NOT NULL DEFAULT false,
  phone       text,
  PRIMARY KEY (municipality_id, id)
);

-- Staff of the municipality and of its providers. Identity comes from OIDC (subject).
CREATE TABLE staff_users (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  id            uuid NOT NULL,
  oidc_subject  text NOT NULL,
  name          text NOT NULL,
  title         text NOT NULL,
  email         text,
  role          text NOT NULL CHECK (role IN ('handlaggare','arbetsledare','systemforvaltare','utforare_personal','utforare_chef')),
  unit_id       uuid,
  provider_id   uuid,
  active        boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, oidc_subject),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES org_units(municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES providers(municipality_id, id),
  -- provider roles belong to a provider, municipal roles to a unit (systemförvaltare may have neither)
  CHECK ((role IN ('utforare_personal','utforare_chef')) = (provider_id IS NOT NULL)),
  CHECK (role NOT IN ('handlaggare','arbetsledare') OR unit_id IS NOT NULL)
);
CREATE INDEX staff_users_subject ON staff_users (oidc_subject);

CREATE TABLE persons (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  id           uuid NOT NULL,
  id_kind      text NOT NULL CHECK (id_kind IN ('personnummer','samordningsnummer','reservnummer')),
  id_number    text NOT NULL,            -- canonical: 12 digits (YYYYMMDDNNNC) or reservnummer
  first_name   text NOT NULL,
  last_name    text NOT NULL,
  birth_date   date NOT NULL,
  -- skyddade personuppgifter: sekretessmarkering (Navet 01003) or skyddad folkbokföring (01020)
  protection   text NOT NULL DEFAULT 'ingen' CHECK (protection IN ('ingen','sekretessmarkering','skyddad_folkbokforing')),
  street       text,
  postal_code  text,
  city         text,
  phone        text,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, id_number)
);
CREATE INDEX persons_name ON persons (municipality_id, lower(last_name), lower(first_name));

-- A relation reads: related_person is <kind> for person (e.g. the mother is vårdnadshavare for the child).
CREATE TABLE person_relations (
  municipality_id   int NOT NULL,
  id                uuid NOT NULL,
  person_id         uuid NOT NULL,
  related_person_id uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('vardnadshavare','ombud','god_man','forvaltare','make_maka','sambo','barn','anhorig')),
  scope             text,                 -- for ombud: what the fullmakt covers, in words
  valid_from        date NOT NULL DEFAULT CURRENT_DATE,
  valid_to          date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, related_person_id) REFERENCES persons(municipality_id, id),
  CHECK (person_id <> related_person_id)
);
CREATE INDEX person_relations_person ON person_relations (municipality_id, person_id);
CREATE INDEX person_relations_related ON person_relations (municipality_id, related_person_id);

CREATE TABLE cases (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  case_number   text NOT NULL,
  person_id     uuid NOT NULL,
  unit_id       uuid NOT NULL,
  area          text NOT NULL CHECK (area IN ('barn_och_unga','vuxen','ekonomiskt_bistand','aldreomsorg','funktionsstod','familjeratt','vald_i_nara_relationer')),
  origin        text NOT NULL CHECK (origin IN ('ansokan','anmalan','ovrigt')),
  title         text NOT NULL,
  status        text NOT NULL CHECK (status IN ('aktualiserad','forhandsbedomning','utredning','beslut','verkstallighet','uppfoljning','avslutad')),
  received_on   date NOT NULL,
  assigned_to   uuid,
  closed_on     date,
  close_reason  text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_number),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES org_units(municipality_id, id),
  FOREIGN KEY (municipality_id, assigned_to) REFERENCES staff_users(municipality_id, id),
  CHECK ((status = 'avslutad') = (closed_on IS NOT NULL))
);
CREATE INDEX cases_person ON cases (municipality_id, person_id);
CREATE INDEX cases_assigned_open ON cases (municipality_id, assigned_to) WHERE status <> 'avslutad';
CREATE INDEX cases_unit ON cases (municipality_id, unit_id);

-- Deadlines are computed by src/domain/deadlines.ts and stored so lists can sort on them.
CREATE TABLE case_deadlines (
  municipality_id int NOT NULL,
  id           uuid NOT NULL,
  case_id      uuid NOT NULL,
  kind         text NOT NULL,
  legal_basis  text NOT NULL,
  due_on       date NOT NULL,
  completed_on date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id)
);
CREATE INDEX case_deadlines_open ON case_deadlines (municipality_id, case_id, due_on) WHERE completed_on IS NULL;

CREATE TABLE decisions (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  case_id       uuid NOT NULL,
  insats        text NOT NULL,
  ksi_code      text,
  legal_basis   text NOT NULL,          -- e.g. 'SoL2025:11:1', 'LSS:9:9'
  outcome       text NOT NULL CHECK (outcome IN ('bifall','delvis_bifall','avslag')),
  decided_on    date NOT NULL,
  valid_from    date,
  valid_to      date,
  scope         text,
  motivation    text NOT NULL,
  decided_by    uuid NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX decisions_case ON decisions (municipality_id, case_id);

CREATE TABLE journal_entries (
  municipality_id int NOT NULL,
  id           uuid NOT NULL,
  case_id      uuid NOT NULL,
  author_id    uuid NOT NULL,
  occurred_on  date NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  signed_at    timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, author_id) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX journal_entries_case ON journal_entries (municipality_id, case_id, occurred_on DESC);

-- Beställningar: what the provider is asked to carry out. Holds only what the provider needs.
CREATE TABLE orders (
  municipality_id int NOT NULL,
  id               uuid NOT NULL,
  order_number     text NOT NULL,
  decision_id      uuid NOT NULL,
  case_id          uuid NOT NULL,
  person_id        uuid NOT NULL,
  provider_id      uuid NOT NULL,
  insats           text NOT NULL,
  scope            text NOT NULL,
  start_on         date NOT NULL,
  end_on           date,
  status           text NOT NULL CHECK (status IN ('skickad','accepterad','pagaende','avslutad','returnerad')),
  info_to_provider text NOT NULL DEFAULT '',
  sent_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, order_number),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decisions(municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES providers(municipality_id, id)
);
CREATE INDEX orders_provider ON orders (municipality_id, provider_id, status);
CREATE INDEX orders_person ON orders (municipality_id, person_id);

-- Deliberate "need to know" access outside one's normal relation, with a reason; flagged for follow-up.
CREATE TABLE access_overrides (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  person_id     uuid NOT NULL,
  reason        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id)
);
CREATE INDEX access_overrides_lookup ON access_overrides (municipality_id, staff_user_id, person_id, expires_at);

-- Login sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  municipality_id int NOT NULL REFERENCES municipalities(id),
  token_hash     text NOT NULL,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('staff','citizen')),
  staff_user_id  uuid,
  citizen_id_number text,                 -- the e-ID's personnummer
  person_id      uuid,                    -- the citizen's person record, when the municipality has one
  display_name   text NOT NULL,
  csrf_token     text NOT NULL,
  id_token       text,                    -- for RP-initiated logout at the identity provider
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  ip             text,
  PRIMARY KEY (municipality_id, token_hash),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users(municipality_id, id),
  CHECK ((actor_kind = 'staff') = (staff_user_id IS NOT NULL))
);
CREATE UNIQUE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_staff ON sessions (municipality_id, staff_user_id);
CREATE INDEX sessions_citizen ON sessions (municipality_id, citizen_id_number);

-- Audit log: append-only, hash-chained per municipality (seq 1, 2, 3 … with no gaps).
CREATE TABLE audit_log (
  municipality_id   int NOT NULL REFERENCES municipalities(id),
  seq               bigint NOT NULL,
  at                timestamptz NOT NULL,
  actor_kind        text NOT NULL CHECK (actor_kind IN ('staff','citizen','system','anonymous')),
  actor_id          text,
  actor_name        text,
  subject_person_id uuid,
  action            text NOT NULL,
  resource          text NOT NULL,
  purpose           text,
  reason            text,
  flagged           boolean NOT NULL DEFAULT false,
  ip                text,
  user_agent        text,
  details           jsonb NOT NULL DEFAULT '{}',
  prev_hash         text NOT NULL,
  hash              text NOT NULL,
  PRIMARY KEY (municipality_id, seq)
);
CREATE INDEX audit_log_subject ON audit_log (municipality_id, subject_person_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (municipality_id, actor_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Row-level security on every tenant-owned table.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['org_units','providers','staff_users','persons','person_relations','cases',
    'case_deadlines','decisions','journal_entries','orders','access_overrides','sessions','audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
ALTER TABLE municipalities FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON municipalities
  USING (id = NULLIF(current_setting('app.tenant', true), '')::int);

-- Before a tenant is known (login, the session cookie), these narrow functions answer one
-- question each. They run as the owner, so they are the only way around RLS, and reveal
-- nothing that the caller did not already hold (a token hash, an OIDC subject).
CREATE FUNCTION auth_session_lookup(p_token_hash text)
RETURNS TABLE (municipality_id int, actor_kind text, staff_user_id uuid, citizen_id_number text,
               person_id uuid, display_name text, csrf_token text, last_seen_at timestamptz, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.municipality_id, s.actor_kind, s.staff_user_id, s.citizen_id_number, s.person_id, s.display_name,
         s.csrf_token, s.last_seen_at, s.expires_at
  FROM sessions s WHERE s.token_hash = p_token_hash
$$;

CREATE FUNCTION auth_staff_by_subject(p_subject text)
RETURNS TABLE (municipality_id int, staff_user_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.municipality_id, u.id FROM staff_users u WHERE u.oidc_subject = p_subject AND u.active
$$;

CREATE FUNCTION auth_municipality_by_code(p_code text)
RETURNS TABLE (id int, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.id, m.name FROM municipalities m WHERE m.code = p_code
$$;

-- Public list for the login page (names of municipalities are public facts).
CREATE FUNCTION public_municipalities()
RETURNS TABLE (code text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.code, m.name FROM municipalities m ORDER BY m.name
$$;

-- The application role (created by the migration runner, NOSUPERUSER NOBYPASSRLS).
GRANT USAGE ON SCHEMA public TO lots_app;
GRANT SELECT ON municipalities TO lots_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON org_units, providers, staff_users, persons, person_relations, cases,
  case_deadlines, decisions, journal_entries, orders, access_overrides, sessions TO lots_app;
GRANT SELECT, INSERT ON audit_log TO lots_app;   -- append-only for the app
REVOKE ALL ON FUNCTION auth_session_lookup(text), auth_staff_by_subject(text), auth_municipality_by_code(text),
  public_municipalities() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session_lookup(text), auth_staff_by_subject(text), auth_municipality_by_code(text),
  public_municipalities() TO lots_app;
