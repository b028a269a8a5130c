package io.vodflow.processor.query;

import io.vodflow.contract.event.DeletedPart;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which renditions a media's partial deletions removed: a TranscodeFiles deletion of the rendition's template (or of
 * all, definition 0) that came after the rendition finished. A rendition finished later (a new transcode) stays.
 */
final class RemovedRenditions {

    private RemovedRenditions() { }

    /** A stored rendition and when it was finished (its FinishTime, else when its row was last written). */
    record Finished(MediaView.RenditionView rendition, OffsetDateTime finishedAt) { }

    /** The renditions no deletion removed, in their order. */
    static List<MediaView.RenditionView> remaining(List<Finished> renditions, List<MediaView.DeletedPartView> deletions) {
        return renditions.stream().filter(r -> deletions.stream().noneMatch(d -> removes(d, r))).map(Finished::rendition).toList();
    }

    private static boolean removes(MediaView.DeletedPartView d, Finished r) {
        return new DeletedPart(d.type(), d.definition()).removesRendition(r.rendition().definition())
                && (r.finishedAt() == null || !d.deletedAt().isBefore(r.finishedAt()));
    }
}
