package io.vodflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.emulator.callback.CallbackPusher;
import io.vodflow.emulator.callback.CallbackFactory;
import io.vodflow.emulator.callback.Rendition;
import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.localstack.demo.VodflowClient;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6: the FINISH callback of an upload is lost (only NewFileUpload reached the ingress), and an operator repairs
 * it by running the real vod-cli jar's {@code backfill} against the emulated VOD API and the real service jars.
 */
class BackfillRepairIT {
    private static final String USER = "user-" + UUID.randomUUID();
    private static final Path CLI_JAR = Path.of("").toAbsolutePath().getParent().resolve("vod-cli/target/vod-cli-0.1.0-SNAPSHOT.jar");
    private static final String ADMIN_JWT = DevJwt.mint(E2eStack.DEV.jwtSecret(), "backfill-operator", List.of("admin"),
            Duration.ofHours(1));
    private static E2eStack stack;
    private static VodApiServer vodApi;

    @BeforeAll
    static void startServices() throws Exception {
        stack = E2eStack.start("backfill");
        vodApi = stack.vod.startApiServer(ApiServerSettings.defaults());
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void backfillFinishesTheMediasOwnTaskWhoseFinishCallbackWasLostAndARerunChangesNothing() throws Exception {
        VodflowClient client = stack.clientFor(USER);
        VodflowClient.Answer issued = client.requestSignature("{\"procedure\":\"LongVideoPreset\",\"taskNotifyMode\":\"Change\"}");
        assertThat(issued.status()).as("signer: %s", issued.body()).isEqualTo(201);
        UploadedMedia media = ((UploadResult.Accepted) stack.vod.upload(issued.body().path("signature").asText(),
                UploadRequest.of("lost-finish-clip"))).media();
        String fileId = media.fileId();
        // the emulator now counts the flow as finished; of its callbacks only NewFileUpload ever reaches the ingress
        UploadStory story = stack.vod.story(media);
        byte[] newFileUpload = story.callbacks().stream().filter(c -> c.eventType().equals("NewFileUpload"))
                .findFirst().orElseThrow().body();
        try (CallbackPusher pusher = new CallbackPusher()) {
            assertThat(pusher.push(URI.create(stack.ingressUrl() + "/v1/vod/callbacks"), newFileUpload)
                    .block(Duration.ofSeconds(10))).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode m = mediaOf(client, fileId);
            assertThat(m.path("userId").asText()).isEqualTo(USER);
            assertThat(m.path("taskId").asText()).isEqualTo(media.procedureTaskId());
            assertThat(m.path("taskStatus").asText()).isNotEqualTo("FINISH");
            assertThat(m.path("renditions")).isEmpty();
        });

        CliResult first = backfill(fileId);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains(fileId + ": TaskId " + media.procedureTaskId() + " from the processor")
                .contains("Backfill: 1 of 1 media, 2 callbacks posted.")
                .doesNotContain(ADMIN_JWT);
        AtomicReference<JsonNode> repaired = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode m = mediaOf(client, fileId);
            assertThat(m.path("taskStatus").asText()).isEqualTo("FINISH");
            repaired.set(m);
        });
        JsonNode m = repaired.get();
        assertThat(m.path("taskId").asText()).isEqualTo(media.procedureTaskId());
        assertThat(m.path("userId").asText()).isEqualTo(USER);
        List<Rendition> renditions = stack.vod.settings().renditions();
        assertThat(m.path("renditions")).hasSize(renditions.size());
        for (Rendition r : renditions) {
            assertThat(m.path("renditions").findValuesAsText("url"))
                    .anySatisfy(url -> assertThat(url).contains(fileId).endsWith("v.f" + r.definition() + ".mp4"));
        }
        assertThat(m.path("coverUrl").asText()).isEqualTo(CallbackFactory.snapshotCoverUrl(media));
        assertThat(stack.count("select count(*) from procedure_task where file_id = ?", fileId))
                .as("no synthetic task beside the real one").isEqualTo(1);

        CliResult second = backfill(fileId);

        assertThat(second.exitCode()).as(second.output()).isZero();
        JsonNode expected = withoutUpdatedAt(m);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(withoutUpdatedAt(mediaOf(client, fileId))).isEqualTo(expected));
        assertThat(stack.count("select count(*) from procedure_task where file_id = ?", fileId)).isEqualTo(1);
        assertThat(stack.count("select count(*) from task_result where task_id = ?", media.procedureTaskId()))
                .isEqualTo(renditions.size() + 1);
    }

    /** What an operator's run of the CLI printed and returned. */
    private record CliResult(int exitCode, String output) { }

    /** {@code java -jar vod-cli.jar backfill ...} with the same java, only VODFLOW_* settings from the environment. */
    private static CliResult backfill(String fileId) throws Exception {
        assertThat(CLI_JAR).as("the reactor builds vod-cli before local-stack's tests").isRegularFile();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString(), "backfill",
                "--endpoint", vodApi.baseUrl(), "--file-id", fileId, "--ingress-url", stack.ingressUrl(),
                "--processor-url", stack.fleet.url(ServiceModule.PROCESSOR)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VODFLOW_"));
        env.put("VODFLOW_VOD_SECRET_ID", E2eStack.DEV.secretId());
        env.put("VODFLOW_VOD_SECRET_KEY", E2eStack.DEV.secretKey());
        env.put("VODFLOW_CALLBACK_SIGN_KEY", E2eStack.DEV.callbackSignKey());
        env.put("VODFLOW_ADMIN_JWT", ADMIN_JWT);
        Path log = Files.createTempFile("vod-cli-backfill", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("vod-cli backfill did not end within 2 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("[vod-cli backfill] " + output);
            return new CliResult(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static JsonNode mediaOf(VodflowClient client, String fileId) throws Exception {
        VodflowClient.Answer answer = client.media(fileId);
        assertThat(answer.status()).as("GET /v1/media/%s: %s", fileId, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode withoutUpdatedAt(JsonNode media) {
        ObjectNode copy = media.deepCopy();
        copy.remove("updatedAt");
        return copy;
    }
}
