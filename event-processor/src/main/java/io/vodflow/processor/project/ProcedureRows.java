package io.vodflow.processor.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.AiReviewResult;
import io.vodflow.contract.event.MediaProcessResult;
import io.vodflow.contract.event.ProcedureStateChanged;
import io.vodflow.contract.event.ProcessOutput;
import io.vodflow.contract.event.TaskStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps a ProcedureStateChanged (v3 or v2) onto task, subtask-result and media rows. */
final class ProcedureRows {
    /** Result type of a subtask that names none. */
    static final String UNTYPED = "Untyped";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcedureRows() { }

    static TaskRow task(ProcedureStateChanged e, Instant now, Long subAppId) {
        int rank = StatusRanks.of(e.status());
        int progress = rank >= StatusRanks.TERMINAL ? 100 : e.mediaProcessResults() == null ? 0
                : e.mediaProcessResults().stream().mapToInt(r -> r.progress() == null ? 0 : r.progress()).min().orElse(0);
        return new TaskRow(e.taskId(), Texts.blankToNull(e.fileId()), e.status().name(), rank, progress, e.errCode(),
                Texts.blankToNull(e.message()), Texts.blankToNull(e.sessionContext()), Texts.blankToNull(e.sessionId()),
                Texts.blankToNull(e.tasksNotifyMode()), rank >= StatusRanks.TERMINAL ? now : null, subAppId);
    }

    static List<ResultRow> results(ProcedureStateChanged e) {
        List<ResultRow> rows = new ArrayList<>();
        if (e.mediaProcessResults() != null) {
            e.mediaProcessResults().forEach(r -> rows.add(result(e.taskId(), r)));
        }
        if (e.aiContentReviewResults() != null) {
            for (AiReviewResult r : e.aiContentReviewResults()) {
                rows.add(new ResultRow(e.taskId(), "AiContentReview." + r.type(), -1, r.status().name(),
                        StatusRanks.of(r.status()), r.status().terminal() ? 100 : 0, null, Texts.blankToNull(r.errCodeExt()),
                        Texts.blankToNull(r.message()), null, null, null, null, null, null, null, null, null, null, null,
                        r.suggestion(), r.confidence(), null, null, null));
            }
        }
        return rows;
    }

    static ResultRow result(String taskId, MediaProcessResult r) {
        ProcessOutput out = r.output();
        Integer definition = r.inputDefinition() != null ? r.inputDefinition() : definitionOf(out);
        String url = null, container = null, md5 = null, cover = null, images = null, vtt = null, other = null;
        Integer width = null, height = null;
        Long bitrate = null, size = null;
        Double duration = null;
        if (out instanceof ProcessOutput.Transcode t) {
            url = t.url(); width = t.width(); height = t.height(); bitrate = t.bitrate(); size = t.size();
            duration = t.duration(); container = t.container(); md5 = t.md5();
        } else if (out instanceof ProcessOutput.Cover c) {
            cover = c.coverUrl();
        } else if (out instanceof ProcessOutput.Snapshots s) {
            images = json(s.imageUrls());
        } else if (out instanceof ProcessOutput.ImageSprites s) {
            images = json(s.imageUrls());
            vtt = s.webVttUrl();
        } else if (out instanceof ProcessOutput.AnimatedGraphic g) {
            url = g.url(); container = g.container(); width = g.width(); height = g.height(); size = g.size();
            duration = g.duration();
        } else if (out instanceof ProcessOutput.AdaptiveStreaming a) {
            url = a.url();
            container = a.packageFormat();
        } else if (out instanceof ProcessOutput.Other o) {
            other = o.json();
        }
        TaskStatus status = r.status() == null ? TaskStatus.UNKNOWN : r.status();
        int progress = r.progress() != null ? r.progress() : status == TaskStatus.SUCCESS ? 100 : 0;
        // a subtask without a Type is still one: it keeps its status under a placeholder instead of sinking its event
        String type = r.type() == null || r.type().isBlank() ? UNTYPED : r.type();
        return new ResultRow(taskId, type, definition == null ? -1 : definition, status.name(), StatusRanks.of(status),
                progress, r.errCode(), Texts.blankToNull(r.errCodeExt()), Texts.blankToNull(r.message()),
                Texts.blankToNull(url), width, height, bitrate, size, duration, Texts.blankToNull(container),
                Texts.blankToNull(md5), Texts.blankToNull(cover), images, Texts.blankToNull(vtt), null, null, other,
                Texts.instant(r.beginProcessTime()), Texts.instant(r.finishTime()));
    }

    /** Media status the event implies: PROCESSING, or READY/FAILED once the flow finished. */
    static MediaRow media(ProcedureStateChanged e, List<ResultRow> results) {
        int rank = StatusRanks.of(e.status());
        String status = rank < StatusRanks.TERMINAL ? StatusRanks.MEDIA_PROCESSING
                : failed(e, results) ? StatusRanks.MEDIA_FAILED : StatusRanks.MEDIA_READY;
        String cover = results.stream().filter(r -> r.coverUrl() != null && "SUCCESS".equals(r.status()))
                .map(ResultRow::coverUrl).reduce((a, b) -> b).orElse(null);
        var m = e.metaData();
        return new MediaRow(e.fileId(), null, null, Attribution.PENDING, null, Texts.blankToNull(e.fileName()), null,
                Texts.blankToNull(e.fileUrl()), null, cover,
                m == null ? null : m.size(), m == null ? null : m.duration(), m == null ? null : m.width(),
                m == null ? null : m.height(), m == null ? null : m.bitrate(), m == null ? null : Texts.blankToNull(m.container()),
                e.taskId(), status, StatusRanks.ofMedia(status), null, null);
    }

    /** FAILED when the flow reports an error, or it transcoded nothing successfully while a transcode failed. */
    private static boolean failed(ProcedureStateChanged e, List<ResultRow> results) {
        if (e.status() == TaskStatus.ABORTED || (e.errCode() != null && e.errCode() != 0)) {
            return true;
        }
        boolean anyOk = results.stream().anyMatch(r -> ResultRow.TRANSCODE.equals(r.type()) && "SUCCESS".equals(r.status()));
        boolean anyFail = results.stream().anyMatch(r -> ResultRow.TRANSCODE.equals(r.type()) && "FAIL".equals(r.status()));
        return anyFail && !anyOk;
    }

    private static Integer definitionOf(ProcessOutput out) {
        if (out instanceof ProcessOutput.Transcode t) {
            return t.definition();
        } else if (out instanceof ProcessOutput.Snapshots s) {
            return s.definition();
        } else if (out instanceof ProcessOutput.ImageSprites s) {
            return s.definition();
        } else if (out instanceof ProcessOutput.AnimatedGraphic g) {
            return g.definition();
        } else if (out instanceof ProcessOutput.AdaptiveStreaming a) {
            return a.definition();
        }
        return null;
    }

    private static String json(List<String> urls) {
        if (urls == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(urls);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
