package io.vodflow.contract.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs, decodes and verifies VOD client-upload signatures: Base64(HMAC-SHA1(SecretKey, original) ‖ original).
 * Stateless and thread-safe.
 */
public final class UploadSignatureCodec {

    /** Length of the HMAC-SHA1 digest that precedes {@code original}. */
    public static final int MAC_LENGTH = 20;
    /** Longest signature {@link #decode} accepts; a legitimate one is far shorter. */
    public static final int MAX_SIGNATURE_LENGTH = 65_536;

    /** Validates the parameters, builds {@code original} (RFC 3986 encoded, documented order) and signs it. */
    public String sign(UploadSignatureParams params, String secretKey) {
        return signOriginal(OriginalQueryBuilder.build(params.validate()), secretKey);
    }

    /**
     * Signs an {@code original} exactly as given, with no parameter rules applied; for test vectors and for
     * reproducing what a third-party signer produced (e.g. contract Vector A, whose validity exceeds 90 days).
     */
    public String signOriginal(String original, String secretKey) {
        byte[] plain = original.getBytes(StandardCharsets.UTF_8);
        byte[] mac = hmacSha1(secretKey, plain);
        byte[] out = Arrays.copyOf(mac, MAC_LENGTH + plain.length);
        System.arraycopy(plain, 0, out, MAC_LENGTH, plain.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Decodes without checking the MAC; throws {@link SignatureFormatException} if it is not a signature.
     * Checks form only: canonical standard Base64 (padded, no line breaks), at least one byte after the MAC,
     * UTF-8 {@code original}, the four required keys, plain decimal integers. Values are percent-decoded with
     * RFC 3986 semantics, so {@code +} stays a literal {@code +}. Contract rules (e.g. the 90-day validity) are
     * not applied here; call {@link UploadSignatureParams#validate()} on the result when they matter.
     */
    public DecodedSignature decode(String signature) {
        byte[] raw = base64(signature);
        if (raw.length <= MAC_LENGTH) {
            throw new SignatureFormatException("signature is shorter than " + (MAC_LENGTH + 1) + " bytes");
        }
        String original = utf8(Arrays.copyOfRange(raw, MAC_LENGTH, raw.length));
        return new DecodedSignature(Arrays.copyOf(raw, MAC_LENGTH), original, OriginalQueryParser.parse(original));
    }

    /**
     * True when the MAC matches under {@code secretKey} (constant-time); expiry is the caller's business.
     * A string that does not {@link #decode} is simply not valid: false, never an exception (only an empty
     * {@code secretKey} is refused, as a caller bug).
     */
    public boolean verify(String signature, String secretKey) {
        requireKey(secretKey);
        DecodedSignature decoded;
        try {
            decoded = decode(signature);
        } catch (SignatureFormatException e) {
            return false;
        }
        byte[] expected = hmacSha1(secretKey, decoded.original().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, decoded.mac());
    }

    private static byte[] base64(String signature) {
        if (signature == null || signature.isEmpty()) {
            throw new SignatureFormatException("signature is empty");
        }
        if (signature.length() > MAX_SIGNATURE_LENGTH) {
            throw new SignatureFormatException("signature is longer than " + MAX_SIGNATURE_LENGTH + " characters");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("signature is not standard Base64");
        }
        // One spelling per signature: unpadded or stray-bit variants would let one signature pass as several.
        if (!Base64.getEncoder().encodeToString(raw).equals(signature)) {
            throw new SignatureFormatException("signature is not canonical padded Base64");
        }
        return raw;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SignatureFormatException("original is not UTF-8");
        }
    }

    private static void requireKey(String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey must not be empty");
        }
    }

    private static byte[] hmacSha1(String secretKey, byte[] message) {
        requireKey(secretKey);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
