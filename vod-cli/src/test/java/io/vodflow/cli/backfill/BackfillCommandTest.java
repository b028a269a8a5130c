package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.cli.support.LocalHttpServer;
import io.vodflow.contract.callback.CallbackSignatureVerdict;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.contract.event.ProcedureStateChanged;
import io.vodflow.contract.event.ProcessOutput;
import io.vodflow.contract.event.TaskStatus;
import io.vodflow.contract.event.VodEvent;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.emulator.callback.CallbackFactory;
import io.vodflow.emulator.callback.Rendition;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.vodflow.cli.support.EmulatedVod.SIGN_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** backfill: DescribeMediaInfos on the emulator, synthetic callbacks posted to a local receiver. */
class BackfillCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EmulatedVod vod = new EmulatedVod();
    private final LocalHttpServer ingress = new LocalHttpServer().answerOthers(200, "{\"status\":\"accepted\"}");
    private final UploadedMedia transcoded = vod.upload("clip-a", "ctx-a", true);
    private final UploadedMedia plain = vod.upload("clip-b", "ctx-b", false);

    @AfterEach
    void stop() {
        ingress.close();
        vod.close();
    }

    @Test
    void eachMediaBecomesSignedCallbacksCarryingItsSourceContextAndRenditions() throws Exception {
        vod.emulator().story(transcoded);

        CliRun run = backfill(ingress, "--file-id", transcoded.fileId() + "," + plain.fileId(), "--file-id", "5285890784273533167");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("Backfill: 2 of 3 media, 3 callbacks posted.")
                .contains("Not in VOD (deleted or wrong sub-app): 5285890784273533167");
        assertThat(run.err()).contains("] 3/3 media, 3 callbacks");
        assertThat(ingress.received()).extracting(LocalHttpServer.Received::path).containsOnly("/v1/vod/callbacks");
        List<VodEvent> events = ingress.received().stream().map(r -> new VodEventParser().parse(r.body().getBytes(UTF_8))).toList();

        NewFileUpload upload = (NewFileUpload) events.get(0);
        assertThat(upload.fileId()).isEqualTo(transcoded.fileId());
        assertThat(upload.sourceContext()).isEqualTo("ctx-a");
        assertThat(upload.procedureTaskId()).isEqualTo("vodflow-backfill-" + transcoded.fileId());
        ProcedureStateChanged finish = (ProcedureStateChanged) events.get(1);
        assertThat(finish.taskId()).isEqualTo(upload.procedureTaskId());
        assertThat(finish.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(finish.mediaProcessResults()).extracting(r -> r.output() instanceof ProcessOutput.Transcode t ? t.url()
                        : ((ProcessOutput.Cover) r.output()).coverUrl())
                .containsExactly(CallbackFactory.renditionUrl(transcoded, Rendition.LD_360P),
                        CallbackFactory.renditionUrl(transcoded, Rendition.HD_720P), CallbackFactory.snapshotCoverUrl(transcoded));
        assertThat(finish.mediaProcessResults()).allSatisfy(r -> assertThat(r.status()).isEqualTo(TaskStatus.SUCCESS));
        assertThat(((NewFileUpload) events.get(2)).fileId()).isEqualTo(plain.fileId());
        assertThat(((NewFileUpload) events.get(2)).procedureTaskId()).isEmpty();
        CallbackSignatureVerifier verifier = new CallbackSignatureVerifier(SIGN_KEY);
        for (LocalHttpServer.Received received : ingress.received()) {
            JsonNode body = MAPPER.readTree(received.body());
            assertThat(verifier.verify(body.path("Sign").asText(), body.path("T").asText(), Instant.now()))
                    .isEqualTo(CallbackSignatureVerdict.VALID);
        }
    }

    @Test
    void rerunPostsTheSameBodiesWithTheSameDedupeIds() throws Exception {
        vod.emulator().story(transcoded);
        LocalHttpServer second = new LocalHttpServer().answerOthers(200, "{}");
        try {
            backfill(ingress, "--file-id", transcoded.fileId(), "--file-id", plain.fileId());
            backfill(second, "--file-id", transcoded.fileId(), "--file-id", plain.fileId());

            assertThat(unsigned(second)).isEqualTo(unsigned(ingress)).hasSize(3);
            assertThat(dedupeIds(second)).isEqualTo(dedupeIds(ingress)).doesNotHaveDuplicates();
        } finally {
            second.close();
        }
    }

    @Test
    void lostNewFileUploadOfAFileWithoutProcedureIsRebuiltExactlyAsVodSentIt() throws Exception {
        byte[] original = vod.emulator().callbacks().newFileUpload(plain);

        backfill(ingress, "--file-id", plain.fileId());

        assertThat(MAPPER.readTree(ingress.received().get(0).body()).path("FileUploadEvent"))
                .isEqualTo(MAPPER.readTree(original).path("FileUploadEvent"));
        assertThat(new CallbackRoutingReader().read(ingress.received().get(0).body().getBytes(UTF_8)).dedupeId())
                .isEqualTo(new CallbackRoutingReader().read(original).dedupeId());
    }

    @Test
    void subAppAndPathTokenGoIntoTheCallbackPath() {
        var env = vod.env();
        env.put("VODFLOW_CALLBACK_PATH_TOKEN", "tok3n");

        CliRun run = CliRun.of(env, "backfill", "--ingress-url", ingress.url(), "--sub-app-id", "7",
                "--file-id", plain.fileId());

        assertThat(ingress.received()).extracting(LocalHttpServer.Received::path).containsExactly("/v1/vod/callbacks/7/tok3n");
        assertThat(run.out() + run.err()).doesNotContain("tok3n");
    }

    @Test
    void ingressRefusingTheSignKeyStopsTheRun() {
        ingress.answerOthers(401, "{\"title\":\"Unauthorized\"}");

        CliRun run = backfill(ingress, "--file-id", transcoded.fileId(), "--file-id", plain.fileId());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the ingress refused the callback (401)");
        assertThat(ingress.received()).hasSize(1);
    }

    @Test
    void printModeWritesTheBodiesAndPostsNothing() {
        CliRun run = backfill(ingress, "--print", "--file-id", plain.fileId());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("{"))).singleElement().asString()
                .contains("\"EventType\":\"NewFileUpload\"").doesNotContain("\"Sign\"");
        assertThat(ingress.received()).isEmpty();
    }

    @Test
    void manyIdsAreFetchedTwentyAtATime() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 44).mapToObj(i -> "9" + i).toList());
        ids.add(plain.fileId());

        CliRun run = backfill(ingress, "--file-id", String.join(",", ids));

        assertThat(MediaInfoFetcher.chunks(ids)).extracting(List::size).containsExactly(20, 20, 5);
        assertThat(run.out()).contains("Backfill: 1 of 45 media, 1 callbacks posted.");
        assertThat(run.out().lines().filter(l -> l.startsWith("Not in VOD")).findFirst().orElseThrow().split(", "))
                .hasSize(44);
    }

    @Test
    void nothingToDoIsAClearError() {
        CliRun run = CliRun.of(vod.env(), "backfill");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nothing to backfill: give --file-id, --file-ids-from or --from");
    }

    private CliRun backfill(LocalHttpServer target, String... args) {
        List<String> all = new ArrayList<>(List.of("backfill", "--ingress-url", target.url()));
        Collections.addAll(all, args);
        return CliRun.of(vod.env(), all.toArray(String[]::new));
    }

    private static List<JsonNode> unsigned(LocalHttpServer server) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (LocalHttpServer.Received r : server.received()) {
            ObjectNode body = (ObjectNode) MAPPER.readTree(r.body());
            body.remove(List.of("Sign", "T"));
            bodies.add(body);
        }
        return bodies;
    }

    private static List<String> dedupeIds(LocalHttpServer server) {
        return server.received().stream()
                .map(r -> new CallbackRoutingReader().read(r.body().getBytes(UTF_8)).dedupeId()).toList();
    }
}
