package io.vodflow.contract.event;

/** VOD's two callback wire formats: v3 (API 2018-07-17, PascalCase) and the legacy v2 (lower-case, {@code data}). */
public enum WireFormat {
    V3, V2;

    /** Header value used on Kafka records. */
    public String headerValue() { return name().toLowerCase(java.util.Locale.ROOT); }
}
