package io.vodflow.localstack;

import io.vodflow.emulator.load.CallbackLoad;
import io.vodflow.emulator.load.LoadPlan;
import io.vodflow.emulator.load.LoadReport;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the event-processor (SIGKILL) several times while callbacks flow and checks the final tables row by row:
 * every acknowledged callback ends up applied exactly once in effect, nothing lost and nothing doubled.
 */
class ProcessorCrashIT {
    private static final int STORIES = 600;
    private static final int KILLS = 3;
    private static E2eStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = E2eStack.start("crash");
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingTheProcessorMidStreamLosesAndDoublesNothing() throws Exception {
        CrashStories stories = CrashStories.prepare(stack, STORIES, "crash-user-");
        List<byte[]> bodies = stories.allBodies();
        CompletableFuture<LoadReport> pushing = CallbackLoad.run(
                LoadPlan.of(URI.create(stack.ingressUrl() + "/v1/vod/callbacks"), bodies.size(), 16, bodies::get)
                        .withRate(40).withMaxDuration(Duration.ofMinutes(3))).toFuture();

        for (int k = 0; k < KILLS; k++) {
            long before = stories.processed();
            // kill as soon as a restarted processor is visibly working through the backlog its downtime built up
            await().atMost(Duration.ofMinutes(2)).until(() -> stories.processed() >= before + 20);
            stack.fleet.get(ServiceModule.PROCESSOR).kill();
            stack.fleet.restart(ServiceModule.PROCESSOR, Duration.ofMinutes(3));
        }

        LoadReport report = pushing.get();
        assertThat(report.failed()).isZero();
        assertThat(report.succeeded()).isEqualTo(bodies.size());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stories.processed()).as("records applied; consumer group: %s", GroupOffsets.describe(
                        stack.kafkaBootstrap(), stack.processorGroup())).isEqualTo(bodies.size()));
        stories.assertEachAppliedOnce();
    }
}
