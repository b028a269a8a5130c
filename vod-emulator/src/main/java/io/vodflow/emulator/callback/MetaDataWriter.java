package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.UploadRequest;

/**
 * Writes the media probe result (v3 {@code MetaData}, v2 {@code metaData}) of an emulated 1080p h264/aac source,
 * and the matching stream lists of transcoded outputs.
 */
final class MetaDataWriter {

    static final String CONTAINER = "mov,mp4,m4a,3gp,3g2,mj2";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int SOURCE_WIDTH = 1920;
    private static final int SOURCE_HEIGHT = 1080;

    private MetaDataWriter() {
    }

    static ObjectNode v3(UploadRequest request) {
        long bitrate = Math.round(request.mediaSize() * 8 / request.durationSeconds());
        ObjectNode meta = JSON.objectNode()
                .put("Size", request.mediaSize()).put("Container", CONTAINER).put("Bitrate", bitrate)
                .put("Height", SOURCE_HEIGHT).put("Width", SOURCE_WIDTH)
                .put("Duration", request.durationSeconds()).put("Rotate", 0)
                .put("VideoDuration", request.durationSeconds()).put("AudioDuration", request.durationSeconds());
        addV3Streams(meta, bitrate, SOURCE_WIDTH, SOURCE_HEIGHT, 48_000);
        return meta;
    }

    static void addV3Streams(ObjectNode target, long totalBitrate, int width, int height, int samplingRate) {
        target.putArray("VideoStreamSet").addObject()
                .put("Bitrate", totalBitrate - Rendition.AUDIO_BITRATE).put("Height", height).put("Width", width)
                .put("Codec", "h264").put("Fps", 30);
        target.putArray("AudioStreamSet").addObject()
                .put("Bitrate", Rendition.AUDIO_BITRATE).put("SamplingRate", samplingRate).put("Codec", "aac");
    }

    /** The legacy form; bitrates in kbps as in the v2 samples. */
    static ObjectNode v2(UploadRequest request) {
        long bitrate = Math.round(request.mediaSize() * 8 / request.durationSeconds());
        ObjectNode meta = JSON.objectNode()
                .put("size", request.mediaSize()).put("container", "mp4").put("bitrate", bitrate / 1000)
                .put("height", SOURCE_HEIGHT).put("width", SOURCE_WIDTH).put("md5", "")
                .put("duration", Math.round(request.durationSeconds())).put("rotate", 0);
        addV2Streams(meta, bitrate, SOURCE_WIDTH, SOURCE_HEIGHT, 48_000);
        return meta;
    }

    static void addV2Streams(ObjectNode target, long totalBitrate, int width, int height, int samplingRate) {
        target.putArray("videoStreamList").addObject()
                .put("bitrate", (totalBitrate - Rendition.AUDIO_BITRATE) / 1000).put("height", height)
                .put("width", width).put("codec", "h264").put("fps", 30);
        target.putArray("audioStreamList").addObject()
                .put("bitrate", Rendition.AUDIO_BITRATE / 1000).put("samplingRate", samplingRate).put("codec", "aac");
    }
}
