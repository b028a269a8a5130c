package io.vodflow.emulator.upload;

import java.util.Objects;

/**
 * What the emulated client uploads: the media name and container, its size and duration (they feed MetaData),
 * and an optional cover image type ({@code null} = no cover uploaded).
 */
public record UploadRequest(String mediaName, String mediaType, long mediaSize, double durationSeconds,
                            String coverType) {

    public UploadRequest {
        Objects.requireNonNull(mediaName, "mediaName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (mediaSize <= 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("mediaSize and durationSeconds must be positive");
        }
    }

    /** A one-minute 1080p mp4 of about 48 MB without a cover, like the contract's examples. */
    public static UploadRequest of(String mediaName) {
        return new UploadRequest(mediaName, "mp4", 48_211_873L, 60.06, null);
    }

    /** The same upload with a cover image of the given type (e.g. "jpg"). */
    public UploadRequest withCover(String coverType) {
        return new UploadRequest(mediaName, mediaType, mediaSize, durationSeconds, coverType);
    }
}
