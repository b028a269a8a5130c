package io.vodflow.contract.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vodflow.contract.event.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Unknown fields, nulls, absent members and wrongly typed optional fields never fail a real event. */
class LenientEventTest {

    private final VodEventParser parser = new VodEventParser();

    @Test
    void knownTypeWithoutItsMemberParsesToEmptyRecord() {
        assertThat(parser.parse(utf8("{\"EventType\":\"NewFileUpload\"}")))
                .isEqualTo(new NewFileUpload(WireFormat.V3, null, null, null, null, null));
        ProcedureStateChanged p = (ProcedureStateChanged) parser.parse(
                utf8("{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":null}"));
        assertThat(p.status()).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(p.mediaProcessResults()).isEmpty();
        assertThat(p.aiContentReviewResults()).isEmpty();
        assertThat(p.routingKey()).isNull();
        assertThat(parser.parse(utf8("{\"version\":\"4.0\",\"eventType\":\"FileDeleted\",\"data\":7}")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of()));
    }

    @Test
    void wronglyTypedOptionalFieldsBecomeNull() {
        NewFileUpload e = (NewFileUpload) parser.parse(utf8("""
                {"EventType":"NewFileUpload","FileUploadEvent":{"FileId":{"x":1},"ProcedureTaskId":12,
                 "ReviewAudioVideoTaskId":true,"MediaBasicInfo":"str","MetaData":{"Size":"48211873","Height":1080.5,
                 "Width":[1],"Duration":"sixty","Bitrate":1e30,"VideoStreamSet":{"Codec":"h264"},
                 "AudioStreamSet":[null,3,{"SamplingRate":"x","Codec":null}]},"Future":{"Nested":[1]}}}
                """));

        assertThat(e.fileId()).isNull();
        assertThat(e.procedureTaskId()).isEqualTo("12");
        assertThat(e.reviewAudioVideoTaskId()).isEqualTo("true");
        assertThat(e.basicInfo()).isNull();
        assertThat(e.sourceContext()).isNull();
        assertThat(e.metaData()).isEqualTo(new MediaMetaData(48211873L, null, null, null, null, null, null, null,
                null, null, List.of(), List.of(new MediaMetaData.AudioStream(null, null, null))));
    }

    @Test
    void oddSubtaskEntriesAreSkippedOrKeptWithUnknownStatus() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(utf8("""
                {"EventType":"ProcedureStateChanged","ProcedureStateChangeEvent":{"TaskId":"t","Status":"Finished",
                 "MediaProcessResultSet":[null,1,"x",{"Type":"Transcode"},{"Type":"Transcode","TranscodeTask":
                 {"Status":"SUCCESS","Output":"not-an-object","Input":[]}}],"AiContentReviewResultSet":"oops"}}
                """));

        assertThat(e.status()).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(e.routingKey()).isEqualTo("t");
        assertThat(e.mediaProcessResults()).containsExactly(
                new MediaProcessResult("Transcode", TaskStatus.UNKNOWN, null, null, null, null, null, null, null, null),
                new MediaProcessResult("Transcode", TaskStatus.SUCCESS, null, null, null, null, null, null, null, null));
        assertThat(e.aiContentReviewResults()).isEmpty();
    }

    @Test
    void aSubtaskWithoutATypeKeepsItsStatusAndFindsItsTaskMember() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(utf8("""
                {"EventType":"ProcedureStateChanged","ProcedureStateChangeEvent":{"TaskId":"t","Status":"FINISH",
                 "MediaProcessResultSet":[{"SampleSnapshotTask":{"Status":"SUCCESS","Progress":100}},
                 {"Type":null,"CoverBySnapshotTask":{"Status":"FAIL","ErrCodeExt":"x"}}]}}
                """));
        assertThat(e.mediaProcessResults()).extracting(MediaProcessResult::type).containsExactly(null, null);
        assertThat(e.mediaProcessResults()).extracting(MediaProcessResult::status)
                .containsExactly(TaskStatus.SUCCESS, TaskStatus.FAIL);
    }

    @Test
    void v2UnknownTypeKeepsItsKeysAndRawBody() {
        byte[] body = utf8("{\"version\":\"4.0\",\"eventType\":\"TranscodeComplete\",\"data\":{\"vodTaskId\":\"v\","
                + "\"fileId\":\"f\",\"status\":0}}");

        UnknownEvent e = (UnknownEvent) parser.parse(body);

        assertThat(e).extracting(UnknownEvent::format, UnknownEvent::eventType, UnknownEvent::fileId,
                UnknownEvent::taskId).containsExactly(WireFormat.V2, "TranscodeComplete", "f", "v");
        assertThat(e.rawBody()).isEqualTo(body);
    }

    @Test
    void v3UnknownTypeFindsKeysInItsMemberOrAtTheTop() {
        UnknownEvent pull = (UnknownEvent) parser.parse(utf8("""
                {"EventHandle":"h","EventType":"PullComplete","PullCompleteEvent":{"TaskId":"p","FileId":"f"}}"""));
        UnknownEvent odd = (UnknownEvent) parser.parse(utf8("{\"EventType\":\"Odd\",\"FileId\":\"top\"}"));
        UnknownEvent set = (UnknownEvent) parser.parse(utf8("""
                {"EventType":"RestoreMediaComplete","RestoreMediaCompleteEvent":{"FileIdSet":["a","b"]}}"""));

        assertThat(pull.fileId()).isEqualTo("f");
        assertThat(pull.taskId()).isEqualTo("p");
        assertThat(odd.fileId()).isEqualTo("top");
        assertThat(set.fileId()).isEqualTo("a");
    }

    @Test
    void v2FileDeletedAcceptsOneIdOrAList() {
        assertThat(parser.parse(utf8("{\"eventType\":\"FileDeleted\",\"data\":{\"fileId\":\"1\"}}")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of("1")));
        assertThat(parser.parse(utf8("{\"eventType\":\"FileDeleted\",\"data\":{\"fileId\":[\"1\",\"2\"]}}")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of("1", "2")));
        assertThat(parser.parse(utf8("{\"eventType\":\"FileDeleted\",\"data\":{\"fileIds\":[\"3\"]}}")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of("3")));
    }

    /** The shape of the legacy-format doc (intl 266/33962): ids in {@code data.fileInfo[]}, a status of 0 for success. */
    @Test
    void v2FileDeletedReadsTheDocumentedFileInfoList() {
        assertThat(parser.parse(utf8("""
                {"version":"4.0","eventType":"FileDeleted","data":{"status":0,"message":"","fileInfo":[
                  {"fileId":"24961954183381008"},{"fileId":"24961954183381009"},{"fileId":""},{},7]}}""")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of("24961954183381008", "24961954183381009")));
    }

    @Test
    void v2FileDeletedThatFailedDeletesNothing() {
        assertThat(parser.parse(utf8("""
                {"version":"4.0","eventType":"FileDeleted","data":{"status":10008,"message":"file not found","fileInfo":[{"fileId":"1"}]}}""")))
                .isEqualTo(new FileDeleted(WireFormat.V2, List.of()));
    }

    @Test
    void v3FileDeletedFallsBackToTheResultInfo() {
        assertThat(parser.parse(utf8("""
                {"EventType":"FileDeleted","FileDeleteEvent":{"FileDeleteResultInfo":[{"FileId":"9"}]}}""")))
                .isEqualTo(new FileDeleted(WireFormat.V3, List.of("9")));
    }

    @Test
    void v3FileDeletedTellsPartialFromWholeDeletions() {
        FileDeleted e = (FileDeleted) parser.parse(utf8("""
                {"EventType":"FileDeleted","FileDeleteEvent":{"FileIdSet":["1","2","3"],"FileDeleteResultInfo":[
                  {"FileId":"1","DeleteParts":[{"Type":"TranscodeFiles","Definition":100020},{"Type":"OriginalFiles"}]},
                  {"FileId":"2","DeleteParts":[]},
                  {"FileId":"4","DeleteParts":[{"Type":"TranscodeFiles","Definition":"0"},{"Definition":5},"x",null]}]}}"""));

        assertThat(e.fileIds()).containsExactly("1", "2", "3", "4");
        assertThat(e.partsOf("1")).containsExactly(new DeletedPart("TranscodeFiles", 100020), new DeletedPart("OriginalFiles", 0));
        assertThat(e.partsOf("2")).isEmpty();
        assertThat(e.partsOf("3")).isEmpty();
        assertThat(e.partsOf("4")).containsExactly(new DeletedPart("TranscodeFiles", 0));
        assertThat(e.partsOf("1").get(0).removesRendition(100020)).isTrue();
        assertThat(e.partsOf("1").get(0).removesRendition(100030)).isFalse();
        assertThat(e.partsOf("4").get(0).removesRendition(100030)).isTrue();
    }
}
