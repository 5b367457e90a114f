-- Issue 5: a notice goes only to an address the citizen has confirmed with a one-time code. A typo
-- would otherwise tell a stranger that the municipality writes to someone (26 kap. 1 § OSL).
-- The code itself is never stored: only a salted SHA-256 ("salt:hash", hex). Changing the channel or
-- the address clears the confirmation (the application writes verified_at = NULL and a new code).
ALTER TABLE citizen_notification_settings
  ADD COLUMN verified_at      timestamptz,          -- set when the code was right; for channel + address as stored
  ADD COLUMN code_hash        text CHECK (code_hash IS NULL OR code_hash ~ '^[0-9a-f]{32}:[0-9a-f]{64}$'),
  ADD COLUMN code_expires_at  timestamptz,
  ADD COLUMN code_attempts    int NOT NULL DEFAULT 0 CHECK (code_attempts >= 0),
  -- When codes were sent (the last hour is enough): the limit on new codes, so that Lots cannot be
  -- used to flood someone's phone or mailbox.
  ADD COLUMN codes_sent_at    timestamptz[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT citizen_notification_settings_verified_channel CHECK (verified_at IS NULL OR channel <> 'ingen');

-- Addresses chosen before this migration were never confirmed: they stay unconfirmed (no notices)
-- until the citizen types a code.
