package io.vodflow.processor.query;

import java.util.List;

/** One page of media, newest first. */
public record MediaPage(List<MediaView> items, int page, int size, boolean hasMore) {

    /** The page from rows fetched with one extra (size + 1), which only tells whether more follow. */
    public static MediaPage of(List<MediaView> rows, int page, int size) {
        return new MediaPage(rows.size() > size ? rows.subList(0, size) : rows, page, size, rows.size() > size);
    }
}
