package io.vodflow.signer.record;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.UUID;

/**
 * Inserts many rows in one statement and one round trip ({@code INSERT ... SELECT FROM unnest(...)}; R2DBC's
 * {@code Statement.add()} would cost a round trip per row). Rows whose (secretId, second, random) or whose
 * (user, Idempotency-Key) is already taken are skipped, not failed, so one collision does not sink the batch: only
 * the ids returned were inserted, and the caller tells the two cases apart by the key.
 */
final class SignatureInsertStatement {
    private static final String SQL = """
            INSERT INTO upload_signature (id, user_id, secret_id, random, issued_epoch, issued_at, expires_at, one_time,
                procedure, class_id, sub_app_id, task_priority, task_notify_mode, storage_region, session_context,
                client_context, requester_ip, source_context, idempotency_key, request_fingerprint, state, state_changed_at)
            SELECT r.id, r.user_id, r.secret_id, r.random, r.issued_epoch, to_timestamp(r.issued_epoch),
                to_timestamp(r.expire_epoch), r.one_time, r.procedure, r.class_id, r.sub_app_id, r.task_priority,
                r.task_notify_mode, r.storage_region, r.session_context, r.client_context, r.requester_ip,
                r.source_context, r.idempotency_key, r.request_fingerprint, 'ISSUED', to_timestamp(r.issued_epoch)
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::boolean[],
                $8::text[], $9::int[], $10::bigint[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[],
                $16::text[], $17::text[], $18::text[], $19::text[])
                AS r(id, user_id, secret_id, random, issued_epoch, expire_epoch, one_time, procedure, class_id,
                     sub_app_id, task_priority, task_notify_mode, storage_region, session_context, client_context,
                     requester_ip, source_context, idempotency_key, request_fingerprint)
            ON CONFLICT DO NOTHING
            RETURNING id""";

    private SignatureInsertStatement() { }

    /** Ids of the rows actually inserted. */
    static Flux<UUID> run(DatabaseClient db, List<NewSignature> rows) {
        int n = rows.size();
        UUID[] id = new UUID[n];
        String[] user = new String[n], secretId = new String[n], procedure = new String[n], notify = new String[n],
                region = new String[n], session = new String[n], client = new String[n], ip = new String[n],
                source = new String[n], idempotency = new String[n], fingerprint = new String[n];
        Long[] random = new Long[n], issued = new Long[n], expire = new Long[n], subApp = new Long[n];
        Boolean[] oneTime = new Boolean[n];
        Integer[] classId = new Integer[n], priority = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewSignature r = rows.get(i);
            id[i] = r.id();
            user[i] = r.userId();
            secretId[i] = r.secretId();
            random[i] = r.random();
            issued[i] = r.issuedEpoch();
            expire[i] = r.expireEpoch();
            oneTime[i] = r.oneTime();
            procedure[i] = r.procedure();
            classId[i] = r.classId();
            subApp[i] = r.subAppId();
            priority[i] = r.taskPriority();
            notify[i] = r.taskNotifyMode();
            region[i] = r.storageRegion();
            session[i] = r.sessionContext();
            client[i] = r.clientContext();
            ip[i] = r.requesterIp();
            source[i] = r.sourceContext();
            idempotency[i] = r.idempotencyKey();
            fingerprint[i] = r.requestFingerprint();
        }
        Object[] params = {id, user, secretId, random, issued, expire, oneTime, procedure, classId, subApp, priority,
                notify, region, session, client, ip, source, idempotency, fingerprint};
        DatabaseClient.GenericExecuteSpec spec = db.sql(SQL);
        for (int i = 0; i < params.length; i++) {
            spec = spec.bind(i, params[i]);
        }
        return spec.map(row -> row.get(0, UUID.class)).all();
    }
}
