-- 010: Mina insatser (issue 5): the citizen's request to choose or change provider where the
-- insats is in a valfrihetssystem (lag 2008:962 om valfrihetssystem, LOV). The person (or their
-- ombud or guardian) asks from a wished date; the handläggare carries it out (the current
-- beställning ends, a new one goes to the chosen provider) or refuses with a reason.
-- Same rules as before: municipality_id first in every key, RLS FORCE on every tenant table.

CREATE TABLE provider_choice_requests (
  municipality_id int NOT NULL,
  id               uuid NOT NULL,
  order_id         uuid NOT NULL,            -- the beställning to change (active when asked)
  decision_id      uuid NOT NULL,
  case_id          uuid NOT NULL,
  person_id        uuid NOT NULL,            -- whose insats it is
  from_provider_id uuid NOT NULL,
  provider_id      uuid NOT NULL,            -- the provider chosen
  wished_start_on  date NOT NULL,
  message          text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
  status           text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','carried_out','withdrawn','refused')),
  requested_by_person_id uuid NOT NULL,      -- who asked, logged in with e-ID
  requested_relation text NOT NULL CHECK (requested_relation IN ('self','vardnadshavare','ombud')),
  requested_at     timestamptz NOT NULL DEFAULT now(),
  handled_at       timestamptz,
  handled_by       uuid,                     -- the handläggare who carried it out or refused
  start_on         date,                     -- the new provider's first day, when carried out
  new_order_id     uuid,
  refusal_reason   text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decisions(municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, from_provider_id) REFERENCES providers(municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES providers(municipality_id, id),
  FOREIGN KEY (municipality_id, requested_by_person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, handled_by) REFERENCES staff_users(municipality_id, id),
  FOREIGN KEY (municipality_id, new_order_id) REFERENCES orders(municipality_id, id),
  CONSTRAINT choice_carried_out_has_order CHECK (status <> 'carried_out' OR (new_order_id IS NOT NULL AND start_on IS NOT NULL AND handled_by IS NOT NULL)),
  CONSTRAINT choice_refused_has_reason CHECK (status <> 'refused' OR (refusal_reason IS NOT NULL AND handled_by IS NOT NULL))
);
-- One open request per beställning: a second click cannot make two.
CREATE UNIQUE INDEX provider_choice_open ON provider_choice_requests (municipality_id, order_id) WHERE status = 'requested';
CREATE INDEX provider_choice_case ON provider_choice_requests (municipality_id, case_id, requested_at DESC);
CREATE INDEX provider_choice_person ON provider_choice_requests (municipality_id, person_id, requested_at DESC);

ALTER TABLE provider_choice_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_choice_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON provider_choice_requests
  USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int);
GRANT SELECT, INSERT, UPDATE ON provider_choice_requests TO lots_app;
