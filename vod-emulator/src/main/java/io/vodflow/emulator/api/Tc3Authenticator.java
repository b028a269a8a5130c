package io.vodflow.emulator.api;

import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a TC3-HMAC-SHA256 request as the VOD API does: header form, timestamp within the tolerance, credential
 * scope (UTC date of the timestamp, {@code tc3_request}), known SecretId, and the signature over the request as
 * received, with the Host header the client sent.
 * <p>Service in the scope: {@code vod}, or the first label of the Host header. The second reading exists because
 * Tencent's SDK takes the service from its endpoint up to the first dot, so an SDK pointed at
 * {@code 127.0.0.1:port} signs for service {@code 127}; the HMAC is still checked in full.
 */
final class Tc3Authenticator {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/,\\s]+)/([^,\\s]+)\\s*,"
                    + "\\s*SignedHeaders=([a-z0-9;\\-]+)\\s*,\\s*Signature=([0-9a-fA-F]{64})\\s*");

    private final Map<String, String> secretKeyById;
    private final Clock clock;
    private final Duration tolerance;

    Tc3Authenticator(Map<String, String> secretKeyById, Clock clock, Duration tolerance) {
        this.secretKeyById = Map.copyOf(secretKeyById);
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** The authenticated SecretId; throws {@link VodApiError} otherwise. */
    String authenticate(String method, String uri, String query, HttpHeaders headers, byte[] body) {
        String authorization = headers.get("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches()) {
            throw new VodApiError(VodApiError.INVALID_AUTHORIZATION, "Authorization is missing or not TC3-HMAC-SHA256.");
        }
        String secretId = m.group(1);
        String date = m.group(2);
        String service = m.group(3);
        long timestamp = checkTimestamp(headers.get("X-TC-Timestamp"));
        checkScope(date, service, m.group(4), timestamp, headers.get("Host"));
        String secretKey = secretKeyById.get(secretId);
        if (secretKey == null) {
            throw new VodApiError(VodApiError.SECRET_ID_NOT_FOUND, "The SecretId is not found.");
        }
        List<String> signedHeaders = Arrays.asList(m.group(5).split(";"));
        if (!signedHeaders.contains("content-type") || !signedHeaders.contains("host")) {
            throw new VodApiError(VodApiError.INVALID_AUTHORIZATION, "SignedHeaders must include content-type and host.");
        }
        Map<String, String> values = new HashMap<>();
        for (String name : signedHeaders) {
            String value = headers.get(name);
            if (value == null) {
                throw new VodApiError(VodApiError.SIGNATURE_FAILURE, "Signed header " + name + " is missing.");
            }
            values.put(name, value);
        }
        String payloadHash = "UNSIGNED-PAYLOAD".equals(headers.get("X-TC-Content-SHA256"))
                ? Tc3Signer.sha256Hex("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8))
                : Tc3Signer.sha256Hex(body);
        String canonical = Tc3Signer.canonicalRequest(method, uri, query, signedHeaders, values, payloadHash);
        String expected = Tc3Signer.signature(secretKey, date, service,
                Tc3Signer.stringToSign(timestamp, Tc3Signer.credentialScope(date, service), canonical));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new VodApiError(VodApiError.SIGNATURE_FAILURE,
                    "The provided credentials could not be validated. Please check your signature is correct.");
        }
        return secretId;
    }

    private long checkTimestamp(String header) {
        long timestamp;
        try {
            timestamp = Long.parseLong(header == null ? "" : header.trim());
        } catch (NumberFormatException e) {
            throw new VodApiError(VodApiError.SIGNATURE_EXPIRE, "X-TC-Timestamp is missing or not an integer.");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            throw new VodApiError(VodApiError.SIGNATURE_EXPIRE,
                    "Signature expired: X-TC-Timestamp is more than " + tolerance.toSeconds() + " s from server time.");
        }
        return timestamp;
    }

    private static void checkScope(String date, String service, String terminator, long timestamp, String host) {
        String utcDate = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (!utcDate.equals(date) || !Tc3Signer.TERMINATOR.equals(terminator)) {
            throw new VodApiError(VodApiError.INVALID_AUTHORIZATION,
                    "Credential scope must be <UTC date of X-TC-Timestamp>/vod/tc3_request.");
        }
        String hostLabel = host == null ? "" : host.split("\\.", 2)[0].toLowerCase(Locale.ROOT);
        if (!service.equals("vod") && !service.equals(hostLabel)) {
            throw new VodApiError(VodApiError.INVALID_AUTHORIZATION, "Credential scope service must be vod.");
        }
    }
}
