package io.vodflow.cli.backfill;

import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.cli.support.LocalHttpServer;
import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.contract.event.ProcedureStateChanged;
import io.vodflow.contract.event.TaskStatus;
import io.vodflow.contract.event.VodEvent;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** backfill --processor-url: the synthetic callbacks carry the TaskId the processor's media row already follows. */
class BackfillTaskIdTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.admin-token-for-test.c2lnbmF0dXJl";

    private final EmulatedVod vod = new EmulatedVod();
    private final LocalHttpServer ingress = new LocalHttpServer().answerOthers(200, "{\"status\":\"accepted\"}");
    private final LocalHttpServer processor = new LocalHttpServer().answerOthers(404, "{\"title\":\"Not Found\"}");
    private final UploadedMedia transcoded = vod.upload("clip-a", "ctx-a", true);

    @AfterEach
    void stop() {
        ingress.close();
        processor.close();
        vod.close();
    }

    @Test
    void fileKnownToTheProcessorIsFinishedUnderItsRealTaskId() {
        vod.emulator().story(transcoded);
        processor.answer("/v1/media/" + transcoded.fileId(), 200,
                "{\"fileId\":\"" + transcoded.fileId() + "\",\"taskId\":\"1400-procedurev2-real\",\"taskStatus\":\"WAITING\"}");

        CliRun run = backfill(Map.of("VODFLOW_ADMIN_JWT", JWT), "--processor-url", processor.url(), "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<VodEvent> events = posted();
        assertThat(((NewFileUpload) events.get(0)).procedureTaskId()).isEqualTo("1400-procedurev2-real");
        ProcedureStateChanged finish = (ProcedureStateChanged) events.get(1);
        assertThat(finish.taskId()).isEqualTo("1400-procedurev2-real");
        assertThat(finish.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(processor.received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + JWT));
        assertThat(run.err()).contains(transcoded.fileId() + ": TaskId 1400-procedurev2-real from the processor");
        assertThat(run.out() + run.err()).doesNotContain(JWT);
    }

    @Test
    void fileUnknownToTheProcessorFallsBackToTheSyntheticTaskIdAndSaysSo() {
        vod.emulator().story(transcoded);

        CliRun run = backfill(Map.of("VODFLOW_ADMIN_JWT", JWT), "--processor-url", processor.url(), "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(((ProcedureStateChanged) posted().get(1)).taskId()).isEqualTo("vodflow-backfill-" + transcoded.fileId());
        assertThat(run.err()).contains(transcoded.fileId() + ": processor does not know it (or it follows no task); synthetic TaskId");
    }

    @Test
    void withoutProcessorUrlTheTaskIdIsSyntheticAndTheOutputSaysSo() {
        vod.emulator().story(transcoded);

        CliRun run = backfill(Map.of(), "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(((ProcedureStateChanged) posted().get(1)).taskId()).isEqualTo("vodflow-backfill-" + transcoded.fileId());
        assertThat(run.err()).contains("TaskIds: synthetic (vodflow-backfill-<FileId>)");
        assertThat(processor.received()).isEmpty();
    }

    @Test
    void adminJwtOptionIsUsedWhenTheEnvironmentHasNone() {
        processor.answer("/v1/media/" + transcoded.fileId(), 200, "{\"taskId\":\"real-2\"}");

        CliRun run = backfill(Map.of(), "--processor-url", processor.url(), "--admin-jwt", JWT, "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(processor.received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + JWT));
        assertThat(((NewFileUpload) posted().get(0)).procedureTaskId()).isEqualTo("real-2");
    }

    @Test
    void processorUrlWithoutAnAdminJwtIsAClearErrorBeforeAnythingIsPosted() {
        CliRun run = backfill(Map.of(), "--processor-url", processor.url(), "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--processor-url needs an admin JWT: set VODFLOW_ADMIN_JWT (or --admin-jwt)");
        assertThat(ingress.received()).isEmpty();
    }

    @Test
    void processorRefusingTheJwtStopsTheRunWithoutPrintingIt() {
        processor.answerOthers(401, "{\"title\":\"Unauthorized\"}");

        CliRun run = backfill(Map.of("VODFLOW_ADMIN_JWT", JWT), "--processor-url", processor.url(), "--file-id", transcoded.fileId());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the processor refused the admin JWT (401)");
        assertThat(run.out() + run.err()).doesNotContain(JWT);
        assertThat(ingress.received()).isEmpty();
    }

    @Test
    void processorFailingForOneFileFailsThatFileOnlyAndPostsNothingForIt() {
        UploadedMedia other = vod.upload("clip-b", "ctx-b", false);
        processor.answer("/v1/media/" + transcoded.fileId(), 500, "{\"title\":\"Internal Server Error\"}");

        CliRun run = backfill(Map.of("VODFLOW_ADMIN_JWT", JWT), "--processor-url", processor.url(),
                "--file-id", transcoded.fileId() + "," + other.fileId());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Failed (rerun is safe): " + transcoded.fileId() + " (processor answered HTTP 500)");
        assertThat(posted()).singleElement().satisfies(e -> assertThat(((NewFileUpload) e).fileId()).isEqualTo(other.fileId()));
    }

    private CliRun backfill(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = vod.env();
        env.putAll(extraEnv);
        List<String> all = new ArrayList<>(List.of("backfill", "--ingress-url", ingress.url()));
        Collections.addAll(all, args);
        return CliRun.of(env, all.toArray(String[]::new));
    }

    private List<VodEvent> posted() {
        return ingress.received().stream().map(r -> new VodEventParser().parse(r.body().getBytes(UTF_8))).toList();
    }
}
