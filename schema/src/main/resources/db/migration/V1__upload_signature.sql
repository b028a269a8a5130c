-- Every upload signature the signer issues (issue 3, item 4). Owner: signer-service.
-- The event-processor marks rows USED (state, used_at, used_file_id, state_changed_at); nothing else writes here.
CREATE TABLE upload_signature (
    id                uuid         PRIMARY KEY,
    user_id           text         NOT NULL,
    -- SecretId of the VOD key pair that signed; the SecretKey itself is never stored.
    secret_id         text         NOT NULL,
    random            bigint       NOT NULL CHECK (random BETWEEN 0 AND 4294967295),
    -- currentTimeStamp of the signature (whole seconds) and the same instant as a timestamp.
    issued_epoch      bigint       NOT NULL,
    issued_at         timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    one_time          boolean      NOT NULL DEFAULT false,
    procedure         text,
    class_id          integer,
    sub_app_id        bigint,
    task_priority     smallint     CHECK (task_priority BETWEEN -10 AND 10),
    task_notify_mode  text         CHECK (task_notify_mode IN ('Finish', 'Change', 'None')),
    storage_region    text,
    session_context   text,
    -- Free text from the client (at most 1 KB), kept for the record and never sent to VOD.
    client_context    text         CHECK (octet_length(client_context) <= 1024),
    requester_ip      text,
    source_context    text         NOT NULL CHECK (char_length(source_context) <= 250),
    state             text         NOT NULL DEFAULT 'ISSUED'
                                   CHECK (state IN ('ISSUED', 'USED', 'EXPIRED', 'REVOKED')),
    state_changed_at  timestamptz  NOT NULL,
    used_at           timestamptz,
    used_file_id      text,
    revoked_at        timestamptz,
    expired_at        timestamptz,
    CONSTRAINT upload_signature_expiry_after_issue CHECK (expires_at > issued_at),
    CONSTRAINT upload_signature_issued_epoch_matches CHECK (issued_epoch = floor(extract(epoch FROM issued_at))::bigint),
    -- VOD refuses a repeated one-time signature; a random repeated for one secretId within one second is the
    -- only way two signatures could coincide, so the database refuses it (the signer retries with a new random).
    CONSTRAINT upload_signature_random_unique UNIQUE (secret_id, issued_epoch, random)
);

-- A user's signatures, newest first.
CREATE INDEX upload_signature_user_issued_idx ON upload_signature (user_id, issued_at DESC);

-- The expiry sweeper scans only rows still ISSUED, oldest expiry first.
CREATE INDEX upload_signature_sweep_idx ON upload_signature (expires_at) WHERE state = 'ISSUED';

-- The cap on outstanding unused one-time signatures counts these per user.
CREATE INDEX upload_signature_outstanding_one_time_idx ON upload_signature (user_id, expires_at)
    WHERE state = 'ISSUED' AND one_time;
