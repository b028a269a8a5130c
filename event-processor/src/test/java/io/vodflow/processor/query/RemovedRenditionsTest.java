package io.vodflow.processor.query;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemovedRenditionsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private static RemovedRenditions.Finished rendition(int definition, OffsetDateTime finishedAt) {
        return new RemovedRenditions.Finished(new MediaView.RenditionView(definition, "u" + definition, null, null, null,
                null, null), finishedAt);
    }

    private static List<Integer> remaining(List<MediaView.DeletedPartView> deletions) {
        return RemovedRenditions.remaining(List.of(rendition(100010, T0), rendition(100030, T0), rendition(100040, T0.plusHours(2))),
                deletions).stream().map(MediaView.RenditionView::definition).toList();
    }

    @Test
    void aTemplateDeletionRemovesOnlyThatTemplatesEarlierRendition() {
        assertThat(remaining(List.of(new MediaView.DeletedPartView("TranscodeFiles", 100030, T0.plusHours(1)))))
                .containsExactly(100010, 100040);
    }

    @Test
    void definitionZeroRemovesEveryRenditionFinishedBeforeIt() {
        assertThat(remaining(List.of(new MediaView.DeletedPartView("TranscodeFiles", 0, T0.plusHours(1)))))
                .containsExactly(100040);
        assertThat(remaining(List.of(new MediaView.DeletedPartView("TranscodeFiles", 0, T0.plusHours(3))))).isEmpty();
    }

    @Test
    void otherPartTypesAndEarlierDeletionsRemoveNothing() {
        assertThat(remaining(List.of(new MediaView.DeletedPartView("OriginalFiles", 0, T0.plusHours(3)),
                new MediaView.DeletedPartView("WechatPublishFiles", 0, T0.plusHours(3)),
                new MediaView.DeletedPartView("TranscodeFiles", 0, T0.minusHours(1)))))
                .containsExactly(100010, 100030, 100040);
    }
}
