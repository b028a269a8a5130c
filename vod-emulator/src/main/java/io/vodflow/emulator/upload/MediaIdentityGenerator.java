package io.vodflow.emulator.upload;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mints the identifiers VOD gives a new file, in VOD's shapes: a 19-digit FileId, the storage directory
 * ({@code <4 hex><FileId>}), random object names, and a task-flow TaskId {@code <appId>-Procedure-<32 hex>t0}.
 */
final class MediaIdentityGenerator {

    private static final long MIN_FILE_ID = 1_000_000_000_000_000_000L;
    private static final String NAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final long appId;

    MediaIdentityGenerator(long appId) {
        this.appId = appId;
    }

    /** A 19-digit numeric FileId without a leading zero (uniqueness is the caller's check). */
    String fileId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(MIN_FILE_ID, Long.MAX_VALUE));
    }

    String storageDir(String fileId) {
        return hex(2) + fileId;
    }

    /** A random object name like VOD's ({@code Xy7Qm2}); VOD does not keep the client's file name in URLs. */
    String objectName() {
        StringBuilder name = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            name.append(NAME_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(NAME_ALPHABET.length())));
        }
        return name.toString();
    }

    String procedureTaskId() {
        return appId + "-Procedure-" + hex(16) + "t0";
    }

    /** The eight-hex-digit bucket prefix of this emulated account, e.g. {@code abcd1234}. */
    static String bucketPrefix() {
        return hex(4);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
