-- V2 (owned by event-processor): the projection of vod.callbacks into media, procedure tasks and their
-- subtask results, plus processed-event dedupe, unknown-event audit, signature conflicts and the
-- transactional outbox for vod.media.events.
--
-- Ordering rules live in the processor's upserts, and the *_rank columns make them cheap to express:
-- a row's status only moves to a higher rank, and rank 3 (FINISH / SUCCESS / FAIL) is terminal.

-- One row per VOD FileId, created by whichever event names the file first.
CREATE TABLE media (
    file_id             text        PRIMARY KEY,
    -- JWT subject of the uploader; NULL until attributed (PENDING) or when attribution failed.
    user_id             text,
    signature_id        uuid,
    -- PENDING: only task events seen so far; LINKED: resolved through the sourceContext;
    -- UNATTRIBUTED: sourceContext missing/invalid/unknown (reason says which);
    -- CONFLICT: a one-time signature already used by another FileId.
    attribution         text        NOT NULL DEFAULT 'PENDING'
                                    CHECK (attribution IN ('PENDING', 'LINKED', 'UNATTRIBUTED', 'CONFLICT')),
    attribution_reason  text,
    name                text,
    category            text,
    media_url           text,
    -- MediaBasicInfo.CoverUrl of the upload, and the CoverBySnapshot result; the API shows the snapshot first.
    basic_cover_url     text,
    snapshot_cover_url  text,
    size_bytes          bigint,
    duration_s          double precision,
    width               integer,
    height              integer,
    bitrate             bigint,
    container           text,
    procedure_task_id   text,
    -- UPLOADED(1) < PROCESSING(2) < READY/FAILED(3) < DELETED(9)
    status              text        NOT NULL,
    status_rank         smallint    NOT NULL,
    uploaded_at         timestamptz,
    deleted_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_user_newest_idx ON media (user_id, created_at DESC, file_id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX media_signature_idx ON media (signature_id) WHERE signature_id IS NOT NULL;
CREATE INDEX media_task_idx ON media (procedure_task_id) WHERE procedure_task_id IS NOT NULL;

-- One row per task-flow task (ProcedureStateChangeEvent.TaskId = FileUploadEvent.ProcedureTaskId).
CREATE TABLE procedure_task (
    task_id          text        PRIMARY KEY,
    file_id          text,
    -- WAITING(1, known from NewFileUpload only) < PROCESSING(2) < FINISH(3, terminal)
    status           text        NOT NULL,
    status_rank      smallint    NOT NULL,
    progress         integer     NOT NULL DEFAULT 0,
    err_code         integer,
    message          text,
    session_context  text,
    session_id       text,
    notify_mode      text,
    finished_at      timestamptz,
    -- for reconciliation against DescribeTaskDetail
    last_checked_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedure_task_file_idx ON procedure_task (file_id);
CREATE INDEX procedure_task_open_idx ON procedure_task (updated_at) WHERE status_rank < 3;

-- One row per subtask result: (task, type, input definition). Types: Transcode, CoverBySnapshot,
-- SampleSnapshot, SnapshotByTimeOffset, ImageSprites, AnimatedGraphics, AdaptiveDynamicStreaming,
-- AiContentReview.<Type>, or any other VOD type (output kept as JSON). definition -1 = none given.
CREATE TABLE task_result (
    task_id             text        NOT NULL,
    type                text        NOT NULL,
    definition          integer     NOT NULL,
    -- WAITING(1) < PROCESSING(2) < SUCCESS/FAIL(3, terminal)
    status              text        NOT NULL,
    status_rank         smallint    NOT NULL,
    progress            integer     NOT NULL DEFAULT 0,
    err_code            integer,
    err_code_ext        text,
    message             text,
    url                 text,
    width               integer,
    height              integer,
    bitrate             bigint,
    size_bytes          bigint,
    duration_s          double precision,
    container           text,
    md5                 text,
    cover_url           text,
    -- JSON array of image URLs (snapshots, sprites)
    image_urls          jsonb,
    webvtt_url          text,
    -- AI review verdict
    suggestion          text,
    confidence          double precision,
    -- raw output of subtask types the model does not know
    output_json         jsonb,
    begin_process_time  timestamptz,
    finish_time         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, type, definition)
);

-- Dedupe ids (vod-dedupe-id header) of every record already applied; inserted in the batch's transaction.
CREATE TABLE processed_event (
    dedupe_id     text        PRIMARY KEY,
    event_type    text,
    processed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);

-- Events of types the processor does not model, kept raw for audit.
CREATE TABLE unknown_event (
    dedupe_id    text        PRIMARY KEY,
    event_type   text        NOT NULL,
    wire_format  text,
    file_id      text,
    task_id      text,
    raw_body     text        NOT NULL,
    received_at  timestamptz,
    stored_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unknown_event_type_idx ON unknown_event (event_type, stored_at);

-- A one-time signature presented by a second, different FileId: recorded, never linked.
CREATE TABLE signature_conflict (
    signature_id    uuid        NOT NULL,
    file_id         text        NOT NULL,
    linked_file_id  text,
    user_id         text,
    detected_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (signature_id, file_id)
);

-- Transactional outbox for vod.media.events: written with the projection, relayed and deleted after the Kafka ack.
CREATE TABLE outbox_event (
    seq         bigserial   PRIMARY KEY,
    event_id    text        NOT NULL UNIQUE,
    event_type  text        NOT NULL,
    file_id     text        NOT NULL,
    user_id     text,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
