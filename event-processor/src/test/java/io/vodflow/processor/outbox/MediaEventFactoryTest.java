package io.vodflow.processor.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.DeletedPart;
import io.vodflow.processor.project.Attribution;
import io.vodflow.processor.project.LinkedUpload;
import io.vodflow.processor.project.MediaRow;
import io.vodflow.processor.project.PartsDeleted;
import io.vodflow.processor.project.ProjectionPlan;
import io.vodflow.processor.project.ResultRow;
import io.vodflow.processor.store.MediaUpsert;
import io.vodflow.processor.store.OutboxRepository;
import io.vodflow.processor.store.TaskUpsert;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MediaEventFactoryTest {
    private final MediaEventFactory factory = new MediaEventFactory(new ObjectMapper().findAndRegisterModules(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final UUID signature = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private ProjectionPlan plan() {
        ResultRow rendition = new ResultRow("t", "Transcode", 100030, "SUCCESS", 3, 100, 0, null, null, "http://x/v.mp4",
                1280, 720, 2_896_000L, 1L, 60.0, "mp4", null, null, null, null, null, null, null, null, null);
        MediaRow media = MediaRow.statusOnly("f", "READY");
        return new ProjectionPlan(List.of(media), List.of(), List.of(rendition), List.of(), List.of(), List.of(),
                List.of(new LinkedUpload("f", "u", signature, "t")), List.of(), List.of(), List.of());
    }

    @Test
    void onlyTasksTheUpsertMovedEmitEventsAndIdsAreStableAcrossRuns() {
        Map<String, MediaUpsert.Stored> stored = Map.of("f",
                new MediaUpsert.Stored("f", "u", Attribution.LINKED.name(), signature.toString(), "READY", "t", true));
        List<OutboxRepository.Entry> first = factory.events(plan(), stored, List.of(new TaskUpsert.Changed("t", "f", "FINISH", 3, 100)));
        List<OutboxRepository.Entry> again = factory.events(plan(), stored, List.of(new TaskUpsert.Changed("t", "f", "FINISH", 3, 100)));
        assertThat(first).extracting(OutboxRepository.Entry::eventType).containsExactly("UploadLinked", "TranscodeFinished");
        assertThat(again).extracting(OutboxRepository.Entry::eventId).isEqualTo(first.stream().map(OutboxRepository.Entry::eventId).toList());
        assertThat(first.get(1).payload()).contains("\"userId\":\"u\"", "http://x/v.mp4", "\"definition\":100030");

        assertThat(factory.events(plan(), stored, List.of())).extracting(OutboxRepository.Entry::eventType).containsExactly("UploadLinked");
    }

    @Test
    void anUploadLinkedAfterItsTranscodeEndedCarriesTheRenditionsOfThisBatchOrOfEarlierOnes() {
        Map<String, MediaUpsert.Stored> stored = Map.of("f",
                new MediaUpsert.Stored("f", "u", Attribution.LINKED.name(), signature.toString(), "READY", "t", true));
        assertThat(factory.finishedBeforeLink(plan(), stored)).as("this batch holds the renditions").isEmpty();
        assertThat(factory.events(plan(), stored, List.of()).get(0).payload()).contains("\"renditions\":[{\"definition\":100030");

        ProjectionPlan linkOnly = new ProjectionPlan(List.of(MediaRow.statusOnly("f", "UPLOADED")), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(new LinkedUpload("f", "u", signature, "t")), List.of(), List.of(), List.of());
        assertThat(factory.finishedBeforeLink(linkOnly, stored)).containsExactly("f");
        FinishedBeforeLink.Details earlier = new FinishedBeforeLink.Details(List.of(new MediaEvent.Rendition(100040,
                "http://x/v.f100040.mp4", 1920, 1080, 5_000_000L, 2L, 60.0, "SUCCESS")), "http://x/cover.jpg");
        assertThat(factory.events(linkOnly, stored, List.of(), Map.of("f", earlier))).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"definition\":100040", "\"coverUrl\":\"http://x/cover.jpg\""));

        Map<String, MediaUpsert.Stored> uploading = Map.of("f",
                new MediaUpsert.Stored("f", "u", Attribution.LINKED.name(), signature.toString(), "UPLOADED", "t", true));
        assertThat(factory.finishedBeforeLink(linkOnly, uploading)).as("not finished: nothing to carry").isEmpty();
        assertThat(factory.events(linkOnly, uploading, List.of()).get(0).payload()).doesNotContain("renditions");
    }

    @Test
    void uploadLinkedIsNotEmittedWhenTheStoredRowKeptAnEarlierAttribution() {
        Map<String, MediaUpsert.Stored> stored = Map.of("f",
                new MediaUpsert.Stored("f", null, Attribution.CONFLICT.name(), signature.toString(), "UPLOADED", "t", true));
        assertThat(factory.events(plan(), stored, List.of())).isEmpty();
    }

    @Test
    void uploadLinkedIsNotEmittedAgainWhenTheRowWasLinkedByAnEarlierTransaction() {
        Map<String, MediaUpsert.Stored> stored = Map.of("f",
                new MediaUpsert.Stored("f", "u", Attribution.LINKED.name(), signature.toString(), "READY", "t", false));
        assertThat(factory.events(plan(), stored, List.of())).isEmpty();
        assertThat(factory.events(plan(), stored, List.of(new TaskUpsert.Changed("t", "f", "FINISH", 3, 100))))
                .extracting(OutboxRepository.Entry::eventType).containsExactly("TranscodeFinished");
    }

    @Test
    void aPartialDeletionEmitsMediaPartsDeletedWithTheStoredStatusAndOneIdPerDeletingCallback() {
        Map<String, MediaUpsert.Stored> stored = Map.of("f",
                new MediaUpsert.Stored("f", "u", Attribution.LINKED.name(), signature.toString(), "READY", "t", false));
        List<DeletedPart> parts = List.of(new DeletedPart(DeletedPart.TRANSCODE_FILES, 0));
        Instant at = Instant.parse("2026-12-08T02:00:00Z");
        ProjectionPlan first = partial(new PartsDeleted("f", "dedupe-1", at, parts));
        ProjectionPlan later = partial(new PartsDeleted("f", "dedupe-2", at.plusSeconds(60), parts));
        // the same body deleting the same parts again after the redelivery window: same dedupe id, later receive time
        ProjectionPlan again = partial(new PartsDeleted("f", "dedupe-1", at.plusSeconds(3600), parts));

        List<OutboxRepository.Entry> events = factory.events(first, stored, List.of());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(MediaEvent.MEDIA_PARTS_DELETED);
            assertThat(e.payload()).contains("\"status\":\"READY\"", "\"userId\":\"u\"",
                    "\"deletedParts\":[{\"type\":\"TranscodeFiles\",\"definition\":0}]");
        });
        assertThat(factory.events(first, stored, List.of()).get(0).eventId()).isEqualTo(events.get(0).eventId());
        assertThat(factory.events(later, stored, List.of()).get(0).eventId()).isNotEqualTo(events.get(0).eventId());
        assertThat(factory.events(again, stored, List.of()).get(0).eventId()).isNotEqualTo(events.get(0).eventId());
    }

    private static ProjectionPlan partial(PartsDeleted deletion) {
        return new ProjectionPlan(List.of(MediaRow.statusOnly("f", "UPLOADED")), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(deletion));
    }
}
