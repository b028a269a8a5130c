package io.vodflow.emulator.callback;

import java.util.List;

/** One transcoding template of the emulated task flow: VOD's preset definition id, frame size and total bitrate. */
public record Rendition(int definition, int width, int height, long bitrate) {

    /** Preset 100010, 360p. */
    public static final Rendition LD_360P = new Rendition(100010, 640, 360, 528_000);
    /** Preset 100020, 540p. */
    public static final Rendition SD_540P = new Rendition(100020, 960, 540, 1_072_000);
    /** Preset 100030, 720p (the contract's example rendition). */
    public static final Rendition HD_720P = new Rendition(100030, 1280, 720, 2_896_000);
    /** Preset 100040, 1080p. */
    public static final Rendition FHD_1080P = new Rendition(100040, 1920, 1080, 4_896_000);

    /** What the emulated task flow produces unless told otherwise: 360p and 720p. */
    public static final List<Rendition> DEFAULTS = List.of(LD_360P, HD_720P);

    /** The audio share of {@link #bitrate()}, as in the contract's samples. */
    public static final long AUDIO_BITRATE = 128_000;

    /** File size of this rendition of a video of the given duration. */
    public long sizeFor(double durationSeconds) {
        return Math.round(bitrate * durationSeconds / 8);
    }

    /** The output file name VOD gives this definition, e.g. {@code v.f100030.mp4}. */
    public String fileName() {
        return "v.f" + definition + ".mp4";
    }
}
