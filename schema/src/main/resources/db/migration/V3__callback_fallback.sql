-- callback-ingress: durable fallback for VOD callbacks that Kafka could not acknowledge within the
-- ingress's deadline. The ingress answers VOD 200 once a row is committed here; a relay re-publishes
-- rows to vod.callbacks in id order and deletes each row only after Kafka acknowledged it.
CREATE TABLE IF NOT EXISTS callback_fallback (
    -- arrival order: the relay publishes by ascending id
    id          bigserial   PRIMARY KEY,
    -- Kafka record key: FileId, else TaskId; null when the event has neither
    record_key  text,
    -- the callback body exactly as received (Kafka record value)
    value       bytea       NOT NULL,
    -- Kafka record headers (io.vodflow.contract.kafka.CallbackHeaders names -> UTF-8 text values)
    headers     jsonb       NOT NULL,
    -- when the ingress received the callback
    received_at timestamptz NOT NULL,
    -- when the row was written (received_at plus the missed Kafka deadline, normally)
    stored_at   timestamptz NOT NULL DEFAULT now(),
    -- failed relay attempts, for operators watching a stuck backlog
    attempts    integer     NOT NULL DEFAULT 0
);

COMMENT ON TABLE callback_fallback IS
    'VOD callbacks accepted while Kafka was unavailable; re-published to vod.callbacks in id order by the ingress relay';
