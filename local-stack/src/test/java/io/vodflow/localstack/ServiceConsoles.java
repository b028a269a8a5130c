package io.vodflow.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Each service's console: kept line by line as the service wrote it, and echoed to the test's own under its name. */
final class ServiceConsoles {
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    /** The stream a service's output pump writes its lines to. */
    PrintStream streamFor(String module) {
        List<String> kept = lines.computeIfAbsent(module, m -> new CopyOnWriteArrayList<>());
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                kept.add(line);
                System.out.println("[" + module + "] " + line);
            }
        };
    }

    /** Every line the service wrote so far. */
    List<String> lines(String module) {
        return List.copyOf(lines.getOrDefault(module, List.of()));
    }
}
