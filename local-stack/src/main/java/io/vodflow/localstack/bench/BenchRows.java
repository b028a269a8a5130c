package io.vodflow.localstack.bench;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Rows the processor benchmark needs: issued signatures to attribute uploads to. */
final class BenchRows {
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
}
