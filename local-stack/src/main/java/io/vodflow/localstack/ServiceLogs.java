package io.vodflow.localstack;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One log file per service of the local run, so the console keeps to the launcher's own summary. */
final class ServiceLogs implements AutoCloseable {
    private final Path folder;
    private final Map<String, PrintStream> streams = new ConcurrentHashMap<>();

    ServiceLogs(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The (appending) log of one service, {@code <folder>/<name>.log}. */
    PrintStream forService(String name) {
        return streams.computeIfAbsent(name, n -> {
            try {
                Files.createDirectories(folder);
                return new PrintStream(new FileOutputStream(folder.resolve(n + ".log").toFile(), true), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        streams.values().forEach(PrintStream::close);
    }
}
