package io.vodflow.kit.db;

import io.r2dbc.pool.ConnectionPool;
import io.vodflow.infra.postgres.EmbeddedPostgresServer;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.infra.postgres.SelfSignedCertificate;
import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Postgres that takes the service's role over TLS only, as managed databases are often set up: without an
 * sslmode in VODFLOW_DB_URL both the migrations (JDBC) and the pool (R2DBC) negotiate TLS on their own.
 */
class DatabaseTlsIT {
    @TempDir
    static Path certDir;
    private static SelfSignedCertificate certificate;
    private static SelfSignedCertificate otherCertificate;
    private static EmbeddedPostgresServer server;
    private static PostgresDatabase db;

    @BeforeAll
    static void startTlsOnlyServer() {
        certificate = SelfSignedCertificate.create(certDir.resolve("server"));
        otherCertificate = SelfSignedCertificate.create(certDir.resolve("other"));
        server = EmbeddedPostgresServer.startTemporaryTlsOnly(certificate);
        db = server.createDatabase("tls");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutAnSslmodeTheMigrationsAndThePoolBothUseTls() {
        assertThat(sslOfAPooledConnection(db.libpqUrl())).isTrue();
    }

    @Test
    void sslmodeRequireIsHonouredByBothDrivers() {
        assertThat(sslOfAPooledConnection(db.libpqUrl() + "?sslmode=require")).isTrue();
    }

    @Test
    void verifyFullChecksTheServerAgainstTheRootCertificateOfTheUrl() {
        String url = db.libpqUrl() + "?sslmode=verify-full&sslrootcert=" + certificate.certFile().toAbsolutePath();
        assertThat(sslOfAPooledConnection(url)).isTrue();
    }

    @Test
    void verifyFullWithoutThePrivateRootCertificateIsRefusedByBothDrivers() {
        DatabaseProperties props = props(db.libpqUrl() + "?sslmode=verify-full&sslrootcert=" + otherCertificate.certFile().toAbsolutePath());

        assertThatThrownBy(() -> new SchemaMigrator(props).migrate(0));
        ConnectionPool pool = new DatabaseConfiguration().connectionFactory(props, new SchemaMigrator(props));
        try {
            assertThatThrownBy(() -> Mono.from(pool.create()).block(Duration.ofSeconds(30)))
                    .hasStackTraceContaining("Certificate");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void sslmodeDisableIsRefusedByTheServerAndTheErrorKeepsThePasswordOut() {
        DatabaseProperties props = props(db.libpqUrl() + "?sslmode=disable");

        assertThatThrownBy(() -> new SchemaMigrator(props).migrate(0))
                .hasStackTraceContaining("no encryption")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(db.password()));
        ConnectionPool pool = new DatabaseConfiguration().connectionFactory(props, new SchemaMigrator(props));
        try {
            assertThatThrownBy(() -> Mono.from(pool.create()).block(Duration.ofSeconds(30)))
                    .hasStackTraceContaining("no encryption")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(db.password()));
        } finally {
            pool.dispose();
        }
    }

    /** Migrates (the server refuses this role without TLS, so success means JDBC used it) and asks a pooled connection. */
    private static Boolean sslOfAPooledConnection(String url) {
        DatabaseProperties props = props(url);
        SchemaMigrator migrator = new SchemaMigrator(props);
        assertThat(migrator.migrate(0).success).isTrue();
        ConnectionPool pool = new DatabaseConfiguration().connectionFactory(props, migrator);
        try {
            return PooledQuery.firstValue(pool, "select ssl from pg_stat_ssl where pid = pg_backend_pid()", Boolean.class);
        } finally {
            pool.dispose();
        }
    }

    private static DatabaseProperties props(String url) {
        return new DatabaseProperties(url, db.user(), Secret.of(db.password()), 2, Duration.ofSeconds(10), true, false);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
