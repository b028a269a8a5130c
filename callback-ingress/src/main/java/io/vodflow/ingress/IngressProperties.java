package io.vodflow.ingress;

import io.vodflow.kit.secret.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** Settings of the callback ingress (prefix {@code vodflow.ingress}); env vars map onto it in application.yml. */
@Validated
@ConfigurationProperties("vodflow.ingress")
public record IngressProperties(
        /** VOD callback SignKey (VODFLOW_CALLBACK_SIGN_KEY); unset or empty = Sign/T are not checked. */
        Secret signKey,
        /** The SignKey being rotated out (VODFLOW_CALLBACK_PREVIOUS_SIGN_KEY), accepted beside signKey; empty = none. */
        Secret previousSignKey,
        /** Optional secret last path segment of the callback URL (VODFLOW_CALLBACK_PATH_TOKEN); empty = none. */
        Secret pathToken,
        /** Largest accepted callback body; larger bodies get 413. */
        @DefaultValue("256KB") @NotNull DataSize maxBodySize,
        /** How long a client may take to send its body; a stalled upload gets 408 and frees its in-flight slot. */
        @DefaultValue("10s") @NotNull Duration bodyReadTimeout,
        /** How long a push callback waits for the Kafka ack before it goes to the fallback store. */
        @DefaultValue("2s") @NotNull Duration ackDeadline,
        /** How long the fallback store may take to keep a callback before the answer is 503. */
        @DefaultValue("2s") @NotNull Duration fallbackDeadline,
        /** After a missed Kafka deadline, how long new callbacks go straight to the fallback before Kafka is tried again. */
        @DefaultValue("3s") @NotNull Duration kafkaRetryInterval,
        /** How long a start waits for Kafka before opening the port (then the fallback store answers); 0 = no wait. */
        @DefaultValue("5s") @NotNull Duration startupKafkaWait,
        /** Most push requests handled at once; more get 429 with Retry-After. */
        @DefaultValue("8192") @Min(1) @Max(1_000_000) int maxInFlight,
        /** Retry-After sent with 429 and 503 answers. */
        @DefaultValue("1s") @NotNull Duration retryAfter,
        /** Producer linger.ms: a short wait that lets concurrent callbacks share one acks=all round trip. */
        @DefaultValue("1ms") @NotNull Duration linger,
        /** How the fallback relay re-publishes stored callbacks. */
        @DefaultValue @Valid @NotNull Relay relay,
        /** Reliable-callback mode (PullEvents/ConfirmEvents). */
        @DefaultValue @Valid @NotNull Pull pull) {

    /** The largest max-body-size: a callback is one Kafka record, and the record adds its key and headers. */
    public static final DataSize LARGEST_BODY = DataSize.ofKilobytes(1000);

    /** Kafka's default record limit is 1 MiB (producer max.request.size, broker message.max.bytes). */
    @AssertTrue(message = "max-body-size must be between 1B and 1000KB: a callback becomes one Kafka record, "
            + "whose default limit is 1 MiB, and a body Kafka refuses could only be parked")
    public boolean isBodyWithinKafkaRecordLimit() {
        return maxBodySize == null || (maxBodySize.toBytes() > 0 && maxBodySize.compareTo(LARGEST_BODY) <= 0);
    }

    /** VOD gives up on a push after 5 s, so the two waits together must leave time to answer. */
    @AssertTrue(message = "ack-deadline + fallback-deadline must stay under 4.5 s (VOD's push timeout is 5 s)")
    public boolean isAnsweredWithinVodTimeout() {
        return ackDeadline == null || fallbackDeadline == null
                || ackDeadline.plus(fallbackDeadline).compareTo(Duration.ofMillis(4_500)) <= 0;
    }

    /** A previous SignKey only makes sense beside a current one: alone it would not be checked at all. */
    @AssertTrue(message = "VODFLOW_CALLBACK_PREVIOUS_SIGN_KEY needs VODFLOW_CALLBACK_SIGN_KEY (the new key) beside it")
    public boolean isPreviousSignKeyPaired() {
        return previousSignKey == null || previousSignKey.isEmpty() || signatureRequired();
    }

    /** True when a SignKey is configured, so every push callback must carry a valid Sign/T. */
    public boolean signatureRequired() {
        return signKey != null && !signKey.isEmpty();
    }

    /** True when a secret path token is configured. */
    public boolean pathTokenRequired() {
        return pathToken != null && !pathToken.isEmpty();
    }

    /** The fallback relay's schedule and batch size. */
    public record Relay(
            /** Pause between relay passes while the fallback store is empty or Kafka refuses. */
            @DefaultValue("500ms") @NotNull Duration interval,
            /** Stored callbacks re-published per transaction. */
            @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
            /** How long one batch may wait for its Kafka acks before the pass is rolled back and retried. */
            @DefaultValue("10s") @NotNull Duration publishTimeout,
            /** How often the backlog gauge counts the stored callbacks. */
            @DefaultValue("2s") @NotNull Duration backlogRefresh) {
    }

    /** Reliable callback mode: long-poll PullEvents, publish, then ConfirmEvents. */
    public record Pull(
            /** Whether the puller runs (VODFLOW_PULL_ENABLED). */
            @DefaultValue("false") boolean enabled,
            /** VOD API host (and port) the SDK calls, e.g. vod.tencentcloudapi.com (VODFLOW_VOD_ENDPOINT). */
            @DefaultValue("vod.tencentcloudapi.com") String endpoint,
            /** Scheme of the API endpoint: https in production, http for the emulator. */
            @DefaultValue("https") String protocol,
            /** API region sent with requests; VOD accepts an empty one. */
            @DefaultValue("") String region,
            /** API SecretId (VODFLOW_VOD_SECRET_ID). */
            @DefaultValue("") String secretId,
            /** API SecretKey (VODFLOW_VOD_SECRET_KEY). */
            Secret secretKey,
            /** VOD sub-application to pull from; 0 = the primary application. */
            @DefaultValue("0") @Min(0) long subAppId,
            /** Pullers running at once in this instance (each holds one long poll). */
            @DefaultValue("1") @Min(1) @Max(16) int concurrency,
            /** Client timeout of one API call; PullEvents holds up to 5 s, so about 10 s. */
            @DefaultValue("10s") @NotNull Duration requestTimeout,
            /** How long a pulled batch may wait for its Kafka acks; must stay well below VOD's 30 s confirm window. */
            @DefaultValue("15s") @NotNull Duration publishTimeout,
            /** Pause after a failed pull, publish or confirm. */
            @DefaultValue("1s") @NotNull Duration errorBackoff) {

        /** VOD takes a pulled event back after 30 s; a confirm after that fails and the whole batch comes again. */
        @AssertTrue(message = "pull.publish-timeout + pull.request-timeout + 2 s must stay under 30 s (VOD's redelivery timeout)")
        public boolean isConfirmedWithinRedeliveryTimeout() {
            return publishTimeout == null || requestTimeout == null
                    || publishTimeout.plus(requestTimeout).plusSeconds(2).compareTo(Duration.ofSeconds(30)) < 0;
        }
    }
}
