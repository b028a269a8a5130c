package io.vodflow.ingress.publish;

import java.util.Locale;

/** How a callback reached the ingress: VOD's HTTP push or the reliable-mode puller. */
public enum CallbackSource {
    PUSH, PULL;

    /** Header value on Kafka records. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a header value back; unknown text is refused. */
    public static CallbackSource fromHeader(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
