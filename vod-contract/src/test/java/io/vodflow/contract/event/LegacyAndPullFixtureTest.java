package io.vodflow.contract.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vodflow.contract.event.Fixtures.FILE_ID;
import static io.vodflow.contract.event.Fixtures.V2_TASK_ID;
import static io.vodflow.contract.event.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** The legacy v2 fixtures and the PullEvents EventSet members parse onto the same records as v3 push bodies. */
class LegacyAndPullFixtureTest {

    private final VodEventParser parser = new VodEventParser();

    @Test
    void v2NewFileUploadFillsTheBasicInfoItHas() {
        NewFileUpload e = (NewFileUpload) parser.parse(bytes("v2-new-file-upload.json"));

        assertThat(e.format()).isEqualTo(WireFormat.V2);
        assertThat(e.fileId()).isEqualTo(FILE_ID);
        assertThat(e.procedureTaskId()).isEqualTo(V2_TASK_ID);
        assertThat(e.sourceContext()).isEqualTo("REPLACE_WITH_ISSUED_SOURCE_CONTEXT");
        assertThat(e.basicInfo().name()).isEqualTo("holiday-clip");
        assertThat(e.basicInfo().coverUrl()).isEmpty();
        assertThat(e.basicInfo().mediaUrl()).isEqualTo(
                "http://1500000001.vod2.myqcloud.com/abcd1234vodcq1500000001/5f2e3270835012345678901/f0.mp4");
        assertThat(e.basicInfo().sourceType()).isEqualTo("ClientUpload");
        assertThat(e.basicInfo().tagSet()).isEmpty();
        assertThat(e.metaData()).isNull();
    }

    @Test
    void v2ProcedureFinishMapsVodTaskIdMetaDataAndProcessTaskList() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(bytes("v2-procedure-finish.json"));

        assertThat(e.format()).isEqualTo(WireFormat.V2);
        assertThat(e.taskId()).isEqualTo(V2_TASK_ID);
        assertThat(e.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(e.errCode()).isZero();
        assertThat(e.fileId()).isEqualTo(FILE_ID);
        assertThat(e.metaData()).isEqualTo(new MediaMetaData(48211873L, "mp4", 6421L, 1080, 1920, 60.0, null, null,
                0, "", List.of(new MediaMetaData.VideoStream(6290L, 1080, 1920, "h264", 30)),
                List.of(new MediaMetaData.AudioStream(128L, 48000, "aac"))));
        assertThat(e.mediaProcessResults()).containsExactly(new MediaProcessResult("Transcode", TaskStatus.SUCCESS,
                null, 0, "", null, 20, null, null, new ProcessOutput.Transcode(
                "http://1500000001.vod2.myqcloud.com/abcd1234vodtranscq1500000001/5f2e/v.f20.mp4", 20, 1200L, 480,
                854, 9123456L, 60.0, "", "mp4")));
        assertThat(e.aiContentReviewResults()).isEmpty();
    }

    @Test
    void pullEventSetMembersParseExactlyLikeTheirPushBodies() {
        List<byte[]> members = Fixtures.pullEventSetMembers();

        assertThat(members).hasSize(2);
        assertThat(parser.parse(members.get(0))).isEqualTo(parser.parse(bytes("v3-new-file-upload.json")));
        assertThat(parser.parse(members.get(1))).isEqualTo(parser.parse(bytes("v3-procedure-finish.json")));
    }
}
