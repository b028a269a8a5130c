-- V8 (owned by event-processor): parts of a media removed by a partial DeleteMedia (a FileDeleted whose
-- FileDeleteResultInfo lists DeleteParts); the media itself stays. part_type is VOD's MediaDeleteItem.Type
-- (OriginalFiles, TranscodeFiles, AdaptiveDynamicStreamingFiles, ...), definition its template (0 = every file
-- of that type). deleted_at is the receive time of the latest such deletion: files of that type finished before
-- it are gone, one produced later (say, a new transcode) is not. No foreign key: the deletion may arrive before
-- the upload's own callback.
CREATE TABLE media_part_deletion (
    file_id     text        NOT NULL,
    part_type   text        NOT NULL,
    definition  integer     NOT NULL,
    deleted_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (file_id, part_type, definition)
);
