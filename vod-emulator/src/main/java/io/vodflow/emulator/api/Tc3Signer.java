package io.vodflow.emulator.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TC3-HMAC-SHA256 computations of Tencent Cloud API v3 (contract section 5): canonical request, string to
 * sign, derived signing key and signature. Used by {@link VodApiServer} to verify requests.
 */
public final class Tc3Signer {

    /** The algorithm name that opens the Authorization header and the string to sign. */
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    /** The credential scope's terminator. */
    public static final String TERMINATOR = "tc3_request";

    private Tc3Signer() {
    }

    /**
     * The canonical request. Header names and values are lower-cased and trimmed, as Tencent's doc specifies.
     *
     * @param headers       values of at least the {@code signedHeaders}, keyed by lower-case name
     * @param signedHeaders lower-case header names in the order the client listed them (Tencent sorts them)
     */
    public static String canonicalRequest(String method, String uri, String query, List<String> signedHeaders,
                                          Map<String, String> headers, String hashedPayload) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = headers.get(name);
            if (value == null) {
                throw new IllegalArgumentException("signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        return method + '\n' + uri + '\n' + query + '\n' + canonicalHeaders + '\n'
                + String.join(";", signedHeaders) + '\n' + hashedPayload;
    }

    /** {@code TC3-HMAC-SHA256 \n timestamp \n scope \n hex(sha256(canonicalRequest))}. */
    public static String stringToSign(long timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + '\n' + timestamp + '\n' + credentialScope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code <date>/<service>/tc3_request}; the date is the UTC date of the timestamp. */
    public static String credentialScope(String date, String service) {
        return date + '/' + service + '/' + TERMINATOR;
    }

    /** Lower-case hex of HMAC-SHA256 under the key derived from "TC3"+SecretKey, the date and the service. */
    public static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] kDate = hmac256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kService = hmac256(kDate, service);
        byte[] kSigning = hmac256(kService, TERMINATOR);
        return HexFormat.of().formatHex(hmac256(kSigning, stringToSign));
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    private static byte[] hmac256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }
}
