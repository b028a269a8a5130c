package io.vodflow.processor.project;

import java.time.Instant;

/** One media_part_deletion row: a part of a media removed by a partial deletion; the latest deletion wins. */
public record PartDeletionRow(String fileId, String partType, int definition, Instant deletedAt) {

    /** The row's key. */
    public Key key() {
        return new Key(fileId, partType, definition);
    }

    /** (file, part type, definition), ordered as the table's primary key. */
    public record Key(String fileId, String partType, int definition) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = fileId.compareTo(o.fileId);
            if (c == 0) {
                c = partType.compareTo(o.partType);
            }
            return c != 0 ? c : Integer.compare(definition, o.definition);
        }
    }

    /** Folds another deletion of the same part in: the later one counts. */
    public PartDeletionRow merge(PartDeletionRow other) {
        return other.deletedAt.isAfter(deletedAt) ? other : this;
    }
}
