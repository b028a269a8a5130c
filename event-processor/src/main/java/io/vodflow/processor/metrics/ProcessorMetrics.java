package io.vodflow.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The processor's meters: batch size and latency, end-to-end latency, lag, DLT, conflicts, unknown events. */
public class ProcessorMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer batchLatency;
    private final Timer endToEnd;
    private final Timer batchWait;
    private final Counter records;
    private final Counter duplicates;
    private final Counter conflicts;
    private final Counter unknowns;
    private final Counter retries;
    private final Counter outboxRelayed;

    public ProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("vodflow.processor.batch.size")
                .description("Records per batch transaction").publishPercentileHistogram().register(registry);
        this.batchLatency = Timer.builder("vodflow.processor.batch.latency")
                .description("Time from batch start to its transaction commit").publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99).register(registry);
        this.endToEnd = Timer.builder("vodflow.processor.end.to.end.latency")
                .description("Ingress receive time (vod-received-at header) to the batch commit").publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchWait = Timer.builder("vodflow.processor.batch.wait")
                .description("Age of a batch's oldest record (Kafka timestamp) when the batch starts").publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99).register(registry);
        this.records = Counter.builder("vodflow.processor.records").description("Records applied").register(registry);
        this.duplicates = Counter.builder("vodflow.processor.duplicates").description("Records skipped as already processed").register(registry);
        this.conflicts = Counter.builder("vodflow.processor.signature.conflicts")
                .description("One-time signatures claimed by a second FileId").register(registry);
        this.unknowns = Counter.builder("vodflow.processor.unknown.events").description("Events of unknown types stored raw").register(registry);
        this.retries = Counter.builder("vodflow.processor.batch.retries").description("Batch retries after transient errors").register(registry);
        this.outboxRelayed = Counter.builder("vodflow.processor.outbox.relayed").description("Media events published").register(registry);
    }

    /** Registers the consumer-lag gauge. */
    public void lagGauge(LongSupplier lag) {
        Gauge.builder("vodflow.processor.consumer.lag", lag::getAsLong)
                .description("Records behind the end of vod.callbacks over the assigned partitions").register(registry);
    }

    public void batch(int size, Duration latency, int applied, int duplicateCount) {
        batchSize.record(size);
        batchLatency.record(latency);
        records.increment(applied);
        duplicates.increment(duplicateCount);
    }

    public void batchWait(Duration wait) {
        batchWait.record(wait);
    }

    public void endToEnd(Duration latency) {
        endToEnd.record(latency);
    }

    public void conflicts(long n) {
        conflicts.increment(n);
    }

    public void unknownEvents(long n) {
        unknowns.increment(n);
    }

    public void retry() {
        retries.increment();
    }

    public void relayed(int n) {
        outboxRelayed.increment(n);
    }

    public void deadLettered(String errorClass) {
        Counter.builder("vodflow.processor.dlt").description("Records sent to vod.callbacks.DLT")
                .tag("error", errorClass.substring(errorClass.lastIndexOf('.') + 1)).register(registry).increment();
    }
}
