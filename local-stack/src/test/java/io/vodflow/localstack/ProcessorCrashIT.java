package io.vodflow.localstack;

import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.load.CallbackLoad;
import io.vodflow.emulator.load.LoadPlan;
import io.vodflow.emulator.load.LoadReport;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.localstack.demo.VodflowClient;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** What one story should leave behind. */
    record Expected(String userId, String signatureId, String fileId, String taskId, int subtasks) { }

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
        List<Expected> expected = new ArrayList<>();
        List<byte[]> bodies = prepareStories(expected);
        CompletableFuture<LoadReport> pushing = CallbackLoad.run(
                LoadPlan.of(URI.create(stack.ingressUrl() + "/v1/vod/callbacks"), bodies.size(), 16, bodies::get)
                        .withRate(40).withMaxDuration(Duration.ofMinutes(3))).toFuture();

        for (int k = 0; k < KILLS; k++) {
            long before = processed();
            // kill as soon as a restarted processor is visibly working through the backlog its downtime built up
            await().atMost(Duration.ofMinutes(2)).until(() -> processed() >= before + 20);
            stack.fleet.get(ServiceModule.PROCESSOR).kill();
            stack.fleet.restart(ServiceModule.PROCESSOR, Duration.ofMinutes(3));
        }

        LoadReport report = pushing.get();
        assertThat(report.failed()).isZero();
        assertThat(report.succeeded()).isEqualTo(bodies.size());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(processed()).as("records applied; consumer group: %s", GroupOffsets.describe(
                        stack.kafkaBootstrap(), stack.processorGroup())).isEqualTo(bodies.size()));

        assertThat(stack.count("select count(*) from media")).isEqualTo(STORIES);
        assertThat(stack.count("select count(*) from procedure_task")).isEqualTo(STORIES);
        Map<String, String[]> media = rows("select file_id, user_id, signature_id::text, attribution, procedure_task_id from media");
        Map<String, String[]> tasks = rows("select task_id, status, file_id from procedure_task");
        Map<String, String[]> signatures = rows("select id::text, state, used_file_id from upload_signature");
        for (Expected e : expected) {
            assertThat(media.get(e.fileId())).as("media %s", e.fileId())
                    .containsExactly(e.fileId(), e.userId(), e.signatureId(), "LINKED", e.taskId());
            assertThat(tasks.get(e.taskId())).as("task %s", e.taskId()).containsExactly(e.taskId(), "FINISH", e.fileId());
            assertThat(signatures.get(e.signatureId())).containsExactly(e.signatureId(), "USED", e.fileId());
            assertThat(stack.count("select count(*) from task_result where task_id = ? and status = 'SUCCESS'", e.taskId()))
                    .as("subtasks of %s", e.taskId()).isEqualTo(e.subtasks());
        }
        assertThat(stack.count("select count(*) from task_result")).isEqualTo(expected.stream().mapToLong(Expected::subtasks).sum());
    }

    private List<byte[]> prepareStories(List<Expected> expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UploadStory>> futures = new ArrayList<>();
        Map<Integer, String[]> ids = new HashMap<>();
        for (int i = 0; i < STORIES; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String user = "crash-user-" + n;
                VodflowClient client = stack.clientFor(user);
                VodflowClient.Answer issued = client.requestSignature("{\"procedure\":\"LongVideoPreset\",\"taskNotifyMode\":\"Change\"}");
                assertThat(issued.status()).isEqualTo(201);
                UploadResult.Accepted up = (UploadResult.Accepted) stack.vod.upload(issued.body().path("signature").asText(),
                        UploadRequest.of("clip-" + n));
                synchronized (ids) {
                    ids.put(n, new String[] {user, issued.body().path("id").asText()});
                }
                return stack.vod.story(up.media());
            }));
        }
        List<UploadStory> stories = new ArrayList<>();
        for (Future<UploadStory> f : futures) {
            stories.add(f.get());
        }
        pool.shutdown();
        int subtasks = stack.vod.settings().renditions().size() + 1;
        for (int i = 0; i < STORIES; i++) {
            UploadStory s = stories.get(i);
            expected.add(new Expected(ids.get(i)[0], ids.get(i)[1], s.media().fileId(), s.media().procedureTaskId(), subtasks));
        }
        // round-robin over the stories: every file's callbacks stay in VOD's order while files interleave
        List<byte[]> bodies = new ArrayList<>();
        for (int round = 0; round < stories.get(0).callbacks().size(); round++) {
            for (UploadStory s : stories) {
                bodies.add(s.inOrder().get(round));
            }
        }
        return bodies;
    }

    private static long processed() throws Exception {
        return stack.count("select count(*) from processed_event");
    }

    private static Map<String, String[]> rows(String sql) throws Exception {
        Map<String, String[]> out = new HashMap<>();
        try (Connection c = stack.db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[cols];
                for (int i = 0; i < cols; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.put(row[0], row);
            }
        }
        return out;
    }
}
