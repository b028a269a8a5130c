package io.vodflow.contract.event;

import java.util.List;

/** The output of one subtask, by type; null-valued members mean VOD did not send them. */
public sealed interface ProcessOutput {

    /** Transcode: one rendition ({@code MediaTranscodeItem}). */
    record Transcode(String url, Integer definition, Long bitrate, Integer height, Integer width, Long size,
                     Double duration, String md5, String container) implements ProcessOutput { }

    /** CoverBySnapshot: the new cover. */
    record Cover(String coverUrl) implements ProcessOutput { }

    /** SnapshotByTimeOffset or SampleSnapshot: image URLs. */
    record Snapshots(Integer definition, List<String> imageUrls) implements ProcessOutput { }

    /** ImageSprites: sprite sheets and their WebVTT index. */
    record ImageSprites(Integer definition, Integer totalCount, List<String> imageUrls, String webVttUrl)
            implements ProcessOutput { }

    /** AnimatedGraphics: a GIF/WEBP. */
    record AnimatedGraphic(String url, Integer definition, String container, Integer height, Integer width,
                           Long size, Double duration) implements ProcessOutput { }

    /** AdaptiveDynamicStreaming: a packaged playlist. */
    record AdaptiveStreaming(String url, Integer definition, String packageFormat, String drmType)
            implements ProcessOutput { }

    /** Any other type: the output object as JSON text. */
    record Other(String json) implements ProcessOutput { }
}
