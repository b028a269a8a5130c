-- Operators list the uploads that are not linked to a user (GET /v1/admin/media): a partial index holds only those,
-- so it costs nothing for the linked majority and keeps the listing an index scan however large media grows.
CREATE INDEX media_unlinked_newest_idx ON media (created_at DESC, file_id DESC) WHERE attribution <> 'LINKED';
