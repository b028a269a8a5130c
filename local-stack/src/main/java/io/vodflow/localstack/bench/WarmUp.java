package io.vodflow.localstack.bench;

/**
 * Warm-up in rounds of load until two in a row agree within 5%: a service with security, JSON and a database
 * driver needs far longer for the JIT to settle than a bare endpoint, and a fixed short warm-up would measure the
 * compiler instead of the service.
 */
final class WarmUp {
    private static final double AGREEMENT = 0.05;

    private WarmUp() { }

    /** One round of load; returns its rate. */
    @FunctionalInterface
    interface Round {
        double run(int round) throws Exception;
    }

    /** Runs rounds (at most {@code maxRounds}) until a round's rate is within 5% of the one before. */
    static void untilSteady(int maxRounds, Round round) throws Exception {
        double previous = 0;
        for (int i = 1; i <= maxRounds; i++) {
            double rate = round.run(i);
            if (i >= 2 && Math.abs(rate - previous) <= AGREEMENT * Math.max(rate, previous)) {
                return;
            }
            previous = rate;
        }
    }
}
