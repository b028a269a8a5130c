package io.vodflow.localstack.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The three services started together against one Kafka and one Postgres, and stopped together. */
public final class ServiceFleet implements AutoCloseable {
    private final Map<ServiceModule, ServiceProcess> processes = new EnumMap<>(ServiceModule.class);
    private final Path projectRoot;
    private final Map<String, String> env;
    private final Function<String, PrintStream> logs;
    private final boolean sharedLogs;

    /**
     * @param logs       where each service's output goes, by module name
     * @param sharedLogs whether those streams are shared (lines then carry the service's name)
     */
    public ServiceFleet(Path projectRoot, Map<String, String> env, Function<String, PrintStream> logs, boolean sharedLogs) {
        this.projectRoot = projectRoot;
        this.env = Map.copyOf(env);
        this.logs = logs;
        this.sharedLogs = sharedLogs;
    }

    /** Starts every service on the port given for it and waits until all are healthy. */
    public ServiceFleet start(Map<ServiceModule, Integer> ports, Duration timeout) throws IOException, InterruptedException {
        try {
            for (ServiceModule s : ServiceModule.values()) {
                processes.put(s, ServiceProcess.start(s, projectRoot, ports.getOrDefault(s, s.defaultPort()), env, logs.apply(s.module()), sharedLogs));
            }
            for (ServiceProcess p : processes.values()) {
                p.awaitHealthy(timeout);
            }
            return this;
        } catch (IOException | InterruptedException | RuntimeException e) {
            // a fleet that did not come up stops the services that did, rather than leaving them running
            close();
            throw e;
        }
    }

    /** Restarts one service (after a kill, say) with the same port and environment. */
    public ServiceProcess restart(ServiceModule s, Duration timeout) throws IOException, InterruptedException {
        ServiceProcess old = processes.get(s);
        if (old != null && old.isAlive()) {
            old.close();
        }
        ServiceProcess fresh = ServiceProcess.start(s, projectRoot, old == null ? s.defaultPort() : old.port(), env, logs.apply(s.module()), sharedLogs);
        processes.put(s, fresh);
        fresh.awaitHealthy(timeout);
        return fresh;
    }

    public ServiceProcess get(ServiceModule s) {
        return processes.get(s);
    }

    public String url(ServiceModule s) {
        return processes.get(s).baseUrl();
    }

    @Override
    public void close() {
        processes.values().parallelStream().forEach(p -> {
            try {
                p.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
