package io.vodflow.localstack.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Warm-up in rounds of load until three in a row agree within 5% and none is below the best round so far: a
 * service with security, JSON and a database driver needs far longer for the JIT to settle than a bare endpoint,
 * and a fixed short warm-up would measure the compiler instead of the service. Two rounds were not enough: with
 * several JVMs compiling at once, the pipeline's rate can pause on a plateau for rounds and then climb on, so a
 * round can also report whether the JIT was still busy ({@link JitActivity}), and only quiet rounds count.
 */
final class WarmUp {
    static final double AGREEMENT = 0.05;
    static final int AGREEING_ROUNDS = 3;

    private WarmUp() { }

    /** What one round measured: its rate, and whether the compilers were quiet during it. */
    record Sample(double rate, boolean jitQuiet) { }

    /** One round of load. */
    @FunctionalInterface
    interface Round {
        Sample run(int round) throws Exception;
    }

    /** Runs rounds (at most {@code maxRounds}) until the last three agree and the last was quiet; returns how many ran. */
    static int untilSteady(int maxRounds, Round round) throws Exception {
        Deque<Double> recent = new ArrayDeque<>();
        double best = 0;
        for (int i = 1; i <= maxRounds; i++) {
            Sample sample = round.run(i);
            double rate = sample.rate();
            best = Math.max(best, rate);
            recent.addLast(rate);
            if (recent.size() > AGREEING_ROUNDS) {
                recent.removeFirst();
            }
            if (recent.size() == AGREEING_ROUNDS && agree(recent, best) && sample.jitQuiet()) {
                return i;
            }
        }
        return maxRounds;
    }

    private static boolean agree(Deque<Double> rates, double best) {
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return max - min <= AGREEMENT * max && best - min <= AGREEMENT * best;
    }
}
