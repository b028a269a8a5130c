package io.vodflow.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external load tool and returns what it printed. */
final class Tools {
    private Tools() { }

    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed; bin/vodflow-bench installs wrk and hey with apt-get", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
