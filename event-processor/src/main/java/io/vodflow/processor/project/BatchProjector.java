package io.vodflow.processor.project;

import io.vodflow.contract.event.DeletedPart;
import io.vodflow.contract.event.FileDeleted;
import io.vodflow.contract.event.MediaBasicInfo;
import io.vodflow.contract.event.MediaMetaData;
import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.contract.event.ProcedureStateChanged;
import io.vodflow.contract.event.UnknownEvent;
import io.vodflow.contract.event.VodEvent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;

/**
 * Folds one batch of events (in offset order) into a {@link ProjectionPlan}: one row per media, task and
 * subtask result, merged by the same rules the SQL upserts apply against what is already stored.
 */
public class BatchProjector {
    private final AttributionPolicy attribution;
    private final Clock clock;
    private final PartialDeletePolicy partialDeletes;

    public BatchProjector(AttributionPolicy attribution, Clock clock) {
        this(attribution, clock, PartialDeletePolicy.DELETE_MEDIA);
    }

    public BatchProjector(AttributionPolicy attribution, Clock clock, PartialDeletePolicy partialDeletes) {
        this.attribution = attribution;
        this.clock = clock;
        this.partialDeletes = partialDeletes;
    }

    /** One event with the context the plan needs beside it. */
    public record Input(VodEvent event, String dedupeId, long receivedAtMillis, byte[] rawBody, Long subAppId) {

        /** An input without a known sub-application. */
        public Input(VodEvent event, String dedupeId, long receivedAtMillis, byte[] rawBody) {
            this(event, dedupeId, receivedAtMillis, rawBody, null);
        }
    }

    /** Plans a batch none of whose uploaded files an earlier batch attributed. */
    public ProjectionPlan plan(List<Input> inputs, Map<UUID, SignatureRecord> signatures) {
        return plan(inputs, signatures, Set.of());
    }

    /**
     * Plans the batch; {@code signatures} holds the (locked) rows of every signature the batch claims,
     * {@code attributedBefore} the uploaded files whose stored media an earlier batch attributed.
     */
    public ProjectionPlan plan(List<Input> inputs, Map<UUID, SignatureRecord> signatures, Set<String> attributedBefore) {
        Instant now = clock.instant();
        Map<String, MediaRow> media = new TreeMap<>();
        Map<String, TaskRow> tasks = new TreeMap<>();
        Map<ResultRow.Key, ResultRow> results = new LinkedHashMap<>();
        Map<UUID, SignatureUse> uses = new TreeMap<>();
        Map<UUID, String> claimedInBatch = new HashMap<>();
        List<ConflictRow> conflicts = new ArrayList<>();
        List<UnknownRow> unknowns = new ArrayList<>();
        List<LinkedUpload> linked = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Map<PartDeletionRow.Key, PartDeletionRow> partDeletions = new TreeMap<>();
        List<PartsDeleted> partsDeleted = new ArrayList<>();
        for (Input in : inputs) {
            VodEvent event = in.event();
            if (event instanceof NewFileUpload u && u.fileId() != null && !u.fileId().isBlank()) {
                MediaRow earlier = media.get(u.fileId());
                // attribution is decided once (the first upload event wins): a later one for a file attributed before or
                // earlier in this batch claims no signature, or one a real upload later in the batch needs would read as used
                boolean settled = attributedBefore.contains(u.fileId())
                        || earlier != null && earlier.attribution() != Attribution.PENDING;
                AttributionDecision d = settled
                        ? AttributionDecision.settledEarlier()
                        : attribution.decide(u.fileId(), u.sourceContext(), signatures, claimedInBatch);
                MediaRow row = uploadRow(u, d);
                fold(media, row.fileId(), row, MediaRow::merge);
                String taskId = Texts.blankToNull(u.procedureTaskId());
                if (taskId != null) {
                    fold(tasks, taskId, new TaskRow(taskId, u.fileId(), "WAITING", 1, 0, null, null, null, null, null, null,
                            in.subAppId()),
                            TaskRow::merge);
                }
                switch (d.attribution()) {
                    case LINKED -> {
                        uses.putIfAbsent(d.signatureId(), new SignatureUse(d.signatureId(), u.fileId()));
                        linked.add(new LinkedUpload(u.fileId(), d.userId(), d.signatureId(), taskId));
                    }
                    case CONFLICT -> conflicts.add(new ConflictRow(d.signatureId(), u.fileId(), d.conflictingFileId(),
                            signatures.get(d.signatureId()).userId()));
                    default -> { }
                }
            } else if (event instanceof ProcedureStateChanged p && p.taskId() != null && !p.taskId().isBlank()) {
                fold(tasks, p.taskId(), ProcedureRows.task(p, now, in.subAppId()), TaskRow::merge);
                List<ResultRow> rows = ProcedureRows.results(p);
                rows.forEach(r -> fold(results, r.key(), r, ResultRow::merge));
                if (p.fileId() != null && !p.fileId().isBlank()) {
                    fold(media, p.fileId(), ProcedureRows.media(p, rows), MediaRow::merge);
                }
            } else if (event instanceof FileDeleted d && !d.fileIds().isEmpty()) {
                for (String fileId : d.fileIds()) {
                    List<DeletedPart> parts = d.partsOf(fileId);
                    Instant at = in.receivedAtMillis() > 0 ? Instant.ofEpochMilli(in.receivedAtMillis()) : now;
                    parts.forEach(p -> fold(partDeletions, new PartDeletionRow.Key(fileId, p.type(), p.definition()),
                            new PartDeletionRow(fileId, p.type(), p.definition(), at), PartDeletionRow::merge));
                    if (parts.isEmpty() || partialDeletes == PartialDeletePolicy.DELETE_MEDIA) {
                        fold(media, fileId, MediaRow.statusOnly(fileId, StatusRanks.MEDIA_DELETED).deletedAt(now), MediaRow::merge);
                        deleted.add(fileId);
                        continue;
                    }
                    // the media stays: an UPLOADED row never moves a status back, and makes sure the media exists
                    fold(media, fileId, MediaRow.statusOnly(fileId, StatusRanks.MEDIA_UPLOADED), MediaRow::merge);
                    partsDeleted.add(new PartsDeleted(fileId, in.dedupeId(), at, parts));
                }
            } else {
                unknowns.add(unknownRow(event, in));
            }
        }
        List<ResultRow> sortedResults = results.values().stream()
                .sorted(Comparator.comparing(ResultRow::taskId).thenComparing(ResultRow::type).thenComparingInt(ResultRow::definition))
                .toList();
        return new ProjectionPlan(List.copyOf(media.values()), List.copyOf(tasks.values()), sortedResults,
                List.copyOf(uses.values()), conflicts, unknowns, linked, deleted.stream().distinct().toList(),
                List.copyOf(partDeletions.values()), partsDeleted);
    }

    private static MediaRow uploadRow(NewFileUpload u, AttributionDecision d) {
        MediaBasicInfo b = u.basicInfo();
        MediaMetaData m = u.metaData();
        return new MediaRow(u.fileId(), d.userId(), d.signatureId(), d.attribution(), d.reason(),
                b == null ? null : Texts.blankToNull(b.name()), b == null ? null : Texts.blankToNull(b.category()),
                b == null ? null : Texts.blankToNull(b.mediaUrl()), b == null ? null : Texts.blankToNull(b.coverUrl()), null,
                m == null ? null : m.size(), m == null ? null : m.duration(), m == null ? null : m.width(),
                m == null ? null : m.height(), m == null ? null : m.bitrate(), m == null ? null : Texts.blankToNull(m.container()),
                Texts.blankToNull(u.procedureTaskId()), StatusRanks.MEDIA_UPLOADED, StatusRanks.ofMedia(StatusRanks.MEDIA_UPLOADED),
                b == null ? null : Texts.instant(b.createTime()), null);
    }

    private static UnknownRow unknownRow(VodEvent event, Input in) {
        // known types without their key (no FileId/TaskId) land here too, so the raw body comes from the record
        String raw = in.rawBody() == null ? "{}" : new String(in.rawBody(), StandardCharsets.UTF_8);
        String fileId = event instanceof UnknownEvent u ? u.fileId() : event.routingKey();
        String taskId = event instanceof UnknownEvent u ? u.taskId() : null;
        return new UnknownRow(in.dedupeId(), event.eventType(), event.format() == null ? null : event.format().headerValue(),
                Texts.blankToNull(fileId), Texts.blankToNull(taskId), raw,
                in.receivedAtMillis() > 0 ? Instant.ofEpochMilli(in.receivedAtMillis()) : null);
    }

    private static <K, V> void fold(Map<K, V> rows, K key, V row, java.util.function.BinaryOperator<V> merge) {
        rows.merge(key, row, merge);
    }
}
