-- V12 (owned by signer-service): a client that retries POST /v1/upload-signatures with the same Idempotency-Key
-- (a lost answer on a mobile network) gets the signature it was first issued instead of a second row, which would
-- also count against its cap of unused one-time signatures. The key is the client's, per user; the fingerprint is
-- a SHA-256 of the request's fields, so a key reused for another request is refused instead of replayed.
ALTER TABLE upload_signature
    ADD COLUMN idempotency_key      text CHECK (char_length(idempotency_key) BETWEEN 1 AND 128),
    ADD COLUMN request_fingerprint  text;

-- Partial: rows without a key (most) cost nothing here. Built at migration time over the existing rows, none of
-- which has a key yet.
CREATE UNIQUE INDEX upload_signature_idempotency_idx ON upload_signature (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
