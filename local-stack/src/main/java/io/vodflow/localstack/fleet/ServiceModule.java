package io.vodflow.localstack.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One of the three vodflow services: its module, its default port and how to find its built jar. */
public enum ServiceModule {
    SIGNER("signer-service", 8081),
    INGRESS("callback-ingress", 8082),
    PROCESSOR("event-processor", 8083);

    private final String module;
    private final int defaultPort;

    ServiceModule(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The repackaged jar {@code <root>/<module>/target/<module>-*.jar}, as operators run it. */
    public Path jar(Path projectRoot) {
        Path target = projectRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar for " + module + " under " + target
                            + "; build it first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + target, e);
        }
    }
}
