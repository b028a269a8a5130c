package io.vodflow.kit.page;

import io.vodflow.kit.problem.BadPageProblem;

/**
 * The paging parameters of a list request, checked: a page number (offset paging) or a cursor that continues after
 * the last item of an earlier page (keyset paging, stable while rows are added). {@code after} is null for page
 * numbers.
 */
public record PageRequest(int page, int size, PageCursor after) {

    /** The request from the query parameters, or {@link BadPageProblem} (400) when they are out of range. */
    public static PageRequest of(int page, int size, String cursor, int maxSize) {
        if (BadPageProblem.outOfRange(page, size, maxSize)) {
            throw new BadPageProblem(maxSize);
        }
        if (cursor == null || cursor.isEmpty()) { // an empty cursor asks for the first page, as having none does
            return new PageRequest(page, size, null);
        }
        if (page != 0) {
            throw BadPageProblem.cursorWithPage();
        }
        return new PageRequest(0, size, PageCursor.decode(cursor).orElseThrow(BadPageProblem::badCursor));
    }

    /** Rows to fetch: one more than the page holds, which only tells whether more follow. */
    public int fetchLimit() {
        return size + 1;
    }

    /** Rows to skip: none after a cursor, else the pages before this one. */
    public long offset() {
        return after == null ? (long) page * size : 0L;
    }
}
