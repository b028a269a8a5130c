package io.vodflow.kit.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A secret configuration value whose {@code toString()} never reveals it. */
public final class Secret {
    private static final String MASK = "******";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    /** Wraps a raw secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The raw value; call only where the secret is used, never to print it. */
    public String reveal() {
        return value;
    }

    /** The raw value as UTF-8 bytes. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(bytes(), s.bytes());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
