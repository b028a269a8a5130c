package io.vodflow.localstack;

import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the callback-ingress (SIGKILL) while VOD pushes callbacks, once while it holds callbacks in its fallback store
 * because Kafka is down. A sender that retries whatever was not answered 200 (a kill can cut an answer whose record is
 * already kept, so some callbacks arrive twice) finds every story applied exactly once in effect: nothing the ingress
 * acknowledged is lost, the fallback rows a dead instance left are relayed by its successor, duplicates are absorbed.
 */
class IngressCrashIT {
    private static final int STORIES = 300;
    private static final int CONCURRENCY = 16;
    private static final int RATE_PER_SECOND = 60;
    private static E2eStack stack;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    @BeforeAll
    static void startServices() throws Exception {
        stack = E2eStack.start("ingress_crash");
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingTheIngressLosesNothingItAcknowledgedAndDoublesNothing() throws Exception {
        CrashStories stories = CrashStories.prepare(stack, STORIES, "ingress-crash-user-");
        long total = stories.rounds.stream().mapToLong(List::size).sum();
        CompletableFuture<Long> chaos = CompletableFuture.supplyAsync(() -> havoc(total));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        for (List<byte[]> round : stories.rounds) {
            sendUntilAcknowledged(http, round);
        }

        long fallbackRowsAtKill = chaos.get(2, TimeUnit.MINUTES);
        System.out.printf("ingress crash: %d callbacks, %d answers 200, %d sent again, %d left in the fallback store by a kill%n",
                total, acknowledged.get(), unanswered.get(), fallbackRowsAtKill);
        assertThat(fallbackRowsAtKill).as("callbacks the killed instance left in the fallback store").isPositive();
        assertThat(unanswered.get()).as("requests cut or refused by the kills, sent again").isPositive();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stories.processed()).as("records applied; consumer group: %s", GroupOffsets.describe(
                        stack.kafkaBootstrap(), stack.processorGroup())).isEqualTo(total));
        assertThat(stack.count("select count(*) from callback_fallback")).as("fallback store relayed").isZero();
        stories.assertEachAppliedOnce();
    }

    /** Three kills at points of the stream; returns how many fallback rows the instance killed during the outage left. */
    private long havoc(long total) {
        try {
            awaitAcknowledged(total * 15 / 100);
            restartAfterKill();

            awaitAcknowledged(total * 40 / 100);
            stack.kafka().stop();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stack.count("select count(*) from callback_fallback") >= 20);
            stack.fleet.get(ServiceModule.INGRESS).kill();
            long left = stack.count("select count(*) from callback_fallback");
            stack.kafka().start();
            stack.fleet.restart(ServiceModule.INGRESS, Duration.ofMinutes(3));

            awaitAcknowledged(total * 70 / 100);
            restartAfterKill();
            return left;
        } catch (Exception e) {
            throw new IllegalStateException("chaos step failed", e);
        }
    }

    private void awaitAcknowledged(long count) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> acknowledged.get() >= count);
    }

    private static void restartAfterKill() throws Exception {
        stack.fleet.get(ServiceModule.INGRESS).kill();
        stack.fleet.restart(ServiceModule.INGRESS, Duration.ofMinutes(3));
    }

    /** Posts every body, paced, and posts again those not answered 200 until all are. */
    private void sendUntilAcknowledged(HttpClient http, List<byte[]> bodies) throws Exception {
        URI target = URI.create(stack.ingressUrl() + "/v1/vod/callbacks");
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        List<byte[]> pending = bodies;
        while (!pending.isEmpty()) {
            assertThat(Instant.now()).as("all callbacks acknowledged in time").isBefore(deadline);
            List<CompletableFuture<byte[]>> notAcknowledged = new ArrayList<>();
            for (byte[] body : pending) {
                inFlight.acquire();
                TimeUnit.MICROSECONDS.sleep(1_000_000 / RATE_PER_SECOND);
                HttpRequest req = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                notAcknowledged.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                        .handle((res, error) -> {
                            inFlight.release();
                            if (error == null && res.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                                return null;
                            }
                            unanswered.incrementAndGet();
                            return body;
                        }));
            }
            List<byte[]> again = new ArrayList<>();
            for (CompletableFuture<byte[]> f : notAcknowledged) {
                byte[] body = f.join();
                if (body != null) {
                    again.add(body);
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }
    }
}
