package io.vodflow.contract.event;

import java.util.List;

/** {@code MetaData} of a media file or rendition; absent numbers are null. */
public record MediaMetaData(
        Long size,
        String container,
        Long bitrate,
        Integer height,
        Integer width,
        Double duration,
        Double videoDuration,
        Double audioDuration,
        Integer rotate,
        String md5,
        List<VideoStream> videoStreams,
        List<AudioStream> audioStreams) {

    /** One video stream. */
    public record VideoStream(Long bitrate, Integer height, Integer width, String codec, Integer fps) { }

    /** One audio stream. */
    public record AudioStream(Long bitrate, Integer samplingRate, String codec) { }
}
