package io.vodflow.processor.project;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.contract.testing.FixtureFiles;
import io.vodflow.processor.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BatchProjectorTest {
    private final SourceContextCodec codec = SourceContextCodec.derivedFrom("batch-projector-test-secret-0123456789abc");
    private final BatchProjector projector = new BatchProjector(new AttributionPolicy(codec),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final VodEventParser parser = new VodEventParser();

    private BatchProjector.Input input(String fixture, String context) {
        byte[] body = Fixtures.body(fixture, FixtureFiles.FILE_ID, FixtureFiles.TASK_ID, context);
        return new BatchProjector.Input(parser.parse(body), fixture, 0, body);
    }

    @Test
    void anyOrderOfABatchFoldsIntoTheSameRows() {
        SignatureRecord s = new SignatureRecord(UUID.randomUUID(), "u-7", "ISSUED", true, null);
        String ctx = codec.issue(s.id());
        List<BatchProjector.Input> inOrder = List.of(input("v3-new-file-upload.json", ctx),
                input("v3-procedure-change-processing.json", null), input("v3-procedure-finish.json", null));
        List<BatchProjector.Input> reversed = List.of(inOrder.get(2), inOrder.get(1), inOrder.get(0), inOrder.get(1));
        ProjectionPlan a = projector.plan(inOrder, Map.of(s.id(), s));
        ProjectionPlan b = projector.plan(reversed, Map.of(s.id(), s));
        assertThat(b.media()).isEqualTo(a.media());
        assertThat(b.tasks()).isEqualTo(a.tasks());
        assertThat(b.results()).isEqualTo(a.results());

        MediaRow media = a.media().get(0);
        assertThat(media.attribution()).isEqualTo(Attribution.LINKED);
        assertThat(media.userId()).isEqualTo("u-7");
        assertThat(media.status()).isEqualTo(StatusRanks.MEDIA_READY);
        assertThat(media.snapshotCoverUrl()).endsWith("coverBySnapshot_10_0.jpg");
        assertThat(a.tasks()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("FINISH");
            assertThat(t.progress()).isEqualTo(100);
        });
        assertThat(a.renditionsOf(media.taskId())).singleElement()
                .satisfies(r -> assertThat(r.url()).endsWith("v.f100030.mp4"));
        assertThat(a.signatureUses()).containsExactly(new SignatureUse(s.id(), media.fileId()));
        assertThat(a.linked()).hasSize(1);
    }

    @Test
    void aSecondUploadEventForAFileTheBatchAttributedClaimsNoSignature() {
        SignatureRecord first = new SignatureRecord(UUID.randomUUID(), "u-first", "ISSUED", true, null);
        SignatureRecord other = new SignatureRecord(UUID.randomUUID(), "u-other", "ISSUED", true, null);
        String otherFile = "5285890700000000777";
        List<BatchProjector.Input> batch = List.of(
                input("v3-new-file-upload.json", codec.issue(first.id())),
                // a stray event naming the same file with another user's one-time signature, then that user's own upload
                input("v3-new-file-upload.json", codec.issue(other.id())),
                upload(otherFile, codec.issue(other.id())));
        ProjectionPlan plan = projector.plan(batch, Map.of(first.id(), first, other.id(), other));

        assertThat(plan.media()).extracting(MediaRow::fileId, MediaRow::userId, MediaRow::attribution).containsExactlyInAnyOrder(
                tuple(FixtureFiles.FILE_ID, "u-first", Attribution.LINKED),
                tuple(otherFile, "u-other", Attribution.LINKED));
        assertThat(plan.conflicts()).as("the other user's upload is not a conflict").isEmpty();
        assertThat(plan.signatureUses()).containsExactlyInAnyOrder(new SignatureUse(first.id(), FixtureFiles.FILE_ID),
                new SignatureUse(other.id(), otherFile));
        assertThat(plan.linked()).extracting(LinkedUpload::fileId).containsExactlyInAnyOrder(FixtureFiles.FILE_ID, otherFile);
    }

    @Test
    void anUploadEventForAFileAnEarlierBatchAttributedClaimsNoSignature() {
        SignatureRecord other = new SignatureRecord(UUID.randomUUID(), "u-other", "ISSUED", true, null);
        String otherFile = "5285890700000000778";
        List<BatchProjector.Input> batch = List.of(input("v3-new-file-upload.json", codec.issue(other.id())),
                upload(otherFile, codec.issue(other.id())));
        ProjectionPlan plan = projector.plan(batch, Map.of(other.id(), other), Set.of(FixtureFiles.FILE_ID));

        assertThat(plan.media()).filteredOn(m -> m.fileId().equals(FixtureFiles.FILE_ID)).singleElement()
                .satisfies(m -> assertThat(m.attribution()).as("left to the stored row").isEqualTo(Attribution.PENDING));
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.signatureUses()).containsExactly(new SignatureUse(other.id(), otherFile));
        assertThat(plan.linked()).extracting(LinkedUpload::fileId).containsExactly(otherFile);
    }

    private BatchProjector.Input upload(String fileId, String context) {
        byte[] body = Fixtures.body("v3-new-file-upload.json", fileId, FixtureFiles.TASK_ID + "-" + fileId, context);
        return new BatchProjector.Input(parser.parse(body), "nfu-" + fileId, 0, body);
    }

    @Test
    void wholeDeletesAndUnknownTypesArePlanned() {
        ProjectionPlan plan = projector.plan(List.of(raw("""
                {"EventType":"FileDeleted","FileDeleteEvent":{"FileIdSet":["%s"],
                 "FileDeleteResultInfo":[{"FileId":"%s","DeleteParts":[]}]}}""".formatted(FixtureFiles.FILE_ID, FixtureFiles.FILE_ID)),
                input("v3-unknown-event-type.json", null)), Map.of());
        assertThat(plan.deletedFileIds()).containsExactly(FixtureFiles.FILE_ID);
        assertThat(plan.partDeletions()).isEmpty();
        assertThat(plan.media()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(StatusRanks.MEDIA_DELETED);
            assertThat(m.deletedAt()).isNotNull();
        });
        assertThat(plan.unknowns()).singleElement().satisfies(u -> {
            assertThat(u.eventType()).isEqualTo("SomeFutureEvent");
            assertThat(u.rawBody()).contains("Nested");
        });
    }

    private static final String PARTS_DELETED = """
            {"EventType":"FileDeleted","FileDeleteEvent":{"FileIdSet":["f-1"],"FileDeleteResultInfo":[{"FileId":"f-1",
             "DeleteParts":[{"Type":"TranscodeFiles","Definition":100030},{"Type":"OriginalFiles","Definition":0}]}]}}""";

    @Test
    void byDefaultADeletionOfPartsDeletesTheMediaAndStillRecordsTheParts() {
        ProjectionPlan plan = projector.plan(List.of(raw(PARTS_DELETED, "d-1", 1_000)), Map.of());

        assertThat(plan.deletedFileIds()).containsExactly("f-1");
        assertThat(plan.media()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(StatusRanks.MEDIA_DELETED);
            assertThat(m.deletedAt()).isNotNull();
        });
        assertThat(plan.partDeletions()).hasSize(2);
        assertThat(plan.partsDeleted()).isEmpty();
    }

    @Test
    void keepingMediaADeletionOfPartsKeepsItAndRecordsEachPartOnceWithTheLatestTime() {
        BatchProjector keeping = new BatchProjector(new AttributionPolicy(codec),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), PartialDeletePolicy.KEEP_MEDIA);
        String body = PARTS_DELETED;
        ProjectionPlan plan = keeping.plan(List.of(raw(body, "d-1", 1_000), raw(body, "d-2", 5_000), raw(body, "d-3", 3_000)), Map.of());

        assertThat(plan.deletedFileIds()).isEmpty();
        assertThat(plan.media()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(StatusRanks.MEDIA_UPLOADED);
            assertThat(m.deletedAt()).isNull();
        });
        assertThat(plan.partDeletions()).containsExactly(
                new PartDeletionRow("f-1", "OriginalFiles", 0, Instant.ofEpochMilli(5_000)),
                new PartDeletionRow("f-1", "TranscodeFiles", 100030, Instant.ofEpochMilli(5_000)));
        assertThat(plan.partsDeleted()).extracting(PartsDeleted::dedupeId).containsExactly("d-1", "d-2", "d-3");
    }

    @Test
    void aTaskKeepsTheSubApplicationItsCallbacksCameFor() {
        byte[] upload = Fixtures.body("v3-new-file-upload.json", "f-9", "t-9", null);
        byte[] finish = Fixtures.body("v3-procedure-finish.json", "f-9", "t-9", null);
        ProjectionPlan plan = projector.plan(List.of(
                new BatchProjector.Input(parser.parse(upload), "u", 0, upload, null),
                new BatchProjector.Input(parser.parse(finish), "f", 0, finish, 1_500_000_001L)), Map.of());

        assertThat(plan.tasks()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("FINISH");
            assertThat(t.subAppId()).isEqualTo(1_500_000_001L);
        });
    }

    private BatchProjector.Input raw(String json) {
        return raw(json, "raw", 0);
    }

    private BatchProjector.Input raw(String json, String dedupeId, long receivedAt) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new BatchProjector.Input(parser.parse(body), dedupeId, receivedAt, body);
    }
}
