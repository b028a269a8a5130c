package io.vodflow.localstack.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service jar running as a child process exactly as an operator starts it: {@code java -jar} plus environment. */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final ConsoleTail tail;

    private ServiceProcess(String name, int port, Process process, ConsoleTail tail) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.tail = tail;
    }

    /**
     * Starts the service's jar with the given environment; its output goes to {@code out}, each line prefixed with the
     * service's name when {@code shared} (a stream of its own keeps the lines as written, ECS JSON stays parseable).
     */
    public static ServiceProcess start(ServiceModule service, Path projectRoot, int port, Map<String, String> env,
                                       PrintStream out, boolean shared) throws IOException {
        return start(service.module(), List.of("-jar", service.jar(projectRoot).toString()), port, env, out,
                shared ? "[" + service.module() + "] " : "");
    }

    /** Starts {@code java <args>} listening on {@code port} (passed as SERVER_PORT), output prefixed with the name. */
    public static ServiceProcess start(String name, List<String> javaArgs, int port, Map<String, String> env,
                                       PrintStream out) throws IOException {
        return start(name, javaArgs, port, env, out, "[" + name + "] ");
    }

    private static ServiceProcess start(String name, List<String> javaArgs, int port, Map<String, String> env,
                                        PrintStream out, String linePrefix) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xms64m"));
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = pb.start();
        ConsoleTail tail = new ConsoleTail();
        Thread pump = new Thread(() -> pump(process, linePrefix, out, tail), name + "-log");
        pump.setDaemon(true);
        pump.start();
        return new ServiceProcess(name, port, process, tail);
    }

    /** The JVM running this code, so children use the same Java. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void pump(Process process, String prefix, PrintStream out, ConsoleTail tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                tail.add(line);
                out.println(prefix + line);
            }
        } catch (IOException ignored) {
            // the process ended; nothing more to copy
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /actuator/health} answers UP, or fails when the process dies or the deadline passes. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                // the pump may still be copying the last lines of a process that just ended
                TimeUnit.MILLISECONDS.sleep(500);
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + lastWords());
            }
            try {
                HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200 && res.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + lastWords());
    }

    private String lastWords() {
        return tail.lastWords().map(w -> "; its last words: " + w).orElse("");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks for a graceful stop (SIGTERM), then kills after a grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
