-- When the media's attribution was decided (LINKED, UNATTRIBUTED or CONFLICT); NULL while PENDING. The processor
-- publishes UploadLinked only from the transaction that set it, so a re-applied NewFileUpload announces nothing twice.
ALTER TABLE media ADD COLUMN attributed_at timestamptz;
-- rows attributed before this column existed: their last change is the closest time known
UPDATE media SET attributed_at = updated_at WHERE attribution <> 'PENDING';
