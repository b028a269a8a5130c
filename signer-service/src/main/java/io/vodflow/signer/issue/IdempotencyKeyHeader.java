package io.vodflow.signer.issue;

import io.vodflow.kit.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The optional {@code Idempotency-Key} request header: 1 to 128 visible ASCII characters, bare (as most APIs take
 * it) or as the quoted string of the IETF draft. Anything else is a 400 problem, never silently ignored, since a
 * client that sent a key counts on its retries being safe.
 */
public final class IdempotencyKeyHeader {
    public static final String NAME = "Idempotency-Key";
    /** Set on an answer that repeats the signature first issued for the key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKeyHeader() { }

    /** The key, or null when the header is absent. */
    public static String read(HttpHeaders headers) {
        List<String> values = headers.get(NAME);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw malformed("Send one Idempotency-Key header, not " + values.size());
        }
        String value = values.get(0).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!KEY.matcher(value).matches() || value.indexOf('"') >= 0) {
            throw malformed("Idempotency-Key must be 1 to 128 visible ASCII characters (no spaces or quotes inside)");
        }
        return value;
    }

    private static ErrorResponseException malformed(String detail) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "Malformed Idempotency-Key", detail);
    }
}
