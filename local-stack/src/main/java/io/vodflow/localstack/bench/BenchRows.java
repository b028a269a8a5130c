package io.vodflow.localstack.bench;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

/** Rows the processor benchmark needs: issued signatures to attribute uploads to, and the raw JDBC baseline. */
final class BenchRows {
    private static final int CHUNK = 500;

    private BenchRows() { }

    /** Inserts {@code n} ISSUED signatures (one user each) and returns their ids. */
    static UUID[] insertSignatures(PostgresDatabase db, int n, String secretId) throws Exception {
        UUID[] ids = new UUID[n];
        String[] users = new String[n];
        Long[] randoms = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            users[i] = "bench-user-" + i;
            randoms[i] = (long) i;
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                insert into upload_signature (id, user_id, secret_id, random, issued_epoch, issued_at, expires_at,
                    source_context, state, state_changed_at)
                select u.id, u.user_id, ?, u.random, extract(epoch from date_trunc('second', now()))::bigint,
                    date_trunc('second', now()), now() + interval '1 hour', 'bench', 'ISSUED', now()
                from unnest(?::uuid[], ?::text[], ?::bigint[]) as u(id, user_id, random)""")) {
            ps.setString(1, secretId);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("text", users));
            ps.setArray(4, c.createArrayOf("bigint", randoms));
            ps.executeUpdate();
        }
        return ids;
    }

    /**
     * Upserts, with plain JDBC and one UNNEST statement per table per transaction of {@value #CHUNK}, the media
     * and processed_event rows of {@code files} uploads and their FINISH events into scratch copies of the
     * tables; returns events per second (two per file).
     */
    static double rawUnnestUpsert(PostgresDatabase db, int files) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("create table bench_media (like media including all)");
                st.execute("create table bench_processed (like processed_event including all)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement media = c.prepareStatement("""
                    insert into bench_media (file_id, user_id, attribution, media_url, status, status_rank)
                    select f, u, 'LINKED', 'http://example/' || f, s, r from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as x(f, u, s, r)
                    on conflict (file_id) do update set status = excluded.status, status_rank = excluded.status_rank,
                        updated_at = now() where bench_media.status_rank < excluded.status_rank""");
                 PreparedStatement processed = c.prepareStatement("""
                    insert into bench_processed (dedupe_id, event_type) select * from unnest(?::text[], ?::text[])
                    on conflict do nothing""")) {
                for (int start = 0; start < files; start += CHUNK / 2) {
                    int end = Math.min(files, start + CHUNK / 2);
                    int n = end - start;
                    // like the processor, the two events of one file fold into one media row per statement
                    String[] f = new String[n], u = new String[n], s = new String[n];
                    Integer[] r = new Integer[n];
                    String[] d = new String[n * 2], t = new String[n * 2];
                    for (int i = 0; i < n; i++) {
                        int file = start + i;
                        f[i] = "52" + file;
                        u[i] = "bench-user-" + file;
                        s[i] = "READY";
                        r[i] = 3;
                        d[2 * i] = "u-" + file;
                        t[2 * i] = "NewFileUpload";
                        d[2 * i + 1] = "f-" + file;
                        t[2 * i + 1] = "ProcedureStateChanged";
                    }
                    bind(c, media, f, u, s, r);
                    media.executeUpdate();
                    bind(c, processed, d, t);
                    processed.executeUpdate();
                    c.commit();
                }
            }
            return files * 2 / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object[]... columns) throws Exception {
        for (int i = 0; i < columns.length; i++) {
            Array a = c.createArrayOf(columns[i] instanceof Integer[] ? "int4" : "text", columns[i]);
            ps.setArray(i + 1, a);
        }
    }
}
