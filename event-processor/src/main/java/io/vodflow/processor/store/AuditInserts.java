package io.vodflow.processor.store;

import io.vodflow.processor.project.ConflictRow;
import io.vodflow.processor.project.UnknownRow;

import java.util.List;

/** Inserts into unknown_event and signature_conflict (kept for operators) and their column arrays. */
public final class AuditInserts {
    static final String UNKNOWN = """
            INSERT INTO unknown_event (dedupe_id, event_type, wire_format, file_id, task_id, raw_body, received_at)
            SELECT u.dedupe_id, u.event_type, u.wire_format, u.file_id, u.task_id, u.raw_body, u.received_at::timestamptz
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                AS u(dedupe_id, event_type, wire_format, file_id, task_id, raw_body, received_at)
            ON CONFLICT (dedupe_id) DO NOTHING
            """;
    static final String CONFLICT = """
            INSERT INTO signature_conflict (signature_id, file_id, linked_file_id, user_id)
            SELECT u.signature_id::uuid, u.file_id, u.linked_file_id, u.user_id
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(signature_id, file_id, linked_file_id, user_id)
            ON CONFLICT (signature_id, file_id) DO NOTHING
            """;

    static UnnestParameters<UnknownRow> unknownParams(List<UnknownRow> rows) {
        return new UnnestParameters<>(rows).text(UnknownRow::dedupeId).text(UnknownRow::eventType).text(UnknownRow::wireFormat)
                .text(UnknownRow::fileId).text(UnknownRow::taskId).text(UnknownRow::rawBody).instant(UnknownRow::receivedAt);
    }

    static UnnestParameters<ConflictRow> conflictParams(List<ConflictRow> rows) {
        return new UnnestParameters<>(rows).uuid(ConflictRow::signatureId).text(ConflictRow::fileId)
                .text(ConflictRow::linkedFileId).text(ConflictRow::userId);
    }

    private AuditInserts() { }
}
