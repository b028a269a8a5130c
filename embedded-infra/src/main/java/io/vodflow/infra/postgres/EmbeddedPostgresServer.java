package io.vodflow.infra.postgres;

import io.vodflow.infra.LocalPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real Postgres 16 server run from zonky's embedded binaries on 127.0.0.1 (as root too: zonky runs it under
 * {@code unshare -U}); roles other than the superuser must log in with their password (scram-sha-256).
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String SUPER_PASSWORD = "postgres";

    // The superuser keeps trust on loopback because zonky's own readiness check connects without a password.
    private static final String PG_HBA = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    // Other roles only over TLS: the setting of a managed Postgres that insists on encrypted connections.
    private static final String PG_HBA_TLS_ONLY = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            hostssl all all 127.0.0.1/32 scram-sha-256
            hostnossl all all 127.0.0.1/32 reject
            """;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throwaway server on a free port; its data directory is deleted on {@link #close()}; fsync is off. */
    public static EmbeddedPostgresServer startTemporary() {
        return start(builder(LocalPorts.pickFree(), PG_HBA)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off"));
    }

    /**
     * Starts a throwaway server that accepts the roles of its databases only over TLS, with {@code certificate}
     * as its server certificate (the superuser may still connect without, for provisioning).
     */
    public static EmbeddedPostgresServer startTemporaryTlsOnly(SelfSignedCertificate certificate) {
        return start(builder(LocalPorts.pickFree(), PG_HBA_TLS_ONLY)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.certFile().toAbsolutePath().toString())
                .setServerConfig("ssl_key_file", certificate.keyFile().toAbsolutePath().toString()));
    }

    /** Starts a durable server on {@code port} keeping its data in {@code dataDir} (created on first start, reused later). */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create Postgres data directory " + dataDir, e);
        }
        return start(builder(port, PG_HBA).setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false));
    }

    private static EmbeddedPostgres.Builder builder(int port, String hba) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", LocalPorts.HOST)
                .setServerConfig("max_connections", "300")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> writeHba(dir, hba));
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Postgres did not start", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.setSuperPassword();
        log.info("Postgres started on {}:{} in {} ms", LocalPorts.HOST, postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static void writeHba(File dataDir, String hba) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDir, e);
        }
    }

    // lets clients that always send a password (e.g. from superPassword()) log in as the superuser too
    private void setSuperPassword() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + SUPER_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the superuser password on the embedded Postgres", e);
        }
    }

    @Override
    public String host() {
        return LocalPorts.HOST;
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String superuser() {
        return SUPERUSER;
    }

    @Override
    public String superPassword() {
        return SUPER_PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded Postgres on port {} did not stop cleanly: {}", port(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + host() + ":" + port() + "]";
    }
}
