package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.UploadedMedia;

import java.util.Optional;
import java.util.Set;

/**
 * Writes the DescribeMediaInfos {@code MediaInfo} of an upload from the same pieces as its callbacks: BasicInfo
 * (with SourceInfo.SourceContext), MetaData, and a TranscodeSet of the original (Definition 0) plus every
 * successful Transcode output of its finished task flow. Once the flow's CoverBySnapshot succeeded, its
 * screenshot is the CoverUrl (it replaces an uploaded cover, contract-2 §4.1).
 */
public final class MediaInfoWriter {

    /** The sections this writer fills; the other documented filters answer null. */
    public static final Set<String> FILLED_SECTIONS = Set.of("basicInfo", "metaData", "transcodeInfo");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MediaInfoWriter() {
    }

    /**
     * @param media    the uploaded file
     * @param finished the flow's latest ProcedureTask when its Status is FINISH, else empty
     * @param sections the filters asked for (lower-camel section names)
     */
    public static ObjectNode write(UploadedMedia media, Optional<JsonNode> finished, Set<String> sections) {
        ObjectNode info = JSON.objectNode().put("FileId", media.fileId());
        if (sections.contains("basicInfo")) {
            ObjectNode basic = MediaBasicInfoWriter.write(media);
            finished.flatMap(MediaInfoWriter::snapshotCover).ifPresent(cover -> basic.put("CoverUrl", cover));
            info.set("BasicInfo", basic);
        } else {
            info.putNull("BasicInfo");
        }
        if (sections.contains("metaData")) {
            info.set("MetaData", MetaDataWriter.v3(media.request()));
        } else {
            info.putNull("MetaData");
        }
        if (sections.contains("transcodeInfo")) {
            ObjectNode transcodeInfo = info.putObject("TranscodeInfo");
            ArrayNode set = transcodeInfo.putArray("TranscodeSet");
            set.add(original(media));
            finished.ifPresent(task -> successfulOutputs(task, set));
        } else {
            info.putNull("TranscodeInfo");
        }
        for (String other : new String[]{"AnimatedGraphicsInfo", "SampleSnapshotInfo", "ImageSpriteInfo",
                "SnapshotByTimeOffsetInfo", "KeyFrameDescInfo", "AdaptiveDynamicStreamingInfo",
                "MiniProgramReviewInfo", "SubtitleInfo", "ReviewInfo"}) {
            info.putNull(other);
        }
        return info;
    }

    private static ObjectNode original(UploadedMedia media) {
        ObjectNode meta = MetaDataWriter.v3(media.request());
        ObjectNode item = JSON.objectNode().put("Url", media.mediaUrl()).put("Definition", 0)
                .put("Bitrate", meta.path("Bitrate").asLong()).put("Height", meta.path("Height").asInt())
                .put("Width", meta.path("Width").asInt()).put("Size", media.request().mediaSize())
                .put("Duration", media.request().durationSeconds())
                .put("Md5", OutputChecksum.md5Hex(media.mediaUrl())).put("Container", MetaDataWriter.CONTAINER);
        item.set("VideoStreamSet", meta.get("VideoStreamSet"));
        item.set("AudioStreamSet", meta.get("AudioStreamSet"));
        return item;
    }

    private static void successfulOutputs(JsonNode task, ArrayNode set) {
        for (JsonNode result : task.path("MediaProcessResultSet")) {
            JsonNode transcode = result.path("TranscodeTask");
            if ("Transcode".equals(result.path("Type").asText()) && "SUCCESS".equals(transcode.path("Status").asText())
                    && transcode.path("Output").isObject()) {
                set.add(transcode.get("Output").deepCopy());
            }
        }
    }

    private static Optional<String> snapshotCover(JsonNode task) {
        for (JsonNode result : task.path("MediaProcessResultSet")) {
            JsonNode cover = result.path("CoverBySnapshotTask");
            if ("SUCCESS".equals(cover.path("Status").asText()) && !cover.path("Output").path("CoverUrl").asText().isEmpty()) {
                return Optional.of(cover.path("Output").path("CoverUrl").asText());
            }
        }
        return Optional.empty();
    }
}
