-- V11 (owned by signer-service): the active VOD key pair switched at run time by an operator (issue 3, item 6),
-- shared by every signer instance through this table instead of a restart with a new VODFLOW_VOD_ACTIVE_KEY.
-- Append-only, so it is also the audit of who switched when; the latest row wins, and a row without key_id hands
-- the choice back to each instance's configured active key.
CREATE TABLE signing_key_switch (
    id           bigserial    PRIMARY KEY,
    key_id       text         CHECK (char_length(key_id) BETWEEN 1 AND 100),
    switched_by  text         NOT NULL,
    switched_at  timestamptz  NOT NULL DEFAULT now()
);
