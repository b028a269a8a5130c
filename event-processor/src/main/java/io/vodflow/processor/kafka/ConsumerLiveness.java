package io.vodflow.processor.kafka;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What the callbacks consumer last proved about itself: when its poll thread last ran a task of ours, and since when
 * the poll being applied has been running. A consumer can stop without an error reaching anyone (a JVM error on one
 * of its threads leaves the subscription alive but stuck); these two times are what shows it.
 */
public final class ConsumerLiveness {
    private static final long IDLE = Long.MIN_VALUE;
    private final LongSupplier nanoTime;
    private volatile long lastAnswer;
    private volatile long pollSince = IDLE;
    private volatile long lastApplied = IDLE;
    private volatile int partitions;

    public ConsumerLiveness(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastAnswer = nanoTime.getAsLong();
    }

    /** The consumer's poll thread ran one of our tasks; it holds this many partitions. */
    public void answered(int assignedPartitions) {
        partitions = assignedPartitions;
        lastAnswer = nanoTime.getAsLong();
    }

    /** A poll's records are being applied. */
    public void pollStarted() {
        pollSince = nanoTime.getAsLong();
    }

    /** The poll being applied ended; {@code applied} when all its batches committed. */
    public void pollEnded(boolean applied) {
        long now = nanoTime.getAsLong();
        pollSince = IDLE;
        if (applied) {
            lastApplied = now;
        }
    }

    /** The times as of now. */
    public Snapshot snapshot() {
        long now = nanoTime.getAsLong();
        long since = pollSince;
        long applied = lastApplied;
        return new Snapshot(Duration.ofNanos(now - lastAnswer), since == IDLE ? null : Duration.ofNanos(now - since),
                applied == IDLE ? null : Duration.ofNanos(now - applied), partitions);
    }

    /**
     * @param sinceAnswer    time since the poll thread last ran a task of ours
     * @param pollRunning    how long the poll being applied has run; null when none is
     * @param sinceApplied   time since a poll was last applied; null before the first
     * @param partitions     partitions assigned when the thread last answered
     */
    public record Snapshot(Duration sinceAnswer, Duration pollRunning, Duration sinceApplied, int partitions) {
    }
}
