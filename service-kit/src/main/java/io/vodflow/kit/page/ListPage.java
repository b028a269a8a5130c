package io.vodflow.kit.page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list. {@code nextCursor} continues after the last item (null when no more follow);
 * {@code page} is the page number asked for, 0 when the page was asked by cursor.
 */
public record ListPage<T>(List<T> items, int page, int size, boolean hasMore, String nextCursor) {

    /** The page from rows fetched with {@link PageRequest#fetchLimit()}; {@code position} gives an item's cursor. */
    public static <T> ListPage<T> of(List<T> rows, PageRequest request, Function<T, PageCursor> position) {
        boolean more = rows.size() > request.size();
        List<T> items = more ? rows.subList(0, request.size()) : rows;
        String next = more ? position.apply(items.get(items.size() - 1)).encode() : null;
        return new ListPage<>(items, request.page(), request.size(), more, next);
    }
}
