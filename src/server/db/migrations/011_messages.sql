-- 011: Meddelanden (issue 5): secure messages between a citizen (or the one who acts for them) and
-- the handläggare (within a case) or the provider (within an order), the link from a message to
-- the journal entry it was documented in, the citizen's choice of notification, and an outbox of
-- notifications that says only that there is a message — never its text.
-- Same rules as before: municipality_id first in every key, RLS FORCE on every tenant table.

-- One conversation per subject and correspondent: a case with the case's unit (order_id NULL), or an
-- order with the order's provider; always with ONE citizen (the person themself, or a guardian or
-- ombud acting for them). A reply goes only to the one who wrote, and a guardian never reads what
-- the other guardian wrote (OSL 26 kap. 1 §, 12 kap. 3 §).
CREATE TABLE message_threads (
  municipality_id   int NOT NULL,
  id                uuid NOT NULL,
  case_id           uuid NOT NULL,          -- the case the conversation is about (for an order thread: the order's case)
  order_id          uuid,                   -- set: the conversation is with the order's provider
  person_id         uuid NOT NULL,          -- whom it is about (the case's person)
  citizen_person_id uuid NOT NULL,          -- who corresponds: the person, or a guardian/ombud acting for them
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_message_at   timestamptz,
  staff_read_until  timestamptz,            -- the staff side (the unit, or the provider) has read up to here
  citizen_read_until timestamptz,           -- the citizen has read up to here
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders(municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_person_id) REFERENCES persons(municipality_id, id)
);
CREATE UNIQUE INDEX message_threads_case ON message_threads (municipality_id, case_id, citizen_person_id) WHERE order_id IS NULL;
CREATE UNIQUE INDEX message_threads_order ON message_threads (municipality_id, order_id, citizen_person_id) WHERE order_id IS NOT NULL;
CREATE INDEX message_threads_citizen ON message_threads (municipality_id, citizen_person_id);

-- A message, as sent. Never changed or removed (the trigger below, and the app role may only insert).
CREATE TABLE messages (
  municipality_id  int NOT NULL,
  id               uuid NOT NULL,
  thread_id        uuid NOT NULL,
  author_kind      text NOT NULL CHECK (author_kind IN ('citizen','staff','provider_staff')),
  author_person_id uuid,                    -- a citizen author
  author_staff_id  uuid,                    -- a handläggare or the provider's staff
  author_name      text NOT NULL,           -- as shown when it was written
  -- citizen: self | vardnadshavare | ombud; staff: the title; provider staff: the provider's name
  author_role      text NOT NULL,
  body             text NOT NULL CHECK (char_length(btrim(body)) > 0 AND char_length(body) <= 4000),
  idempotency_key  uuid,                    -- made by the client: a double click or a retry sends once
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, idempotency_key),
  FOREIGN KEY (municipality_id, thread_id) REFERENCES message_threads(municipality_id, id),
  FOREIGN KEY (municipality_id, author_person_id) REFERENCES persons(municipality_id, id),
  FOREIGN KEY (municipality_id, author_staff_id) REFERENCES staff_users(municipality_id, id),
  CONSTRAINT message_author CHECK ((author_kind = 'citizen') = (author_person_id IS NOT NULL AND author_staff_id IS NULL)
    AND (author_kind = 'citizen' OR author_staff_id IS NOT NULL))
);
CREATE INDEX messages_thread ON messages (municipality_id, thread_id, created_at);

CREATE FUNCTION messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a sent message cannot be changed or removed; write a new message' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER messages_immutable BEFORE UPDATE OR DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION messages_immutable();

-- Where a message was documented: a journal entry of the case (the handläggare's, 14 kap. 3 § SoL)
-- or of the order (the provider's). One per message. The draft may be thrown away before it is
-- signed; then the link goes with it and the message can be journaled again.
CREATE TABLE message_journal_links (
  municipality_id int NOT NULL,
  message_id      uuid NOT NULL,
  journal_entry_id uuid,
  provider_journal_entry_id uuid,
  created_by      uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, message_id),
  FOREIGN KEY (municipality_id, message_id) REFERENCES messages(municipality_id, id),
  FOREIGN KEY (municipality_id, journal_entry_id) REFERENCES journal_entries(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, provider_journal_entry_id) REFERENCES provider_journal_entries(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users(municipality_id, id),
  CHECK (num_nonnulls(journal_entry_id, provider_journal_entry_id) = 1)
);

-- How a citizen wants to hear that a message has come: not at all, by e-mail or by SMS. The
-- address is the one the citizen gave here, never the one in the population register.
CREATE TABLE citizen_notification_settings (
  municipality_id int NOT NULL,
  person_id   uuid NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('ingen','e_post','sms')),
  email       text CHECK (email IS NULL OR char_length(email) <= 254),
  phone       text CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$'),   -- E.164
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, person_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES persons(municipality_id, id),
  CHECK (channel <> 'e_post' OR email IS NOT NULL),
  CHECK (channel <> 'sms' OR phone IS NOT NULL)
);

-- The outbox of notifications, written in the same transaction as the message; a job sends them.
-- What was sent, when, how and to which address — never the message's text.
CREATE TABLE message_notifications (
  municipality_id int NOT NULL,
  id              uuid NOT NULL,
  message_id      uuid NOT NULL,
  recipient_person_id uuid NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('e_post','sms')),
  address         text NOT NULL,
  status          text NOT NULL DEFAULT 'vantar' CHECK (status IN ('vantar','skickad','misslyckad')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  notice_text     text,                     -- the fixed, content-free notice that was sent
  provider_ref    text,                     -- the SMTP message id or the SMS gateway's id
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, message_id, recipient_person_id),
  FOREIGN KEY (municipality_id, message_id) REFERENCES messages(municipality_id, id),
  FOREIGN KEY (municipality_id, recipient_person_id) REFERENCES persons(municipality_id, id),
  CHECK (status <> 'skickad' OR sent_at IS NOT NULL)
);
CREATE INDEX message_notifications_due ON message_notifications (municipality_id, next_attempt_at) WHERE status = 'vantar';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['message_threads','messages','message_journal_links','citizen_notification_settings','message_notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)
      WITH CHECK (municipality_id = NULLIF(current_setting('app.tenant', true), '')::int)$p$, t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON message_threads, citizen_notification_settings, message_notifications TO lots_app;
GRANT SELECT, INSERT ON messages, message_journal_links TO lots_app;   -- a sent message is never changed
