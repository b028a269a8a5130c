package io.vodflow.cli.backfill;

import io.vodflow.cli.CliFailure;
import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.cli.support.LocalHttpServer;
import io.vodflow.emulator.MutableClock;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** backfill --from/--to: SearchMedia by creation time on the emulator, across VOD's 5000-result window. */
class BackfillTimeRangeTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final EmulatedVod vod = new EmulatedVod(ApiServerSettings.defaults(), clock);
    private final LocalHttpServer ingress = new LocalHttpServer().answerOthers(200, "{}");

    @AfterEach
    void stop() {
        ingress.close();
        vod.close();
    }

    @Test
    void timeRangeSelectsMediaCreatedInsideItAndFileIdsAddToIt() {
        UploadedMedia first = vod.upload("a", "ctx-a", false);
        clock.advance(Duration.ofHours(1));
        UploadedMedia second = vod.upload("b", "ctx-b", false);
        clock.advance(Duration.ofHours(1));
        UploadedMedia outside = vod.upload("c", "ctx-c", false);

        CliRun run = CliRun.of(vod.env(), "backfill", "--ingress-url", ingress.url(), "--from", T0.toString(),
                "--to", T0.plus(Duration.ofHours(2)).toString(), "--file-id", first.fileId(), "--file-id", outside.fileId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("SearchMedia: 2 media created in [2026-11-20T10:00:00Z, 2026-11-20T12:00:00Z)");
        assertThat(run.out()).contains("Backfill: 3 of 3 media, 3 callbacks posted.");
        assertThat(ingress.received()).extracting(r -> r.body().replaceAll(".*\"FileId\":\"(\\d+)\".*", "$1"))
                .containsExactly(first.fileId(), outside.fileId(), second.fileId());
    }

    @Test
    void emptyRangeIsNothingToDo() {
        CliRun run = CliRun.of(vod.env(), "backfill", "--ingress-url", ingress.url(), "--from", "2020-01-01T00:00:00Z",
                "--to", "2020-01-02T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Nothing to backfill");
        assertThat(ingress.received()).isEmpty();
    }

    @Test
    void searchRestartsAtTheLastCreateTimeWhenAWindowIsExhausted() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expected.add(vod.upload("m" + i, "ctx", false).fileId());
            if (i % 2 == 1) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        MediaSearcher searcher = new MediaSearcher(new VodApiClient(vod.connection()), 0, 100, 2, 4);

        List<String> found = searcher.fileIds(T0, T0.plus(Duration.ofHours(1)));

        assertThat(found).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void moreMediaInOneSecondThanAWindowHoldsIsAClearError() {
        for (int i = 0; i < 5; i++) {
            vod.upload("same-second-" + i, "ctx", false);
        }
        MediaSearcher searcher = new MediaSearcher(new VodApiClient(vod.connection()), 0, 100, 2, 4);

        assertThatThrownBy(() -> searcher.fileIds(T0, T0.plusSeconds(60))).isInstanceOf(CliFailure.class)
                .hasMessageContaining("more than 4 media were created at 2026-11-20T10:00:00Z");
    }
}
