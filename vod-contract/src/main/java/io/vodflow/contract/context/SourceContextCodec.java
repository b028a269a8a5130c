package io.vodflow.contract.context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The tamper-proof sourceContext the signer writes and the processor verifies:
 * {@code vf1.<signature id, 22 chars base64url>.<HMAC-SHA256(key, "vf1." + id) truncated to 16 bytes, base64url>}.
 * The result is 49 ASCII characters from the RFC 3986 unreserved set, so percent-encoding leaves it untouched.
 */
public final class SourceContextCodec {

    /** Shortest MAC key accepted, in bytes. */
    public static final int MIN_KEY_LENGTH = 32;
    /** Length of every issued sourceContext. */
    public static final int LENGTH = 49;

    private static final String PREFIX = "vf1.";
    private static final int MAC_BYTES = 16;
    private static final String DERIVATION_LABEL = "vodflow/source-context/v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    /** @param key the MAC key bytes (at least 32); never printed. */
    public SourceContextCodec(byte[] key) {
        if (key == null || key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("sourceContext MAC key must be at least " + MIN_KEY_LENGTH + " bytes");
        }
        this.key = key.clone();
    }

    /**
     * A codec whose key is HMAC-SHA256(masterSecret, "vodflow/source-context/v1"), so services can derive it from
     * the JWT secret without reusing that secret directly. The master secret must be at least 32 UTF-8 bytes.
     */
    public static SourceContextCodec derivedFrom(String masterSecret) {
        if (masterSecret == null || masterSecret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("master secret must be at least " + MIN_KEY_LENGTH + " bytes");
        }
        byte[] master = masterSecret.getBytes(StandardCharsets.UTF_8);
        return new SourceContextCodec(hmacSha256(master, DERIVATION_LABEL.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The sourceContext for a signature row. */
    public String issue(UUID signatureId) {
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(signatureId.getMostSignificantBits())
                .putLong(signatureId.getLeastSignificantBits());
        String signed = PREFIX + B64.encodeToString(id.array());
        byte[] mac = Arrays.copyOf(hmacSha256(key, signed.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        return signed + "." + B64.encodeToString(mac);
    }

    /** The signature id if the context is well-formed and its MAC verifies (constant-time), else empty. */
    public Optional<UUID> verify(String sourceContext) {
        if (sourceContext == null || sourceContext.length() != LENGTH || !sourceContext.startsWith(PREFIX)
                || sourceContext.charAt(LENGTH - 23) != '.') {
            return Optional.empty();
        }
        ByteBuffer id;
        try {
            id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(sourceContext.substring(PREFIX.length(), LENGTH - 23)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        UUID candidate = new UUID(id.getLong(), id.getLong());
        // Re-issuing and comparing whole strings also refuses non-canonical Base64 spellings of the same bytes.
        byte[] expected = issue(candidate).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sourceContext.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Optional.of(candidate) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SourceContextCodec[key=***]";
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
