package io.vodflow.processor.support;

import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The processor jar run as an operator would (java -jar, VODFLOW_* only), so a test can kill it for real. */
public final class ProcessorProcess {
    /** The repackaged jar; failsafe runs after the package phase, so it exists during ITs. */
    public static final Path JAR = Path.of("target", "event-processor-0.1.0-SNAPSHOT.jar");

    private ProcessorProcess() { }

    /** Starts the jar against {@code db} and {@code kafka} with extra environment; output goes to a temp log file. */
    public static Process start(PostgresDatabase db, KafkaBroker kafka, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile("event-processor-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(VodflowInfra.serviceEnvironment(db, kafka));
        pb.environment().put("VODFLOW_PROCESSOR_PORT", String.valueOf(LocalPorts.pickFree()));
        pb.environment().putAll(env);
        return pb.start();
    }
}
