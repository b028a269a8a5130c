package io.vodflow.infra.postgres;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Postgres 16 in a Testcontainers container, used when a Docker engine answers. */
public final class ContainerPostgresServer implements PostgresServer {

    /** The image, matching the major version of the embedded binaries. */
    public static final String IMAGE = "postgres:16";

    private final PostgreSQLContainer<?> container;

    private ContainerPostgresServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** Pulls (if needed) and starts a container; the image's superuser provisions the databases. */
    public static ContainerPostgresServer startContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE))
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String superuser() {
        return container.getUsername();
    }

    @Override
    public String superPassword() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerPostgresServer[" + IMAGE + "]";
    }
}
