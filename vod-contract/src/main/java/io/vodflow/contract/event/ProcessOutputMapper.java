package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import static io.vodflow.contract.event.LenientFields.decimal;
import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.list;
import static io.vodflow.contract.event.LenientFields.longValue;
import static io.vodflow.contract.event.LenientFields.text;
import static io.vodflow.contract.event.LenientFields.texts;
import static io.vodflow.contract.event.MetaDataMapper.name;

/**
 * Maps one subtask's {@code Output} onto {@link ProcessOutput} by task type, for v3 ({@code MediaTranscodeItem},
 * {@code MediaSnapshotByTimeOffsetItem}, …) and v2 ({@code processTaskList[].output}). When the output does not name
 * its definition (always so in v2), the subtask's input definition stands in.
 */
final class ProcessOutputMapper {

    private ProcessOutputMapper() { }

    /** Null when there is no output (e.g. still PROCESSING, or FAIL); unknown types become {@link ProcessOutput.Other}. */
    static ProcessOutput map(String type, JsonNode output, JsonNode input, WireFormat f) {
        if (output == null) {
            return null;
        }
        Integer definition = firstNonNull(integer(output, name(f, "definition")), integer(input, name(f, "definition")));
        boolean v3 = f == WireFormat.V3;
        return switch (type == null ? "" : type) {
            case "Transcode" -> new ProcessOutput.Transcode(text(output, name(f, "url")), definition,
                    longValue(output, name(f, "bitrate")), integer(output, name(f, "height")),
                    integer(output, name(f, "width")), longValue(output, name(f, "size")),
                    decimal(output, name(f, "duration")), text(output, name(f, "md5")),
                    text(output, name(f, "container")));
            case "AnimatedGraphics", "AnimatedGraphic" -> animatedGraphic(output, input, definition, f);
            case "SnapshotByTimeOffset" -> new ProcessOutput.Snapshots(definition, v3
                    ? list(output, "PicInfoSet", pic -> text(pic, "Url"))
                    : list(output, "imgInfo", pic -> text(pic, "url")));
            case "SampleSnapshot" -> new ProcessOutput.Snapshots(definition,
                    texts(output, v3 ? "ImageUrlSet" : "imageUrls"));
            case "ImageSprites", "ImageSprite" -> new ProcessOutput.ImageSprites(definition,
                    integer(output, name(f, "totalCount")), texts(output, v3 ? "ImageUrlSet" : "urlList"),
                    text(output, name(f, "webVttUrl")));
            case "CoverBySnapshot" -> new ProcessOutput.Cover(text(output, v3 ? "CoverUrl" : "imageUrl"));
            case "AdaptiveDynamicStreaming" -> new ProcessOutput.AdaptiveStreaming(text(output, name(f, "url")),
                    definition, text(output, name(f, "package")), text(output, name(f, "drmType")));
            default -> new ProcessOutput.Other(output.toString());
        };
    }

    /** Duration as sent, else the clip span: v3 output Start/EndTimeOffset, v2 input startTime/endTime (s). */
    private static ProcessOutput animatedGraphic(JsonNode output, JsonNode input, Integer definition, WireFormat f) {
        Double duration = decimal(output, name(f, "duration"));
        if (duration == null) {
            duration = f == WireFormat.V3
                    ? span(decimal(output, "StartTimeOffset"), decimal(output, "EndTimeOffset"))
                    : span(decimal(input, "startTime"), decimal(input, "endTime"));
        }
        return new ProcessOutput.AnimatedGraphic(text(output, name(f, "url")), definition,
                text(output, name(f, "container")), integer(output, name(f, "height")),
                integer(output, name(f, "width")), longValue(output, name(f, "size")), duration);
    }

    private static Double span(Double start, Double end) {
        return start == null || end == null ? null : end - start;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
