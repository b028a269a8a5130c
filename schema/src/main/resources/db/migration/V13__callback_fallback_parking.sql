-- V13 (owned by callback-ingress): a stored callback that Kafka refuses for what it is (larger than the topic's
-- max.message.bytes, say) would fail every relay pass and, relayed in id order, hold back every callback behind it.
-- The relay parks such a row instead: it stays here, acknowledged and kept, out of the relay's way, until an
-- operator raises the limit and clears parked_at (operator guide, "Parked callbacks").
ALTER TABLE callback_fallback
    ADD COLUMN parked_at   timestamptz,
    ADD COLUMN park_reason text;

COMMENT ON COLUMN callback_fallback.parked_at IS
    'set when Kafka refused the record itself; the relay skips the row until this is cleared';
