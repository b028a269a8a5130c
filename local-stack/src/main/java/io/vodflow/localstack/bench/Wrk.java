package io.vodflow.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maximum-throughput runs with wrk (a closed loop of {@code connections} keep-alive connections). */
public final class Wrk {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() { }

    /** Runs wrk for {@code duration} with 2 threads and the given connections. */
    public static LoadResult run(HttpLoadRequest request, int connections, Duration duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("vodflow-wrk", ".lua");
        Files.writeString(script, lua(request));
        String out = Tools.run(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                "-s", script.toString(), request.url()), duration.plusSeconds(30));
        Files.deleteIfExists(script);
        long errors = find(NON_2XX, out, 0);
        Matcher se = SOCKET_ERRORS.matcher(out);
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(se.group(g));
            }
        }
        return new LoadResult("wrk", Double.parseDouble(group(RPS, out)), percentile(out, "50%"), percentile(out, "99%"),
                find(TOTAL, out, 0), errors);
    }

    static String lua(HttpLoadRequest r) {
        StringBuilder s = new StringBuilder("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        r.headers().forEach((k, v) -> s.append("wrk.headers[\"").append(k).append("\"] = \"").append(v).append("\"\n"));
        s.append("local template = [==[").append(r.bodyTemplate()).append("]==]\n")
                .append("local n = 0\nlocal base = math.random(1, 100000000) * 100000000\n")
                .append("request = function()\n  n = n + 1\n")
                .append("  local body = string.gsub(template, \"__N__\", tostring(base + n))\n")
                .append("  return wrk.format(nil, nil, nil, body)\nend\n");
        return s.toString();
    }

    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String group(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return m.group(1);
    }

    private static long find(Pattern p, String out, long fallback) {
        Matcher m = p.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }
}
