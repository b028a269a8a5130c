package io.vodflow.localstack.bench;

import java.util.List;

/**
 * How much the JIT compilers of the services under test worked, read from each one's
 * {@code jvm_compilation_time_ms_total}: a round of load counts as warm only when the compilers were nearly idle,
 * since a rate that stalls for a few rounds while C2 still competes for the cores looks steady but is not.
 */
final class JitActivity {
    static final String COMPILE_TIME = "jvm_compilation_time_ms_total";
    /** Compile time per service, as a share of the round's wall time, below which that service counts as warm. */
    static final double QUIET_SHARE = 0.03;
    private final List<String> baseUrls;
    private double[] last;

    private JitActivity(List<String> baseUrls, double[] last) {
        this.baseUrls = baseUrls;
        this.last = last;
    }

    /** Watches the services at {@code baseUrls}, counting from their compile time now. */
    static JitActivity watching(List<String> baseUrls) throws Exception {
        List<String> urls = List.copyOf(baseUrls);
        return new JitActivity(urls, sample(urls));
    }

    /** Watches nothing (a target without an actuator): every round counts as quiet. */
    static JitActivity none() {
        return new JitActivity(List.of(), new double[0]);
    }

    /** Whether any service is watched. */
    boolean watches() {
        return !baseUrls.isEmpty();
    }

    /** The largest compile time of one service since the previous call (or since watching began), in ms. */
    double busiestSinceLast() throws Exception {
        double[] now = sample(baseUrls);
        double busiest = 0;
        for (int i = 0; i < now.length; i++) {
            busiest = Math.max(busiest, now[i] - last[i]);
        }
        last = now;
        return busiest;
    }

    /** Whether {@code compileMillis} within {@code wallMillis} is quiet enough to count the round as warm. */
    static boolean quiet(double compileMillis, double wallMillis) {
        return compileMillis <= QUIET_SHARE * wallMillis;
    }

    private static double[] sample(List<String> baseUrls) throws Exception {
        double[] values = new double[baseUrls.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = PrometheusText.total(PrometheusText.fetch(baseUrls.get(i)), COMPILE_TIME);
        }
        return values;
    }
}
