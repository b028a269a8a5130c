package io.vodflow.contract.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks VOD's callback signature {@code Sign = MD5(SignKey + T)} and that T has not passed. */
public final class CallbackSignatureVerifier {

    /** T is decimal epoch seconds; 18 digits keep it inside a long and far beyond any real expiry. */
    private static final Pattern DECIMAL_SECONDS = Pattern.compile("[0-9]{1,18}");

    private final String signKey;

    /** @param signKey the VOD callback SignKey; never printed. */
    public CallbackSignatureVerifier(String signKey) {
        if (signKey == null || signKey.isBlank()) {
            throw new IllegalArgumentException("callback SignKey must not be blank");
        }
        this.signKey = signKey;
    }

    /**
     * The {@code Sign} VOD sends for expiry {@code t}: lower-case hex MD5 of the key followed by decimal {@code t}.
     * Used by the emulator to produce signed callbacks.
     */
    public static String sign(String signKey, long t) {
        if (signKey == null || signKey.isEmpty()) {
            throw new IllegalArgumentException("callback SignKey must not be empty");
        }
        return HexFormat.of().formatHex(md5(signKey + t));
    }

    /**
     * Constant-time check; case-insensitive hex. Verdicts in check order: MISSING (sign or t null/blank),
     * MALFORMED_T (t not decimal seconds), EXPIRED ({@code now > T}), MISMATCH, VALID.
     */
    public CallbackSignatureVerdict verify(String sign, String t, Instant now) {
        if (sign == null || sign.isBlank() || t == null || t.isBlank()) {
            return CallbackSignatureVerdict.MISSING;
        }
        if (!DECIMAL_SECONDS.matcher(t).matches()) {
            return CallbackSignatureVerdict.MALFORMED_T;
        }
        long expiry = Long.parseLong(t);
        if (now.getEpochSecond() > expiry || (now.getEpochSecond() == expiry && now.getNano() > 0)) {
            return CallbackSignatureVerdict.EXPIRED;
        }
        // MD5 over T exactly as sent (VOD signs its own decimal text), not over a re-formatted number.
        byte[] expected = HexFormat.of().formatHex(md5(signKey + t)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? CallbackSignatureVerdict.VALID : CallbackSignatureVerdict.MISMATCH;
    }

    @Override
    public String toString() {
        return "CallbackSignatureVerifier[signKey=***]";
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is unavailable", e);
        }
    }
}
