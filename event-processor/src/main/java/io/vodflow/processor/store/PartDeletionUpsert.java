package io.vodflow.processor.store;

import io.vodflow.processor.project.PartDeletionRow;

import java.util.List;

/** The media_part_deletion upsert (the latest deletion of a part wins) and its column arrays; run by {@link ProjectionRepository}. */
public final class PartDeletionUpsert {
    static final String UPSERT = """
            INSERT INTO media_part_deletion AS d (file_id, part_type, definition, deleted_at)
            SELECT u.file_id, u.part_type, u.definition, u.deleted_at::timestamptz
            FROM unnest($1::text[], $2::text[], $3::int4[], $4::text[]) AS u(file_id, part_type, definition, deleted_at)
            ON CONFLICT (file_id, part_type, definition) DO UPDATE SET
                deleted_at = GREATEST(d.deleted_at, EXCLUDED.deleted_at),
                updated_at = CASE WHEN EXCLUDED.deleted_at > d.deleted_at THEN now() ELSE d.updated_at END
            RETURNING 1
            """;

    static UnnestParameters<PartDeletionRow> params(List<PartDeletionRow> rows) {
        return new UnnestParameters<>(rows).text(PartDeletionRow::fileId).text(PartDeletionRow::partType)
                .int4(PartDeletionRow::definition).instant(PartDeletionRow::deletedAt);
    }

    private PartDeletionUpsert() { }
}
