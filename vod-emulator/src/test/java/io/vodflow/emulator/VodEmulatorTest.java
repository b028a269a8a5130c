package io.vodflow.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.TencentSdkClient;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole reliable-mode path of one upload: signature, upload, story, PullEvents, DescribeTaskDetail. */
class VodEmulatorTest {

    @Test
    void uploadStoryIsPulledInOrderAndItsTaskIsDescribedAsFinished() throws Exception {
        try (VodEmulator vod = new VodEmulator(EmulatorSettings.of(SECRET_ID, SECRET_KEY))) {
            long now = System.currentTimeMillis() / 1000;
            UploadResult.Accepted accepted = (UploadResult.Accepted) vod.upload(
                    TestSignatures.sign(TestSignatures.oneTimeWithProcedure(now, 77)), UploadRequest.of("clip"));
            VodApiServer api = vod.startApiServer(ApiServerSettings.defaults().withPullWait(Duration.ofMillis(200)));
            TencentSdkClient sdk = new TencentSdkClient(api.endpoint(), SECRET_ID, SECRET_KEY);

            UploadStory story = vod.story(accepted.media());
            story.inOrder().forEach(api::enqueue);
            JsonNode pulled = sdk.pullEvents().path("EventSet");
            JsonNode detail = sdk.call("DescribeTaskDetail",
                    "{\"TaskId\":\"" + accepted.procedureTaskId() + "\"}");

            assertThat(pulled).extracting(e -> e.path("EventType").asText())
                    .containsExactly("NewFileUpload", "ProcedureStateChanged", "ProcedureStateChanged");
            assertThat(pulled.get(0).path("FileUploadEvent").path("FileId").asText()).isEqualTo(accepted.fileId());
            assertThat(detail.path("TaskType").asText()).isEqualTo("Procedure");
            assertThat(detail.path("Status").asText()).isEqualTo("FINISH");
            assertThat(detail.path("ProcedureTask").path("TaskId").asText()).isEqualTo(accepted.procedureTaskId());
            assertThat(detail.path("ProcedureTask").path("SessionContext").asText()).isEqualTo("session-77");
        }
    }

    @Test
    void settingsNeverPrintSecrets() {
        EmulatorSettings settings = EmulatorSettings.of(SECRET_ID, SECRET_KEY).withCallbackSignKey("VodCbKey2024abc");

        assertThat(settings.toString()).contains(SECRET_ID).doesNotContain(SECRET_KEY).doesNotContain("VodCbKey2024abc");
    }
}
