package io.vodflow.localstack;

import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.localstack.demo.VodflowClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads by many users, each through a real signature and the emulated VOD, whose callbacks a crash test sends; and
 * the check that each story was applied exactly once in effect, row by row.
 */
final class CrashStories {
    /** What one story should leave behind. */
    record Expected(String userId, String signatureId, String fileId, String taskId, int subtasks) { }

    final List<Expected> expected = new ArrayList<>();
    /** Round r holds callback r of every story: sent round by round, each file's callbacks keep VOD's order. */
    final List<List<byte[]>> rounds = new ArrayList<>();
    private final E2eStack stack;

    private CrashStories(E2eStack stack) {
        this.stack = stack;
    }

    static CrashStories prepare(E2eStack stack, int stories, String userPrefix) throws Exception {
        CrashStories out = new CrashStories(stack);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UploadStory>> futures = new ArrayList<>();
        Map<Integer, String[]> ids = new HashMap<>();
        for (int i = 0; i < stories; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String user = userPrefix + n;
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
        List<UploadStory> all = new ArrayList<>();
        for (Future<UploadStory> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        int subtasks = stack.vod.settings().renditions().size() + 1;
        for (int i = 0; i < stories; i++) {
            UploadStory s = all.get(i);
            out.expected.add(new Expected(ids.get(i)[0], ids.get(i)[1], s.media().fileId(), s.media().procedureTaskId(), subtasks));
        }
        for (int round = 0; round < all.get(0).callbacks().size(); round++) {
            List<byte[]> bodies = new ArrayList<>();
            for (UploadStory s : all) {
                bodies.add(s.inOrder().get(round));
            }
            out.rounds.add(bodies);
        }
        return out;
    }

    /** Every callback of every story, round after round (files interleave, each file's callbacks in order). */
    List<byte[]> allBodies() {
        return rounds.stream().flatMap(List::stream).toList();
    }

    /** Records the processor applied, one per distinct callback. */
    long processed() throws Exception {
        return stack.count("select count(*) from processed_event");
    }

    /** Each story's media, task, signature and subtask rows are exactly what one application of its callbacks leaves. */
    void assertEachAppliedOnce() throws Exception {
        assertThat(stack.count("select count(*) from media")).isEqualTo(expected.size());
        assertThat(stack.count("select count(*) from procedure_task")).isEqualTo(expected.size());
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

    private Map<String, String[]> rows(String sql) throws Exception {
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
