package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.UploadedMedia;

import java.util.List;

/** Writes the legacy v2 callback bodies ({@code {"version":"4.0","eventType":…,"data":{…}}}, contract 3.6). */
final class LegacyBodyWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<Rendition> renditions;

    LegacyBodyWriter(List<Rendition> renditions) {
        this.renditions = List.copyOf(renditions);
    }

    ObjectNode newFileUpload(UploadedMedia media) {
        ObjectNode data = JSON.objectNode()
                .put("fileId", media.fileId()).put("fileName", media.request().mediaName())
                .put("coverUrl", media.coverUrl()).put("fileUrl", media.mediaUrl())
                .put("sourceType", "ClientUpload").put("sourceContext", media.sourceContext())
                .put("author", "").put("streamId", "")
                .put("procedureTaskId", media.procedureTaskId()).put("transcodeTaskId", "");
        return envelope("NewFileUpload", data);
    }

    ObjectNode procedureFinished(UploadedMedia media) {
        ObjectNode data = JSON.objectNode()
                .put("vodTaskId", media.procedureTaskId()).put("status", "FINISH")
                .put("errCode", 0).put("message", "").put("fileId", media.fileId());
        data.set("metaData", MetaDataWriter.v2(media.request()));
        ArrayNode tasks = data.putArray("processTaskList");
        renditions.forEach(rendition -> tasks.add(transcode(media, rendition)));
        ObjectNode cover = subtask("CoverBySnapshot");
        cover.putObject("input").put("definition", 10).put("positionType", "Time").put("position", 0);
        cover.putObject("output").put("imageUrl", ProcedureTaskWriter.coverUrl(media));
        tasks.add(cover);
        return envelope("ProcedureStateChanged", data);
    }

    private static ObjectNode transcode(UploadedMedia media, Rendition rendition) {
        double duration = media.request().durationSeconds();
        ObjectNode task = subtask("Transcode");
        task.putObject("input").put("definition", rendition.definition()).put("watermark", 0);
        ObjectNode output = task.putObject("output")
                .put("url", media.transcodeBaseUrl() + rendition.fileName())
                .put("size", rendition.sizeFor(duration)).put("container", "mp4")
                .put("bitrate", rendition.bitrate() / 1000).put("height", rendition.height())
                .put("width", rendition.width()).put("md5", "").put("duration", Math.round(duration));
        MetaDataWriter.addV2Streams(output, rendition.bitrate(), rendition.width(), rendition.height(), 44_100);
        return task;
    }

    private static ObjectNode subtask(String type) {
        return JSON.objectNode().put("taskType", type).put("status", "SUCCESS").put("errCode", 0).put("message", "");
    }

    private static ObjectNode envelope(String eventType, ObjectNode data) {
        ObjectNode body = JSON.objectNode().put("version", "4.0").put("eventType", eventType);
        body.set("data", data);
        return body;
    }
}
