package io.vodflow.kit.db;

import io.vodflow.kit.secret.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** The shared Postgres database, as operators give it (VODFLOW_DB_URL, VODFLOW_DB_USER, VODFLOW_DB_PASSWORD). */
@Validated
@ConfigurationProperties("vodflow.db")
public record DatabaseProperties(
        /** libpq-style URI, {@code postgresql://host:5432/dbname[?sslmode=...]}. */
        @NotBlank String url,
        /** Login role. */
        @NotBlank String user,
        /** Password of the login role. */
        @NotNull Secret password,
        /** Maximum R2DBC connections in the pool. */
        @DefaultValue("20") @Min(1) @Max(500) int poolSize,
        /** How long a caller may wait for a pooled connection. */
        @DefaultValue("5s") Duration acquireTimeout,
        /** Run Flyway migrations at start (every instance; Flyway's lock makes concurrent starts safe). */
        @DefaultValue("true") boolean migrate,
        /**
         * Start even while the database cannot be reached, migrating in the background once it can (the ingress,
         * which keeps taking callbacks into Kafka); otherwise a start fails after about a minute of retries.
         */
        @DefaultValue("false") boolean startWithoutDatabase) {
}
