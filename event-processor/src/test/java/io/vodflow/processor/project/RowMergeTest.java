package io.vodflow.processor.project;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RowMergeTest {

    private static TaskRow task(String status, int rank, int progress) {
        return task(status, rank, progress, null);
    }

    private static TaskRow task(String status, int rank, int progress, Long subAppId) {
        return new TaskRow("t", "f", status, rank, progress, 0, status, null, null, "Change", null, subAppId);
    }

    private static ResultRow result(String status, int rank, int progress, String url) {
        return new ResultRow("t", "Transcode", 100030, status, rank, progress, null, null, null, url, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void taskStatusNeverMovesBackAndFinishIsTerminal() {
        TaskRow finish = task("FINISH", 3, 100);
        assertThat(finish.merge(task("PROCESSING", 2, 40))).isEqualTo(finish);
        assertThat(task("PROCESSING", 2, 40).merge(finish).status()).isEqualTo("FINISH");
        assertThat(finish.advancedBy(task("FINISH", 3, 100))).isFalse();
    }

    @Test
    void theFirstSubApplicationSaidStays() {
        assertThat(task("WAITING", 1, 0).merge(task("PROCESSING", 2, 10, 1500000001L)).subAppId()).isEqualTo(1500000001L);
        assertThat(task("WAITING", 1, 0, 1500000001L).merge(task("FINISH", 3, 100, 1500000002L)).subAppId())
                .isEqualTo(1500000001L);
    }

    @Test
    void changeModeProgressOnlyMovesForward() {
        TaskRow at80 = task("PROCESSING", 2, 80);
        assertThat(at80.merge(task("PROCESSING", 2, 40))).isEqualTo(at80);
        assertThat(task("PROCESSING", 2, 40).merge(at80).progress()).isEqualTo(80);
        assertThat(task("WAITING", 1, 0).merge(task("PROCESSING", 2, 10)).status()).isEqualTo("PROCESSING");
    }

    @Test
    void terminalSubtaskResultsNeverChangeAndKeepTheirOutput() {
        ResultRow success = result("SUCCESS", 3, 100, "http://x/v.mp4");
        assertThat(success.merge(result("PROCESSING", 2, 40, null))).isEqualTo(success);
        ResultRow merged = result("PROCESSING", 2, 40, null).merge(success);
        assertThat(merged.status()).isEqualTo("SUCCESS");
        assertThat(merged.url()).isEqualTo("http://x/v.mp4");
    }

    @Test
    void aLaterSuccessfulFlowRepairsAFailedMediaButAFailedRerunNeverUndoesReady() {
        MediaRow failed = MediaRow.statusOnly("f", StatusRanks.MEDIA_FAILED);
        MediaRow ready = MediaRow.statusOnly("f", StatusRanks.MEDIA_READY);
        assertThat(failed.merge(ready).status()).isEqualTo(StatusRanks.MEDIA_READY);
        assertThat(ready.merge(failed).status()).isEqualTo(StatusRanks.MEDIA_READY);
        assertThat(failed.merge(MediaRow.statusOnly("f", StatusRanks.MEDIA_PROCESSING)).status()).isEqualTo(StatusRanks.MEDIA_FAILED);
        assertThat(ready.merge(MediaRow.statusOnly("f", StatusRanks.MEDIA_DELETED)).status()).isEqualTo(StatusRanks.MEDIA_DELETED);
    }

    @Test
    void attributionIsDecidedOnceAndStatusKeepsTheHighestRank() {
        MediaRow fromTask = MediaRow.statusOnly("f", StatusRanks.MEDIA_READY);
        UUID sig = UUID.randomUUID();
        MediaRow upload = new MediaRow("f", "u", sig, Attribution.LINKED, null, "clip", "Video", "http://m", null, null,
                1L, 2.0, 3, 4, 5L, "mp4", "t", StatusRanks.MEDIA_UPLOADED, 1, Instant.EPOCH, null);
        MediaRow merged = fromTask.merge(upload);
        assertThat(merged.attribution()).isEqualTo(Attribution.LINKED);
        assertThat(merged.userId()).isEqualTo("u");
        assertThat(merged.status()).isEqualTo(StatusRanks.MEDIA_READY);
        assertThat(upload.merge(fromTask)).isEqualTo(merged);

        MediaRow conflict = new MediaRow("f", null, sig, Attribution.CONFLICT, "used", null, null, null, null, null,
                null, null, null, null, null, null, null, StatusRanks.MEDIA_UPLOADED, 1, null, null);
        assertThat(merged.merge(conflict).attribution()).isEqualTo(Attribution.LINKED);
        assertThat(merged.merge(MediaRow.statusOnly("f", StatusRanks.MEDIA_DELETED)).status()).isEqualTo(StatusRanks.MEDIA_DELETED);
    }
}
