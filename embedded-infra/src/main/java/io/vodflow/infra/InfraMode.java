package io.vodflow.infra;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Where the integration tests of a JVM get Kafka and Postgres: Testcontainers or in-process servers. */
public enum InfraMode {
    /** Testcontainers: {@code apache/kafka} and {@code postgres} images. */
    DOCKER,
    /** In-process KRaft broker and zonky embedded Postgres; no Docker needed. */
    LOCAL;

    /** Environment variable that chooses: {@code docker}, {@code local} or {@code auto} (the default). */
    public static final String SETTING = "IT_INFRA";

    /** Reads {@code docker|local|auto} (blank means auto); auto picks Docker only if {@code dockerAvailable} says so. */
    public static InfraMode resolve(String setting, BooleanSupplier dockerAvailable) {
        String value = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "docker" -> DOCKER;
            case "local" -> LOCAL;
            case "", "auto" -> dockerAvailable.getAsBoolean() ? DOCKER : LOCAL;
            default -> throw new IllegalArgumentException(
                    SETTING + " must be docker, local or auto, got '" + setting + "'");
        };
    }
}
