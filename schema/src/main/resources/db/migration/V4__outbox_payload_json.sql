-- The outbox payload is written once and relayed byte for byte: json keeps the processor's text as it is
-- (jsonb would parse it into a binary form on insert and print it back on every relay read).
ALTER TABLE outbox_event ALTER COLUMN payload TYPE json USING payload::json;
