package io.vodflow.localstack.fleet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/** The last lines a service wrote, kept so that a start that fails can say why instead of only its exit code. */
final class ConsoleTail {
    private static final int KEPT = 40;
    private static final int MAX_LINE = 2_000;
    private final Deque<String> lines = new ArrayDeque<>(KEPT);

    synchronized void add(String line) {
        if (lines.size() == KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
    }

    /** The latest ERROR line (ECS JSON or plain text), else the latest line at all. */
    synchronized Optional<String> lastWords() {
        for (Iterator<String> it = lines.descendingIterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.contains("\"level\":\"ERROR\"") || line.startsWith("ERROR") || line.contains("Exception")) {
                return Optional.of(line);
            }
        }
        return Optional.ofNullable(lines.peekLast());
    }
}
