package io.vodflow.emulator.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stable stand-in for the MD5 of an output file: the MD5 of its URL, so equal outputs report equal sums. */
final class OutputChecksum {

    private OutputChecksum() {
    }

    static String md5Hex(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }
}
