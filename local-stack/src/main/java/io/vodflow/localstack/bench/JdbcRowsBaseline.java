package io.vodflow.localstack.bench;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** The processor benchmark's yardstick: the processor's rows for the same files, written with plain JDBC. */
final class JdbcRowsBaseline {
    private static final int CHUNK = 500;

    private JdbcRowsBaseline() { }

    /**
     * The yardstick: with plain JDBC, one UNNEST statement per table per transaction of {@value #CHUNK} events, the
     * rows the processor writes for {@code files} attributed uploads and their FINISH — two processed_event rows,
     * the signature marked USED, the linked READY media row, the task, its rendition and cover results (with their
     * output JSON), two outbox events (JSON payloads) — into scratch copies of the tables; returns events per second.
     */
    static double run(PostgresDatabase db, UUID[] signatures, int files) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                for (String table : List.of("media", "processed_event", "procedure_task", "task_result", "outbox_event")) {
                    st.execute("create table bench_" + table + " (like " + table + " including all)");
                }
                st.execute("create table bench_upload_signature as select * from upload_signature");
                st.execute("alter table bench_upload_signature add primary key (id)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement processed = c.prepareStatement(PROCESSED);
                 PreparedStatement signature = c.prepareStatement(SIGNATURE);
                 PreparedStatement media = c.prepareStatement(MEDIA);
                 PreparedStatement task = c.prepareStatement(TASK);
                 PreparedStatement result = c.prepareStatement(RESULT);
                 PreparedStatement outbox = c.prepareStatement(OUTBOX)) {
                for (int start = 0; start < files; start += CHUNK / 2) {
                    int n = Math.min(files, start + CHUNK / 2) - start;
                    String[] file = new String[n], user = new String[n], sig = new String[n], taskId = new String[n];
                    String[] dedupe = new String[2 * n], type = new String[2 * n], resultTask = new String[2 * n];
                    String[] resultType = new String[2 * n], resultJson = new String[2 * n], eventId = new String[2 * n];
                    String[] eventType = new String[2 * n], eventFile = new String[2 * n], eventUser = new String[2 * n], payload = new String[2 * n];
                    Integer[] definition = new Integer[2 * n];
                    for (int i = 0; i < n; i++) {
                        int f = start + i;
                        file[i] = "52" + f;
                        user[i] = "bench-user-" + f;
                        sig[i] = signatures[f].toString();
                        taskId[i] = "1500000001-Procedure-bench" + f + "t0";
                        for (int k = 0; k < 2; k++) {
                            int j = 2 * i + k;
                            dedupe[j] = (k == 0 ? "u-" : "f-") + f;
                            type[j] = k == 0 ? "NewFileUpload" : "ProcedureStateChanged";
                            resultTask[j] = taskId[i];
                            resultType[j] = k == 0 ? "Transcode" : "CoverBySnapshot";
                            definition[j] = k == 0 ? 100030 : 10;
                            resultJson[j] = "{\"Url\":\"http://1500000001.vod2.myqcloud.com/abcd/5f2e" + f + "/v.f" + definition[j]
                                    + ".mp4\",\"Definition\":" + definition[j] + ",\"Bitrate\":1048576,\"Height\":720,"
                                    + "\"Width\":1280,\"Size\":10485760,\"Duration\":61.2,\"Md5\":\"0123456789abcdef\","
                                    + "\"Container\":\"mov,mp4,m4a,3gp,3g2,mj2\"}";
                            eventId[j] = UUID.nameUUIDFromBytes((dedupe[j] + type[j]).getBytes()).toString();
                            eventType[j] = k == 0 ? "UploadLinked" : "TranscodeFinished";
                            eventFile[j] = file[i];
                            eventUser[j] = user[i];
                            payload[j] = "{\"eventId\":\"" + eventId[j] + "\",\"type\":\"" + eventType[j]
                                    + "\",\"fileId\":\"" + file[i] + "\",\"userId\":\"" + user[i] + "\",\"taskId\":\"" + taskId[i]
                                    + "\",\"status\":\"READY\",\"renditions\":[" + resultJson[j] + "]}";
                        }
                    }
                    bind(c, processed, dedupe, type);
                    bind(c, signature, sig, file);
                    bind(c, media, file, user, sig, taskId);
                    bind(c, task, taskId, file);
                    bind(c, result, resultTask, resultType, definition, resultJson);
                    bind(c, outbox, eventId, eventType, eventFile, eventUser, payload);
                    for (PreparedStatement ps : List.of(processed, signature, media, task, result, outbox)) {
                        ps.executeUpdate();
                    }
                    c.commit();
                }
            }
            return files * 2 / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static final String PROCESSED = """
            insert into bench_processed_event (dedupe_id, event_type) select * from unnest(?::text[], ?::text[])
            on conflict do nothing""";
    private static final String SIGNATURE = """
            update bench_upload_signature s set state = 'USED', state_changed_at = now(), used_at = now(), used_file_id = u.f
            from unnest(?::uuid[], ?::text[]) as u(id, f) where s.id = u.id""";
    private static final String MEDIA = """
            insert into bench_media (file_id, user_id, signature_id, attribution, name, media_url, procedure_task_id,
                status, status_rank, uploaded_at)
            select f, u, s::uuid, 'LINKED', 'holiday-clip', 'http://1500000001.vod2.myqcloud.com/abcd/' || f || '/Xy7Qm2.mp4', t,
                'READY', 3, now()
            from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as x(f, u, s, t)
            on conflict (file_id) do update set status = excluded.status, status_rank = excluded.status_rank,
                updated_at = now() where bench_media.status_rank < excluded.status_rank""";
    private static final String TASK = """
            insert into bench_procedure_task (task_id, file_id, status, status_rank, progress, finished_at)
            select t, f, 'FINISH', 3, 100, now() from unnest(?::text[], ?::text[]) as x(t, f)
            on conflict (task_id) do update set status = excluded.status, status_rank = excluded.status_rank,
                updated_at = now() where bench_procedure_task.status_rank < excluded.status_rank""";
    private static final String RESULT = """
            insert into bench_task_result (task_id, type, definition, status, status_rank, progress, url, output_json)
            select t, y, d, 'FINISH', 3, 100, j::jsonb ->> 'Url', j::jsonb
            from unnest(?::text[], ?::text[], ?::int4[], ?::text[]) as x(t, y, d, j)
            on conflict (task_id, type, definition) do update set status = excluded.status, output_json = excluded.output_json,
                updated_at = now() where bench_task_result.status_rank < excluded.status_rank""";
    private static final String OUTBOX = """
            insert into bench_outbox_event (event_id, event_type, file_id, user_id, payload)
            select e, y, f, u, p::json from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(e, y, f, u, p)
            on conflict (event_id) do nothing""";

    private static void bind(Connection c, PreparedStatement ps, Object[]... columns) throws Exception {
        for (int i = 0; i < columns.length; i++) {
            Array a = c.createArrayOf(columns[i] instanceof Integer[] ? "int4" : "text", columns[i]);
            ps.setArray(i + 1, a);
        }
    }
}
