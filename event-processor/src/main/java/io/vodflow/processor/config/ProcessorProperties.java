package io.vodflow.processor.config;

import io.vodflow.kit.secret.Secret;
import io.vodflow.processor.project.PartialDeletePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** Settings of the event-processor (prefix vodflow.processor); every value has a working default. */
@Validated
@ConfigurationProperties("vodflow.processor")
public record ProcessorProperties(
        /** Consumer group of the vod.callbacks receiver (VODFLOW_PROCESSOR_GROUP_ID). */
        @DefaultValue("vodflow-event-processor") @NotBlank String groupId,
        /** Most records in one batch (one transaction); a small poll is one batch over all its partitions. */
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        /** Longest the broker holds an empty fetch (fetch.max.wait.ms); records are fetched as soon as they arrive. */
        @DefaultValue("20ms") @NotNull Duration batchWait,
        /** Kafka max.poll.records: bounds what the consumer holds in memory per poll. */
        @DefaultValue("3000") @Min(1) @Max(20_000) int maxPollRecords,
        /**
         * Kafka max.partition.fetch.bytes: kept well under a poll's worth of records, so that under a backlog one
         * poll spans several partitions and their lanes run in parallel instead of one partition filling the poll.
         */
        @DefaultValue("262144") @Min(1024) int partitionFetchBytes,
        /** How often offsets of committed batches are committed to Kafka (a crash re-reads at most this much). */
        @DefaultValue("200ms") @NotNull Duration commitInterval,
        /** Kafka session.timeout.ms of the callbacks consumer: how soon a crashed instance's partitions move on. */
        @DefaultValue("45s") @NotNull Duration sessionTimeout,
        /** Most batches of one poll applied in parallel (each lane holds whole partitions, so order is kept). */
        @DefaultValue("16") @Min(1) @Max(10_000) int maxLanes,
        /** First pause before retrying a batch after a transient database error. */
        @DefaultValue("200ms") @NotNull Duration retryInitialBackoff,
        /** Longest pause between retries of a failing batch (retries go on until the database answers). */
        @DefaultValue("10s") @NotNull Duration retryMaxBackoff,
        /** Time limit of one batch transaction before it counts as failed and is retried. */
        @DefaultValue("30s") @NotNull Duration batchTimeout,
        /** Pause before the receiver is rebuilt after it failed (e.g. broker gone). */
        @DefaultValue("2s") @NotNull Duration restartBackoff,
        /** Time limit of a Kafka send (DLT, outbox relay, replay). */
        @DefaultValue("15s") @NotNull Duration sendTimeout,
        /** How often the outbox relay looks for unpublished events when no batch woke it. */
        @DefaultValue("250ms") @NotNull Duration outboxPollInterval,
        /** Most outbox events relayed in one transaction. */
        @DefaultValue("500") @Min(1) @Max(10_000) int outboxBatchSize,
        /** Prefix of the per-instance consumer group that feeds the live SSE streams. */
        @DefaultValue("vodflow-processor-live") @NotBlank String liveGroupPrefix,
        /** Interval of SSE keep-alive comments. */
        @DefaultValue("15s") @NotNull Duration sseHeartbeat,
        /**
         * Latest media events each instance keeps for SSE clients that reconnect with Last-Event-ID (0 = none):
         * a client whose last event is among them gets what it missed, any other a {@code reset} event.
         */
        @DefaultValue("2000") @Min(0) @Max(1_000_000) int sseReplayEvents,
        /**
         * Events an SSE subscriber may fall behind by (per connection) before its response is ended; its client then
         * reconnects with Last-Event-ID and resumes. Larger holds slow clients open longer at the cost of memory.
         */
        @DefaultValue("256") @Min(16) @Max(100_000) int sseSubscriberBuffer,
        /** Most DLT records one replay call moves back to vod.callbacks. */
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int dltReplayMax,
        /** Largest page size of the list endpoints. */
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        /** How often the consumer lag gauge is refreshed. */
        @DefaultValue("5s") @NotNull Duration lagRefresh,
        /**
         * Health of the callbacks consumer goes DOWN when one poll has been applied for longer than this, or its poll
         * thread has not answered for this long (VODFLOW_PROCESSOR_STALL_TIMEOUT).
         */
        @DefaultValue("2m") @NotNull @DurationMin(seconds = 1) Duration stallTimeout,
        /**
         * A FileDeleted naming only some parts of a media (VODFLOW_PROCESSOR_PARTIAL_DELETES): DELETE_MEDIA marks it
         * deleted like any FileDeleted, KEEP_MEDIA keeps it with those parts gone (for apps that delete originals or
         * some renditions to save storage).
         */
        @DefaultValue("DELETE_MEDIA") @NotNull PartialDeletePolicy partialDeletes,
        /**
         * A FileDeleted whose body equals one applied longer ago than this is a new deletion, not a redelivery
         * (VODFLOW_PROCESSOR_DELETION_REDELIVERY_WINDOW): the same parts can be deleted again after a new transcode,
         * and VOD's callbacks carry nothing else that tells the two apart. VOD redelivers within minutes.
         */
        @DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration deletionRedeliveryWindow,
        /** Healing of tasks whose callbacks were lost, through VOD's DescribeTaskDetail. */
        @DefaultValue @Valid @NotNull Reconcile reconcile,
        /** Key-hotlink signing of the media URLs the query API returns. */
        @DefaultValue @Valid @NotNull Playback playback,
        /** How long dedupe ids of processed events are kept. */
        @DefaultValue @Valid @NotNull Retention retention) {

    /** Pruning of {@code processed_event}: dedupe ids older than the retention are deleted in chunks. */
    public record Retention(
            /** Whether this instance prunes (several may). */
            @DefaultValue("true") boolean enabled,
            /** Age after which a dedupe id is deleted (VODFLOW_PROCESSOR_DEDUPE_RETENTION); keep it above the topic's retention. */
            @DefaultValue("14d") @NotNull @DurationMin(hours = 1) Duration processedEvents,
            /** Pause between prunes. */
            @DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration interval,
            /** Rows deleted per statement. */
            @DefaultValue("5000") @Min(1) @Max(1_000_000) int chunk) {
    }

    /** Signed playback URLs (contract-2 §1): off while no KEY is configured. */
    public record Playback(
            /** KEY, or {@code host=KEY,host2=KEY2} per playback domain (VODFLOW_PLAYBACK_KEY); never printed. */
            Secret key,
            /** Expiry = now + media duration + this margin. */
            @DefaultValue("1h") @NotNull Duration expiryMargin,
            /** Preview length in seconds (exper), if the domain uses it. */
            Integer exper,
            /** Most client IPs per URL (rlimit), if the domain uses it. */
            Integer rlimit) {
    }

    /** Reconciliation of stale tasks against DescribeTaskDetail (TC3-signed through Tencent's SDK). */
    public record Reconcile(
            /** Turn the reconciler on (VODFLOW_RECONCILE_ENABLED); it needs the VOD key pair. */
            @DefaultValue("false") boolean enabled,
            /** A task not FINISHed and not updated for this long is checked. */
            @DefaultValue("10m") @NotNull Duration after,
            /** Pause between reconciliation rounds. */
            @DefaultValue("1m") @NotNull Duration interval,
            /** The same task is checked again at most this often. */
            @DefaultValue("5m") @NotNull Duration recheck,
            /** Most tasks checked per round (DescribeTaskDetail is rate-limited by VOD). */
            @DefaultValue("20") @Min(1) @Max(1000) int batchSize,
            /** VOD API host (VODFLOW_VOD_ENDPOINT). */
            @DefaultValue("vod.tencentcloudapi.com") @NotBlank String endpoint,
            /** http or https (VODFLOW_VOD_PROTOCOL). */
            @DefaultValue("https") @NotBlank String protocol,
            /** VOD API SecretId (VODFLOW_VOD_SECRET_ID). */
            @DefaultValue("") String secretId,
            /** VOD API SecretKey (VODFLOW_VOD_SECRET_KEY); never printed. */
            Secret secretKey,
            /** API region; VOD accepts an empty one. */
            @DefaultValue("") String region,
            /**
             * SubAppId for tasks no callback or signature placed in a sub-application (VODFLOW_VOD_SUB_APP_ID;
             * 0 = the primary application, which only accounts opened before 2023-12-25 may use).
             */
            @DefaultValue("0") @Min(0) long subAppId,
            /** Time limit of one DescribeTaskDetail call. */
            @DefaultValue("10s") @NotNull Duration requestTimeout) {
    }
}
