package io.vodflow.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.callback.CallbackSignatureVerdict;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.emulator.api.EventConfig;
import io.vodflow.emulator.callback.StoryCallback;
import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The callbacks an upload causes depend on the sub-app's event configuration, as in VOD. */
class NotifiedStoryTest {

    private final VodEmulator vod = new VodEmulator(EmulatorSettings.of(SECRET_ID, SECRET_KEY));
    private final UploadedMedia media = ((UploadResult.Accepted) vod.upload(TestSignatures.sign(
            TestSignatures.oneTimeWithProcedure(Instant.now().getEpochSecond(), 5)), UploadRequest.of("clip"))).media();

    @Test
    void newFileUploadSwitchOffByDefaultMeansNoNewFileUpload() {
        UploadStory story = vod.notifiedStory(media, 0);

        assertThat(story.callbacks()).extracting(StoryCallback::eventType).doesNotContain("NewFileUpload")
                .contains("ProcedureStateChanged");
    }

    @Test
    void configuredSignKeySignsEveryCallback() throws Exception {
        vod.eventConfigs().set(9, new EventConfig("PUSH", "https://cb.example/v1/vod/callbacks", "ON", "ON", "OFF", "Key9abc"));

        UploadStory story = vod.notifiedStory(media, 9);

        assertThat(story.callbacks()).extracting(StoryCallback::eventType).first().isEqualTo("NewFileUpload");
        CallbackSignatureVerifier verifier = new CallbackSignatureVerifier("Key9abc");
        for (byte[] body : story.inOrder()) {
            JsonNode json = new ObjectMapper().readTree(body);
            assertThat(verifier.verify(json.path("Sign").asText(), json.path("T").asText(), Instant.now()))
                    .isEqualTo(CallbackSignatureVerdict.VALID);
        }
    }
}
