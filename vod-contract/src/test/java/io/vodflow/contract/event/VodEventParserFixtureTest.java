package io.vodflow.contract.event;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.vodflow.contract.event.Fixtures.FILE_ID;
import static io.vodflow.contract.event.Fixtures.MEDIA_URL;
import static io.vodflow.contract.event.Fixtures.TASK_ID;
import static io.vodflow.contract.event.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** Every shared v3 push fixture parses into the records with the values it carries. */
class VodEventParserFixtureTest {

    private static final String TRANSCODE_URL =
            "http://1500000001.vod2.myqcloud.com/abcd1234vodtranscq1500000001/5f2e3270835012345678901/v.f100030.mp4";
    private static final String COVER_URL = "http://1500000001.vod2.myqcloud.com/abcd1234vodtranscq1500000001/"
            + "5f2e3270835012345678901/coverBySnapshot_10_0.jpg";
    private static final MediaMetaData V3_META = new MediaMetaData(48211873L, "mov,mp4,m4a,3gp,3g2,mj2", 6421337L,
            1080, 1920, 60.06, 60.06, 60.02, 0, null,
            List.of(new MediaMetaData.VideoStream(6290000L, 1080, 1920, "h264", 30)),
            List.of(new MediaMetaData.AudioStream(128000L, 48000, "aac")));

    private final VodEventParser parser = new VodEventParser();

    @Test
    void v3NewFileUploadCarriesIdsBasicInfoSourceContextAndMetaData() {
        NewFileUpload e = (NewFileUpload) parser.parse(bytes("v3-new-file-upload.json"));

        assertThat(e.format()).isEqualTo(WireFormat.V3);
        assertThat(e.eventType()).isEqualTo("NewFileUpload");
        assertThat(e.fileId()).isEqualTo(FILE_ID);
        assertThat(e.routingKey()).isEqualTo(FILE_ID);
        assertThat(e.procedureTaskId()).isEqualTo(TASK_ID);
        assertThat(e.reviewAudioVideoTaskId()).isEmpty();
        assertThat(e.sourceContext()).isEqualTo("REPLACE_WITH_ISSUED_SOURCE_CONTEXT");
        assertThat(e.basicInfo()).isEqualTo(new MediaBasicInfo("holiday-clip", "", "2025-03-02T08:15:40Z",
                "2025-03-02T08:15:41Z", "9999-12-31T23:59:59Z", 0, "Other", "Other", "", "mp4", MEDIA_URL,
                "ap-chongqing", null, List.of(), FILE_ID, "Video", "Normal", "STANDARD", "Upload",
                "REPLACE_WITH_ISSUED_SOURCE_CONTEXT"));
        assertThat(e.metaData()).isEqualTo(V3_META);
    }

    @Test
    void v3ProcedureFinishCarriesTheTranscodeAndCoverResults() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(bytes("v3-procedure-finish.json"));

        assertThat(e.format()).isEqualTo(WireFormat.V3);
        assertThat(e.taskId()).isEqualTo(TASK_ID);
        assertThat(e.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(e.errCode()).isZero();
        assertThat(e.message()).isEmpty();
        assertThat(e.fileId()).isEqualTo(FILE_ID);
        assertThat(e.routingKey()).isEqualTo(FILE_ID);
        assertThat(e.fileName()).isEqualTo("holiday-clip");
        assertThat(e.fileUrl()).isEqualTo(MEDIA_URL);
        assertThat(e.metaData()).isEqualTo(V3_META);
        assertThat(e.mediaProcessResults()).containsExactly(
                new MediaProcessResult("Transcode", TaskStatus.SUCCESS, "", 0, "SUCCESS", 100, 100030,
                        "2025-03-02T08:15:45Z", "2025-03-02T08:16:31Z",
                        new ProcessOutput.Transcode(TRANSCODE_URL, 100030, 2896000L, 720, 1280, 21744310L, 60.07,
                                "7b3e0c3f9d2a4e51a0c6f1d2e3b4a5c6", "mov,mp4,m4a,3gp,3g2,mj2")),
                new MediaProcessResult("CoverBySnapshot", TaskStatus.SUCCESS, "", 0, "SUCCESS", 100, 10, null, null,
                        new ProcessOutput.Cover(COVER_URL)));
        assertThat(e.aiContentReviewResults()).isEmpty();
        assertThat(e.tasksPriority()).isZero();
        assertThat(e.tasksNotifyMode()).isEqualTo("Finish");
        assertThat(e.sessionContext()).isEmpty();
        assertThat(e.sessionId()).isEmpty();
        assertThat(e.operator()).isNull();
        assertThat(e.operationType()).isNull();
    }

    @Test
    void v3ProcedureChangeIsProcessingWithoutOutputYet() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(bytes("v3-procedure-change-processing.json"));

        assertThat(e.status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(e.status().terminal()).isFalse();
        assertThat(e.tasksNotifyMode()).isEqualTo("Change");
        assertThat(e.mediaProcessResults()).containsExactly(new MediaProcessResult("Transcode",
                TaskStatus.PROCESSING, "", 0, "", 40, 100030, "2025-03-02T08:15:45Z", null, null));
    }

    @Test
    void v3ProcedureFinishWithAFailedTranscodeKeepsTheSubtaskError() {
        ProcedureStateChanged e =
                (ProcedureStateChanged) parser.parse(bytes("v3-procedure-finish-transcode-failed.json"));

        assertThat(e.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(e.errCode()).isZero();
        assertThat(e.mediaProcessResults()).containsExactly(new MediaProcessResult("Transcode", TaskStatus.FAIL,
                "InternalError", 30010, "source file error", 0, 100040, "2025-03-02T08:15:45Z",
                "2025-03-02T08:16:31Z", null));
    }

    @Test
    void v3FileDeletedListsTheDeletedFilesAndTheirParts() {
        VodEvent e = parser.parse(bytes("v3-file-deleted.json"));

        assertThat(e).isEqualTo(new FileDeleted(WireFormat.V3, List.of(FILE_ID),
                Map.of(FILE_ID, List.of(new DeletedPart(DeletedPart.ORIGINAL_FILES, 0)))));
        assertThat(((FileDeleted) e).partsOf(FILE_ID)).singleElement()
                .satisfies(p -> assertThat(p.removesRendition(100010)).isFalse());
        assertThat(e.routingKey()).isEqualTo(FILE_ID);
    }

    @Test
    void v3UnknownEventTypeIsKeptWithItsTaskIdAndRawBody() {
        byte[] body = bytes("v3-unknown-event-type.json");

        UnknownEvent e = (UnknownEvent) parser.parse(body);

        assertThat(e.format()).isEqualTo(WireFormat.V3);
        assertThat(e.eventType()).isEqualTo("SomeFutureEvent");
        assertThat(e.fileId()).isNull();
        assertThat(e.taskId()).isEqualTo("1500000001-future-1");
        assertThat(e.routingKey()).isEqualTo("1500000001-future-1");
        assertThat(e.rawBody()).isEqualTo(body);
    }
}
