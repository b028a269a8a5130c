package io.vodflow.kit.db;

import io.vodflow.contract.settings.DatabaseUrl;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;

/** Builds the R2DBC pool and runs migrations from {@link DatabaseProperties}, replacing Boot's URL-based setup. */
@AutoConfiguration(before = R2dbcAutoConfiguration.class)
@ConditionalOnProperty(prefix = "vodflow.db", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties props, SchemaMigrator migrator) {
        DatabaseUrl url = DatabaseUrl.parse(props.url());
        PostgresqlConnectionConfiguration.Builder cfg = PostgresqlConnectionConfiguration.builder()
                .host(url.host())
                .port(url.port())
                .database(url.database())
                .username(props.user())
                .password(props.password().reveal())
                .applicationName(url.params().getOrDefault("application_name", "vodflow"))
                .connectTimeout(Duration.ofSeconds(10));
        // libpq's and the JDBC driver's default is "prefer"; R2DBC's own would be "disable", so without this a
        // server that insists on TLS would take the migrations (JDBC) and then refuse every R2DBC connection
        cfg.sslMode(url.sslMode() == null ? SSLMode.PREFER : SSLMode.fromValue(url.sslMode()));
        // verify-ca/verify-full against a private CA (a managed Postgres's own): JDBC reads it from the URL,
        // R2DBC would otherwise check the server against the JDK's public CAs only
        if (url.sslRootCert() != null && !url.sslRootCert().isBlank()) {
            cfg.sslRootCert(url.sslRootCert());
        }
        if (url.currentSchema() != null) {
            cfg.schema(url.currentSchema());
        }
        if (!url.jdbcOnlyParams().isEmpty()) {
            // names only: a value could be a credential (sslpassword)
            log.atWarn().addKeyValue("parameters", url.jdbcOnlyParams())
                    .log("VODFLOW_DB_URL has parameters the connection pool does not use (only the migrations see them); "
                            + "the pool honours " + DatabaseUrl.SHARED_PARAMS);
        }
        ConnectionFactory factory = new PostgresqlConnectionFactory(cfg.build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(Math.min(2, props.poolSize()))
                .maxSize(props.poolSize())
                .maxAcquireTime(props.acquireTimeout())
                .maxIdleTime(Duration.ofMinutes(10))
                // a local check (socket still open) instead of a SELECT 1 round trip on every acquire
                .validationDepth(ValidationDepth.LOCAL)
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    SchemaMigrator schemaMigrator(DatabaseProperties props) {
        SchemaMigrator migrator = new SchemaMigrator(props);
        if (!props.migrate()) {
            return migrator;
        }
        if (!props.startWithoutDatabase()) {
            migrator.migrate();
            return migrator;
        }
        // a few seconds at start, so a reachable database is migrated before the first request; if it is not
        // reachable, BackgroundSchemaMigration takes over and the service starts without it
        try {
            migrator.migrate(2);
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName())
                    .log("database unreachable at start; starting without it and migrating once it answers");
        }
        return migrator;
    }

    @Bean
    @ConditionalOnProperty(prefix = "vodflow.db", name = "start-without-database", havingValue = "true")
    BackgroundSchemaMigration backgroundSchemaMigration(SchemaMigrator migrator, DatabaseProperties props) {
        return new BackgroundSchemaMigration(migrator, props.migrate());
    }
}
