package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.UploadedMedia;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the v3 {@code ProcedureTask} of an upload's task flow (the {@code ProcedureStateChangeEvent} of callbacks
 * and the {@code ProcedureTask} of DescribeTaskDetail): one Transcode subtask per rendition, plus a
 * CoverBySnapshot subtask once the flow has finished.
 */
final class ProcedureTaskWriter {

    /** Where the flow stands. A FAILED flow is FINISH with its last Transcode subtask failed. */
    enum Phase { PROCESSING, SUCCEEDED, FAILED }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<Rendition> renditions;

    ProcedureTaskWriter(List<Rendition> renditions) {
        this.renditions = List.copyOf(renditions);
    }

    ObjectNode write(UploadedMedia media, Phase phase, int progress) {
        ObjectNode task = JSON.objectNode()
                .put("TaskId", media.procedureTaskId())
                .put("Status", phase == Phase.PROCESSING ? "PROCESSING" : "FINISH")
                .put("ErrCode", 0).put("Message", "")
                .put("FileId", media.fileId()).put("FileName", media.request().mediaName())
                .put("FileUrl", media.mediaUrl());
        task.set("MetaData", MetaDataWriter.v3(media.request()));
        ArrayNode results = task.putArray("MediaProcessResultSet");
        for (int i = 0; i < renditions.size(); i++) {
            boolean fails = phase == Phase.FAILED && i == renditions.size() - 1;
            results.add(transcode(media, renditions.get(i), phase, progress, fails));
        }
        if (phase != Phase.PROCESSING) {
            results.add(coverBySnapshot(media));
        }
        task.putArray("AiContentReviewResultSet");
        task.putArray("AiAnalysisResultSet");
        task.putArray("AiRecognitionResultSet");
        return task.put("TasksPriority", media.taskPriority()).put("TasksNotifyMode", media.taskNotifyMode())
                .put("SessionContext", media.sessionContext()).put("SessionId", "");
    }

    /** The cover URL the finished flow produces, e.g. {@code .../coverBySnapshot_10_0.jpg}. */
    static String coverUrl(UploadedMedia media) {
        return media.transcodeBaseUrl() + "coverBySnapshot_10_0.jpg";
    }

    private static ObjectNode transcode(UploadedMedia media, Rendition rendition, Phase phase, int progress,
                                        boolean fails) {
        ObjectNode sub = JSON.objectNode();
        if (phase == Phase.PROCESSING) {
            subtask(sub, "PROCESSING", "", 0, "");
        } else if (fails) {
            subtask(sub, "FAIL", "InternalError", 30010, "source file error");
        } else {
            subtask(sub, "SUCCESS", "", 0, "SUCCESS");
        }
        sub.putObject("Input").put("Definition", rendition.definition());
        sub.put("Progress", phase == Phase.PROCESSING ? progress : fails ? 0 : 100)
                .put("BeginProcessTime", iso(media.createTime().plusSeconds(5)));
        if (phase != Phase.PROCESSING && !fails) {
            sub.set("Output", output(media, rendition));
        }
        if (phase != Phase.PROCESSING) {
            sub.put("FinishTime", iso(media.createTime().plusSeconds(51)));
        }
        return JSON.objectNode().put("Type", "Transcode").set("TranscodeTask", sub);
    }

    private static ObjectNode output(UploadedMedia media, Rendition rendition) {
        double duration = media.request().durationSeconds();
        String url = media.transcodeBaseUrl() + rendition.fileName();
        ObjectNode out = JSON.objectNode()
                .put("Url", url).put("Definition", rendition.definition()).put("Bitrate", rendition.bitrate())
                .put("Height", rendition.height()).put("Width", rendition.width())
                .put("Size", rendition.sizeFor(duration)).put("Duration", duration)
                .put("Md5", OutputChecksum.md5Hex(url)).put("Container", MetaDataWriter.CONTAINER);
        MetaDataWriter.addV3Streams(out, rendition.bitrate(), rendition.width(), rendition.height(), 44_100);
        return out;
    }

    private static ObjectNode coverBySnapshot(UploadedMedia media) {
        ObjectNode sub = subtask(JSON.objectNode(), "SUCCESS", "", 0, "SUCCESS");
        sub.putObject("Input").put("Definition", 10).put("PositionType", "Time").put("PositionValue", 0);
        sub.putObject("Output").put("CoverUrl", coverUrl(media));
        sub.put("Progress", 100);
        return JSON.objectNode().put("Type", "CoverBySnapshot").set("CoverBySnapshotTask", sub);
    }

    private static ObjectNode subtask(ObjectNode sub, String status, String errCodeExt, int errCode, String message) {
        return sub.put("Status", status).put("ErrCodeExt", errCodeExt).put("ErrCode", errCode).put("Message", message);
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
