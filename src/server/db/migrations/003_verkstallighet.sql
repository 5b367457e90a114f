-- 003: verkställighet and utförare (issue 4): what each provider delivers, the beställning from a
-- granted decision and its life (accepted, started = verkställt, interrupted, ended, returned),
-- the genomförandeplan, the provider's own journal, avvikelser with the lex Sarah path, messages
-- between handläggare and provider, visits and performed time (also from the mobile view, with
-- an idempotency key per device action), and the tracking of ej verkställda beslut reported to IVO.
-- Same rules as 001/002: municipality_id first in every key, RLS FORCE on every tenant table.

-- ---- Providers: what they deliver, and to which areas --------------------------------------
ALTER TABLE providers
  ADD COLUMN insatser text[] NOT NULL DEFAULT '{}',      -- insats keys from the catalogue (src/domain/insatser.ts)
  ADD COLUMN areas    text[] NOT NULL DEFAULT '{}',
  ADD COLUMN email    text,
  ADD COLUMN active   boolean NOT NULL DEFAULT true;

-- ---- Orders (beställningar) ----------------------------------------------------------------
-- Statuses (src/domain/verkstallighet.ts): skickad → accepterad → pagaende (started: the decision
-- is verkställt) ⇄ avbruten → avslutad; skickad → returnerad (with a reason).
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders
  ADD CONSTRAINT orders_status_check CHECK (status IN ('skickad','accepterad','pagaende','avbruten','avslutad','returnerad')),
  ADD COLUMN insats_key       text,
  ADD COLUMN scope_amount     numeric(10,2),            -- e.g. 24 (hours per month), 6 (dygn per month)
  ADD COLUMN scope_unit       text,                     -- the catalogue's scopeHint: 'timmar per månad', …
  ADD COLUMN chosen_by        text NOT NULL DEFAULT 'kommun' CHECK (chosen_by IN ('enskild','kommun')), -- valfrihet (LOV)
  ADD COLUMN created_by       uuid,
  ADD COLUMN accepted_at      timestamptz,
  ADD COLUMN accepted_by      uuid,
  ADD COLUMN planned_start_on date,
  ADD COLUMN returned_at      timestamptz,
  ADD COLUMN returned_reason  text,
  ADD COLUMN started_on       date,                     -- reported by the provider: the decision is verkställt (34 kap. 2 § SoL)
  ADD COLUMN start_reported_by uuid,
  ADD COLUMN interrupted_on   date,
  ADD COLUMN interruption_reason text,
  ADD COLUMN ended_at         timestamptz,
  ADD COLUMN end_reason       text,
  ADD COLUMN version          int NOT NULL DEFAULT 1,
  ADD FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, accepted_by) REFERENCES staff_users(municipality_id, id),
  ADD FOREIGN KEY (municipality_id, start_reported_by) REFERENCES staff_users(municipality_id, id),
  ADD CONSTRAINT order_started_has_date CHECK (status NOT IN ('pagaende','avbruten') OR started_on IS NOT NULL),
  ADD CONSTRAINT order_returned_has_reason CHECK (status <> 'returnerad' OR returned_reason IS NOT NULL);
UPDATE orders o SET insats_key = d.insats_key FROM decisions d
  WHERE d.municipality_id = o.municipality_id AND d.id = o.decision_id AND o.insats_key IS NULL;
UPDATE orders SET started_on = start_on WHERE status IN ('pagaende','avbruten') AND started_on IS NULL;
UPDATE orders SET accepted_at = sent_at WHERE status IN ('accepterad','pagaende','avbruten','avslutad') AND accepted_at IS NULL;
CREATE INDEX orders_decision ON orders (municipality_id, decision_id);

-- What happened to an order, in order: sent, accepted, returned, started, changed (the decision
-- changed or ended), interrupted, resumed, ended. Both sides read it; nothing is rewritten.
CREATE TABLE order_events (
  municipality_id int NOT NULL,
  id         uuid NOT NULL,
  order_id   uuid NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('skickad','accepterad','returnerad','paborjad','andrad','avbruten','aterupptagen','avslutad')),
  on_date    date NOT NULL,
  note       text,
  actor_id   uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, actor_id) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX order_events_order ON order_events (municipality_id, order_id, created_at);

-- ---- Genomförandeplan: versioned; a signed version never changes ---------------------------
CREATE TABLE implementation_plans (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  order_id      uuid NOT NULL,
  version       int NOT NULL,
  goals         jsonb NOT NULL DEFAULT '[]',   -- [{ goal, fromDecision: boolean }]
  parts         jsonb NOT NULL DEFAULT '[]',   -- [{ what, how, when, who }]
  participation text NOT NULL DEFAULT '',      -- how the person took part, in their words where possible
  follow_up_on  date,
  status        text NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast','signerad')),
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  signed_at     timestamptz,
  signed_by     uuid,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, order_id, version),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, signed_by) REFERENCES staff_users(municipality_id, id),
  CONSTRAINT plan_signed_has_signer CHECK (status <> 'signerad' OR (signed_at IS NOT NULL AND signed_by IS NOT NULL))
);
CREATE FUNCTION plans_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signerad' THEN
    RAISE EXCEPTION 'a signed genomförandeplan cannot be changed; write a new version' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER implementation_plans_signed_immutable BEFORE UPDATE OR DELETE ON implementation_plans
  FOR EACH ROW EXECUTE FUNCTION plans_signed_immutable();

-- ---- The provider's own social documentation, within the order -----------------------------
CREATE TABLE provider_journal_entries (
  municipality_id int NOT NULL,
  id          uuid NOT NULL,
  order_id    uuid NOT NULL,
  author_id   uuid NOT NULL,
  occurred_on date NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  corrects_id uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  signed_at   timestamptz,
  signed_by   uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, author_id) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, signed_by) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, corrects_id) REFERENCES provider_journal_entries(municipality_id, id)
);
CREATE INDEX provider_journal_order ON provider_journal_entries (municipality_id, order_id, occurred_on DESC);
-- the same rule as the municipality's journal: 002's journal_signed_immutable()
CREATE TRIGGER provider_journal_signed_immutable BEFORE UPDATE OR DELETE ON provider_journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_signed_immutable();

-- ---- Avvikelser, with the lex Sarah path (27 kap. SoL, 24 a–g §§ LSS) ------------------------
CREATE TABLE deviations (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  order_id        uuid NOT NULL,
  reported_by     uuid NOT NULL,
  occurred_at     timestamptz NOT NULL,
  description     text NOT NULL,
  immediate_action text NOT NULL DEFAULT '',
  lex_sarah       boolean NOT NULL DEFAULT false,   -- a missförhållande or påtaglig risk: rapport enligt lex Sarah
  status          text NOT NULL DEFAULT 'ny' CHECK (status IN ('ny','utreds','avslutad')),
  serious         boolean,                          -- allvarligt missförhållande: anmälan to IVO snarast (27 kap. 6 §)
  ivo_reported_on date,
  closed_at       timestamptz,
  closing_note    text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, reported_by) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX deviations_order ON deviations (municipality_id, order_id);

-- ---- Messages between the handläggare and the provider, within the order --------------------
CREATE TABLE order_messages (
  municipality_id int NOT NULL,
  id         uuid NOT NULL,
  order_id   uuid NOT NULL,
  side       text NOT NULL CHECK (side IN ('myndighet','utforare')),
  author_id  uuid NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz,                         -- read by the other side
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, author_id) REFERENCES staff_users(municipality_id, id)
);
CREATE INDEX order_messages_order ON order_messages (municipality_id, order_id, created_at);

-- ---- Visits and performed time ---------------------------------------------------------------
-- A planned visit per order and staff member; check-in/out record the performed time. A device
-- action carries its own id (client_action_id), so a retried sync can never count twice.
CREATE TABLE visits (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  order_id        uuid NOT NULL,
  staff_user_id   uuid,
  planned_start   timestamptz NOT NULL,
  planned_minutes int NOT NULL CHECK (planned_minutes > 0),
  tasks           text NOT NULL DEFAULT '',        -- what the visit is for, from the plan
  status          text NOT NULL DEFAULT 'planerad' CHECK (status IN ('planerad','pagaende','utford','installt')),
  checked_in_at   timestamptz,
  checked_out_at  timestamptz,
  note            text,
  check_in_action  uuid,
  check_out_action uuid,
  version         int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, check_in_action),
  UNIQUE (municipality_id, check_out_action),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users(municipality_id, id),
  CONSTRAINT visit_out_after_in CHECK (checked_out_at IS NULL OR (checked_in_at IS NOT NULL AND checked_out_at >= checked_in_at))
);
CREATE INDEX visits_staff_day ON visits (municipality_id, staff_user_id, planned_start);
CREATE INDEX visits_order ON visits (municipality_id, order_id, planned_start);

-- ---- Ej verkställda beslut reported to IVO, tracked until verkställt or ended -----------------
CREATE TABLE evb_reports (
  municipality_id int NOT NULL,
  id            uuid NOT NULL,
  decision_id   uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('ej_verkstallt','avbrott')),
  quarter       text NOT NULL CHECK (quarter ~ '^\d{4}Q[1-4]$'),
  reason        text NOT NULL,                    -- the brief reason for the delay IVO asks for
  reported_on   date NOT NULL,
  reported_by   uuid NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, decision_id, kind, quarter),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decisions(municipality_id, id),
  FOREIGN KEY (municipality_id, reported_by) REFERENCES staff_users(municipality_id, id)
);

-- ---- RLS and grants ----------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['order_events','implementation_plans','provider_journal_entries','deviations','order_messages','visits','evb_reports'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
GRANT SELECT, INSERT ON order_events, evb_reports TO lots_app;
GRANT SELECT, INSERT, UPDATE ON implementation_plans, provider_journal_entries, deviations, order_messages, visits TO lots_app;
