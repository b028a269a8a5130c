package io.vodflow.kit.page;

import io.vodflow.kit.problem.BadPageProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {
    private static final String CURSOR = new PageCursor(Instant.parse("2026-12-07T10:00:00Z"), "f-9").encode();

    @Test
    void pageNumbersSkipThePagesBeforeACursorSkipsNothing() {
        PageRequest third = PageRequest.of(2, 20, null, 100);
        assertThat(third.offset()).isEqualTo(40);
        assertThat(third.fetchLimit()).isEqualTo(21);
        assertThat(third.after()).isNull();
        PageRequest next = PageRequest.of(0, 20, CURSOR, 100);
        assertThat(next.offset()).isZero();
        assertThat(next.after()).isEqualTo(new PageCursor(Instant.parse("2026-12-07T10:00:00Z"), "f-9"));
        assertThat(PageRequest.of(1, 20, "", 100)).as("an empty cursor is none").isEqualTo(new PageRequest(1, 20, null));
    }

    @Test
    void outOfRangeParametersAndBadCursorsAreBadRequests() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20, null, 100)).isInstanceOf(BadPageProblem.class);
        assertThatThrownBy(() -> PageRequest.of(0, 101, CURSOR, 100)).isInstanceOf(BadPageProblem.class);
        assertThatThrownBy(() -> PageRequest.of(1, 20, CURSOR, 100)).isInstanceOf(BadPageProblem.class)
                .satisfies(e -> assertThat(((BadPageProblem) e).getBody().getDetail()).contains("cursor and page"));
        assertThatThrownBy(() -> PageRequest.of(0, 20, "garbage!", 100)).isInstanceOf(BadPageProblem.class)
                .satisfies(e -> assertThat(((BadPageProblem) e).getBody().getDetail()).contains("not a nextCursor"));
    }

    @Test
    void aFullPageCarriesTheCursorOfItsLastItemAndTheLastPageNone() {
        PageRequest request = PageRequest.of(0, 2, null, 100);
        ListPage<String> full = ListPage.of(List.of("a", "b", "c"), request, s -> new PageCursor(Instant.EPOCH, s));
        assertThat(full.items()).containsExactly("a", "b");
        assertThat(full.hasMore()).isTrue();
        assertThat(PageCursor.decode(full.nextCursor())).contains(new PageCursor(Instant.EPOCH, "b"));
        ListPage<String> last = ListPage.of(List.of("c"), request, s -> new PageCursor(Instant.EPOCH, s));
        assertThat(last.hasMore()).isFalse();
        assertThat(last.nextCursor()).isNull();
    }
}
