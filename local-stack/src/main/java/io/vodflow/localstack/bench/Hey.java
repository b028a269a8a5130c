package io.vodflow.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fixed-rate runs with hey, for latency at a given load (e.g. half the maximum throughput). */
public final class Hey {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");

    private Hey() { }

    /** Sends {@code ratePerSecond} requests per second for {@code duration}; hey paces each worker. */
    public static LoadResult run(HttpLoadRequest request, int ratePerSecond, Duration duration) throws IOException, InterruptedException {
        int workers = Math.max(16, Math.min(400, ratePerSecond / 100));
        double perWorker = (double) ratePerSecond / workers;
        Path body = Files.createTempFile("vodflow-hey", ".json");
        Files.writeString(body, request.bodyTemplate().replace("__N__", String.valueOf(System.nanoTime())));
        List<String> cmd = new ArrayList<>(List.of("hey", "-z", duration.toSeconds() + "s", "-c", String.valueOf(workers),
                "-q", String.format("%.2f", perWorker), "-m", "POST", "-T", "application/json", "-D", body.toString()));
        request.headers().forEach((k, v) -> {
            cmd.add("-H");
            cmd.add(k + ": " + v);
        });
        cmd.add(request.url());
        String out = Tools.run(cmd, duration.plusSeconds(30));
        Files.deleteIfExists(body);
        long ok = 0;
        long bad = 0;
        Matcher m = STATUS.matcher(out);
        while (m.find()) {
            if (m.group(1).startsWith("2")) {
                ok += Long.parseLong(m.group(2));
            } else {
                bad += Long.parseLong(m.group(2));
            }
        }
        return new LoadResult("hey", rps(out), percentile(out, "50%"), percentile(out, "99%"), ok + bad, bad);
    }

    private static double rps(String out) {
        Matcher m = RPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected hey output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " in ([\\d.]+) secs").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
    }
}
