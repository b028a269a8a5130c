package io.vodflow.infra.kafka;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Formats a KRaft log directory once (what {@code kafka-storage.sh format} does), so later starts reuse its data. */
final class KraftStorage {

    private KraftStorage() {
    }

    /** Whether the directory already holds a formatted node (its meta.properties). */
    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /** Formats the directory with a new cluster id unless it is formatted already. */
    static void formatIfNeeded(Path logDir) {
        if (isFormatted(logDir)) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            String dir = logDir.toAbsolutePath().toString();
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(KraftServerProperties.NODE_ID)
                    .addDirectory(dir)
                    .setMetadataLogDirectory(dir)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(KraftServerProperties.CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8).strip(), e);
        }
    }
}
