package io.vodflow.ingress.auth;

import io.vodflow.ingress.http.CallbackRejection;
import io.vodflow.kit.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Reads the optional path segments of a callback URL: {@code /v1/vod/callbacks[/{subAppId}][/{token}]}.
 * With a path token configured, the last segment must be the token (so one segment is the token, two
 * are sub-app then token); without one, a single segment is the sub-app id.
 */
public final class CallbackPathPolicy {
    private final byte[] token;

    /** @param pathToken configured secret path token; null or empty = none */
    public CallbackPathPolicy(Secret pathToken) {
        this.token = pathToken == null || pathToken.isEmpty() ? null : pathToken.bytes();
    }

    /** Returns the sub-app id named in the path, or null; throws {@link CallbackRejection} for a wrong path. */
    public String subAppId(String first, String second) {
        if (token == null) {
            if (second != null) {
                throw CallbackRejection.notFound();
            }
            return first == null ? null : checkedSubApp(first);
        }
        String presented = second != null ? second : first;
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw CallbackRejection.unauthorized("path_token", "The callback URL does not carry the configured path token");
        }
        return second != null ? checkedSubApp(first) : null;
    }

    /**
     * The id as the processor and Postgres (bigint) hold it, without leading zeros: a larger one used to be accepted
     * here and then read as "no sub-app" downstream, so its tasks were reconciled in the wrong application.
     */
    private static String checkedSubApp(String value) {
        if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badSubApp();
        }
        try {
            return Long.toString(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw badSubApp();
        }
    }

    private static CallbackRejection badSubApp() {
        return CallbackRejection.badPath("subAppId must be a decimal number from 0 to " + Long.MAX_VALUE);
    }
}
