package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import static io.vodflow.contract.event.LenientFields.decimal;
import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.list;
import static io.vodflow.contract.event.LenientFields.longValue;
import static io.vodflow.contract.event.LenientFields.text;

/**
 * Maps {@code MetaData} (v3, PascalCase, {@code VideoStreamSet}) and v2 {@code metaData} (lower camel case,
 * {@code videoStreamList}) onto {@link MediaMetaData}. v2 has no separate video/audio durations.
 */
final class MetaDataMapper {

    private MetaDataMapper() { }

    /** Null when the node is null. */
    static MediaMetaData map(JsonNode node, WireFormat format) {
        if (node == null) {
            return null;
        }
        boolean v3 = format == WireFormat.V3;
        return new MediaMetaData(
                longValue(node, name(format, "size")),
                text(node, name(format, "container")),
                longValue(node, name(format, "bitrate")),
                integer(node, name(format, "height")),
                integer(node, name(format, "width")),
                decimal(node, name(format, "duration")),
                v3 ? decimal(node, "VideoDuration") : null,
                v3 ? decimal(node, "AudioDuration") : null,
                integer(node, name(format, "rotate")),
                text(node, name(format, "md5")),
                list(node, v3 ? "VideoStreamSet" : "videoStreamList", s -> s.isObject() ? video(s, format) : null),
                list(node, v3 ? "AudioStreamSet" : "audioStreamList", s -> s.isObject() ? audio(s, format) : null));
    }

    /** The field name in a format: v3 capitalises the v2 lower-camel-case name. */
    static String name(WireFormat format, String lowerCamel) {
        return format == WireFormat.V2 ? lowerCamel : Character.toUpperCase(lowerCamel.charAt(0)) + lowerCamel.substring(1);
    }

    private static MediaMetaData.VideoStream video(JsonNode s, WireFormat f) {
        return new MediaMetaData.VideoStream(longValue(s, name(f, "bitrate")), integer(s, name(f, "height")),
                integer(s, name(f, "width")), text(s, name(f, "codec")), integer(s, name(f, "fps")));
    }

    private static MediaMetaData.AudioStream audio(JsonNode s, WireFormat f) {
        return new MediaMetaData.AudioStream(longValue(s, name(f, "bitrate")), integer(s, name(f, "samplingRate")),
                text(s, name(f, "codec")));
    }
}
