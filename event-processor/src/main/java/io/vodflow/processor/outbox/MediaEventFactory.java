package io.vodflow.processor.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.processor.project.LinkedUpload;
import io.vodflow.processor.project.MediaRow;
import io.vodflow.processor.project.PartsDeleted;
import io.vodflow.processor.project.ProjectionPlan;
import io.vodflow.processor.project.ResultRow;
import io.vodflow.processor.project.StatusRanks;
import io.vodflow.processor.store.MediaUpsert;
import io.vodflow.processor.store.OutboxRepository;
import io.vodflow.processor.store.TaskUpsert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns what a batch changed into outbox entries. UploadLinked comes only from the transaction that linked the media,
 * task events only from rows the upsert really moved forward, so a late or re-applied callback emits nothing; ids are
 * derived from the change, so a re-emission after a crash carries the same id.
 */
public class MediaEventFactory {
    private final ObjectMapper json;
    private final Clock clock;

    public MediaEventFactory(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Media this batch links whose transcode had already ended in an earlier batch: their UploadLinked needs the
     * renditions and cover from {@link FinishedBeforeLink}.
     */
    public List<String> finishedBeforeLink(ProjectionPlan plan, Map<String, MediaUpsert.Stored> media) {
        List<String> fileIds = new ArrayList<>();
        for (LinkedUpload l : plan.linked()) {
            MediaUpsert.Stored s = media.get(l.fileId());
            if (s != null && linkedNow(s, String.valueOf(l.signatureId())) && terminal(s) && s.taskId() != null
                    && plan.renditionsOf(s.taskId()).isEmpty() && !fileIds.contains(s.fileId())) {
                fileIds.add(s.fileId());
            }
        }
        return fileIds;
    }

    public List<OutboxRepository.Entry> events(ProjectionPlan plan, Map<String, MediaUpsert.Stored> media,
                                               List<TaskUpsert.Changed> changedTasks) {
        return events(plan, media, changedTasks, Map.of());
    }

    /** The batch's events; {@code earlier} holds {@link #finishedBeforeLink} media's details by FileId. */
    public List<OutboxRepository.Entry> events(ProjectionPlan plan, Map<String, MediaUpsert.Stored> media,
                                               List<TaskUpsert.Changed> changedTasks, Map<String, FinishedBeforeLink.Details> earlier) {
        Instant now = clock.instant();
        List<MediaEvent> events = new ArrayList<>();
        for (LinkedUpload l : plan.linked()) {
            MediaUpsert.Stored s = media.get(l.fileId());
            if (s != null && linkedNow(s, String.valueOf(l.signatureId()))) {
                // linked after the transcode ended: the TranscodeFinished had no user, so this event carries its results
                List<MediaEvent.Rendition> renditions = null;
                String cover = null;
                if (terminal(s) && s.taskId() != null) {
                    List<ResultRow> inBatch = plan.renditionsOf(s.taskId());
                    FinishedBeforeLink.Details before = earlier.get(l.fileId());
                    renditions = !inBatch.isEmpty() ? inBatch.stream().map(MediaEventFactory::rendition).toList()
                            : before == null ? null : List.copyOf(before.renditions());
                    cover = before != null ? before.coverUrl() : coverOf(plan, l.fileId());
                }
                events.add(new MediaEvent(1, id(MediaEvent.UPLOAD_LINKED, l.fileId(), String.valueOf(l.signatureId())),
                        MediaEvent.UPLOAD_LINKED, l.fileId(), s.userId(), String.valueOf(l.signatureId()), s.taskId(),
                        s.status(), null, null, renditions, cover, now, null));
            }
        }
        for (TaskUpsert.Changed t : changedTasks) {
            String fileId = t.fileId() != null ? t.fileId() : t.taskId();
            MediaUpsert.Stored s = media.get(fileId);
            String userId = s == null ? null : s.userId();
            String status = s == null ? null : s.status();
            if (t.statusRank() >= StatusRanks.TERMINAL) {
                List<MediaEvent.Rendition> renditions = plan.renditionsOf(t.taskId()).stream().map(MediaEventFactory::rendition).toList();
                String cover = coverOf(plan, fileId);
                events.add(new MediaEvent(1, id(MediaEvent.TRANSCODE_FINISHED, t.taskId()), MediaEvent.TRANSCODE_FINISHED,
                        fileId, userId, null, t.taskId(), status, t.status(), t.progress(), renditions, cover, now, null));
            } else if (t.statusRank() == 2) {
                events.add(new MediaEvent(1, id(MediaEvent.TRANSCODE_PROGRESS, t.taskId(), String.valueOf(t.progress())),
                        MediaEvent.TRANSCODE_PROGRESS, fileId, userId, null, t.taskId(), status, t.status(), t.progress(),
                        null, null, now, null));
            }
        }
        for (String fileId : plan.deletedFileIds()) {
            MediaUpsert.Stored s = media.get(fileId);
            events.add(new MediaEvent(1, id(MediaEvent.MEDIA_DELETED, fileId), MediaEvent.MEDIA_DELETED, fileId,
                    s == null ? null : s.userId(), null, s == null ? null : s.taskId(), StatusRanks.MEDIA_DELETED,
                    null, null, null, null, now, null));
        }
        for (PartsDeleted p : plan.partsDeleted()) {
            MediaUpsert.Stored s = media.get(p.fileId());
            // one event per deleting callback: a re-read of the same record keeps its id, a later deletion of the same
            // parts (same body, received later) gets its own
            events.add(new MediaEvent(1, id(MediaEvent.MEDIA_PARTS_DELETED, p.fileId(), p.dedupeId(),
                            String.valueOf(p.deletedAt().toEpochMilli())),
                    MediaEvent.MEDIA_PARTS_DELETED, p.fileId(), s == null ? null : s.userId(), null,
                    s == null ? null : s.taskId(), s == null ? null : s.status(), null, null, null, null, now, p.parts()));
        }
        return events.stream().map(this::entry).toList();
    }

    private static boolean linkedNow(MediaUpsert.Stored s, String signatureId) {
        return s.attributedNow() && "LINKED".equals(s.attribution()) && Objects.equals(s.signatureId(), signatureId);
    }

    private static boolean terminal(MediaUpsert.Stored s) {
        return StatusRanks.MEDIA_READY.equals(s.status()) || StatusRanks.MEDIA_FAILED.equals(s.status());
    }

    private static String coverOf(ProjectionPlan plan, String fileId) {
        return plan.media().stream().filter(m -> m.fileId().equals(fileId)).map(MediaRow::snapshotCoverUrl)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static MediaEvent.Rendition rendition(ResultRow r) {
        return new MediaEvent.Rendition(r.definition(), r.url(), r.width(), r.height(), r.bitrate(), r.size(), r.duration(), r.status());
    }

    private OutboxRepository.Entry entry(MediaEvent e) {
        try {
            return new OutboxRepository.Entry(0, e.eventId(), e.type(), e.fileId(), e.userId(), json.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("media event not serialisable", ex);
        }
    }

    /** A name-based UUID over the event type and what identifies the change. */
    static String id(String type, String... parts) {
        return UUID.nameUUIDFromBytes((type + "|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
