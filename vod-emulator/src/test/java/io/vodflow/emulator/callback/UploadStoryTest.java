package io.vodflow.emulator.callback;

import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadStoryTest {

    private final long now = System.currentTimeMillis() / 1000;
    private final VodEmulator vod = new VodEmulator(
            EmulatorSettings.of(TestSignatures.SECRET_ID, TestSignatures.SECRET_KEY));

    @Test
    void storyOfAProcedureUploadIsNewFileUploadThenProcessingThenFinish() {
        UploadStory story = vod.story(upload(TestSignatures.oneTimeWithProcedure(now, 1)));

        assertThat(story.callbacks()).extracting(c -> c.eventType() + ":" + c.status())
                .containsExactly("NewFileUpload:", "ProcedureStateChanged:PROCESSING", "ProcedureStateChanged:FINISH");
        assertThat(story.reversed()).containsExactly(story.inOrder().get(2), story.inOrder().get(1),
                story.inOrder().get(0));
        List<byte[]> twice = story.eachTwice();
        assertThat(twice).hasSize(6);
        assertThat(twice.get(0)).isSameAs(twice.get(1));
        assertThat(twice.get(4)).isSameAs(story.inOrder().get(2));
    }

    @Test
    void storyWithoutProcedureIsJustNewFileUpload() {
        UploadStory story = vod.story(upload(TestSignatures.plain(now, 2)));

        assertThat(story.callbacks()).extracting(StoryCallback::eventType).containsExactly("NewFileUpload");
    }

    @Test
    void asNotifiedDropsProcessingUnderTheDefaultFinishMode() {
        UploadSignatureParams finishMode = new UploadSignatureParams(TestSignatures.SECRET_ID, now, now + 60, 3,
                null, "P", null, null, null, null, null, null, null);

        UploadStory story = vod.story(upload(finishMode)).asNotified();

        assertThat(story.callbacks()).extracting(StoryCallback::status).containsExactly("", "FINISH");
    }

    @Test
    void storyMarksTheTaskFinishedForDescribeTaskDetail() {
        UploadedMedia media = upload(TestSignatures.oneTimeWithProcedure(now, 4));
        assertThat(vod.tasks().find(media.procedureTaskId()).orElseThrow().path("Status").asText())
                .isEqualTo("PROCESSING");

        vod.story(media);

        assertThat(vod.tasks().find(media.procedureTaskId()).orElseThrow().path("Status").asText())
                .isEqualTo("FINISH");
    }

    @Test
    void legacyStoryIsTwoV2Bodies() {
        UploadStory story = UploadStory.legacy(vod.callbacks(), upload(TestSignatures.oneTimeWithProcedure(now, 5)));

        assertThat(story.inOrder()).hasSize(2)
                .allSatisfy(body -> assertThat(new String(body)).startsWith("{\"version\":\"4.0\""));
    }

    private UploadedMedia upload(UploadSignatureParams params) {
        return ((UploadResult.Accepted) vod.upload(TestSignatures.sign(params), UploadRequest.of("clip"))).media();
    }
}
