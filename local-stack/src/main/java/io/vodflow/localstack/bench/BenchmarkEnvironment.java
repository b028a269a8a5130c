package io.vodflow.localstack.bench;

import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.local.LocalInfrastructure;
import io.vodflow.localstack.DevSettings;
import io.vodflow.localstack.fleet.ServiceModule;
import io.vodflow.localstack.fleet.ServiceProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fresh embedded Kafka and Postgres in a temporary folder, plus whatever processes a benchmark starts on them. */
final class BenchmarkEnvironment implements AutoCloseable {
    /** The services' default partition count (vodflow.kafka.partitions), which vod.callbacks is created with. */
    private static final int CALLBACK_TOPIC_PARTITIONS = 6;
    private final Path root;
    private final PrintStream log;
    private final LocalInfrastructure infra;
    private final List<ServiceProcess> processes = new ArrayList<>();
    final DevSettings dev = DevSettings.defaults();

    BenchmarkEnvironment(Path projectRoot, PrintStream log) throws IOException {
        this.root = projectRoot;
        this.log = log;
        this.infra = LocalInfrastructure.start(Files.createTempDirectory("vodflow-bench"), LocalPorts.pickFree(), LocalPorts.pickFree());
    }

    LocalInfrastructure infra() {
        return infra;
    }

    /** Starts a service jar with the dev settings, the infrastructure and any extra variables. */
    ServiceProcess start(ServiceModule service, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(dev.environment(infra.serviceEnvironment()));
        env.putAll(extraEnv);
        List<String> args = new ArrayList<>(flightRecording(service.module()));
        args.addAll(List.of("-jar", service.jar(root).toString()));
        ServiceProcess p = ServiceProcess.start(service.module(), args, LocalPorts.pickFree(), env, log);
        processes.add(p);
        p.awaitHealthy(Duration.ofMinutes(3));
        return p;
    }

    /** With VODFLOW_BENCH_JFR=DIR the service under test records a profiling JFR file there, written at exit. */
    private static List<String> flightRecording(String module) {
        String dir = System.getenv("VODFLOW_BENCH_JFR");
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        Path file = Path.of(dir).toAbsolutePath().resolve(module + ".jfr");
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    /** Starts the bare WebFlux endpoint from this same jar. */
    ServiceProcess startBareEndpoint() throws IOException, InterruptedException {
        return startBareEndpoint(List.of());
    }

    /** Starts the bare endpoint with its Kafka-acked route too ({@link BareKafkaRoute}), on a topic like the ingress's. */
    ServiceProcess startBareKafkaEndpoint() throws IOException, InterruptedException {
        infra.kafka().createTopic(BareKafkaRoute.TOPIC, CALLBACK_TOPIC_PARTITIONS);
        return startBareEndpoint(List.of("--" + BareKafkaRoute.BOOTSTRAP_PROPERTY + "=" + infra.kafka().bootstrapServers()));
    }

    private ServiceProcess startBareEndpoint(List<String> properties) throws IOException, InterruptedException {
        String ownJar = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-jar", ownJar, "bare-endpoint"));
        args.addAll(properties);
        ServiceProcess p = ServiceProcess.start("bare-endpoint", args, LocalPorts.pickFree(), Map.of(), log);
        processes.add(p);
        p.awaitHealthy(Duration.ofMinutes(2));
        return p;
    }

    @Override
    public void close() {
        for (ServiceProcess p : processes) {
            try {
                p.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        infra.close();
    }
}
