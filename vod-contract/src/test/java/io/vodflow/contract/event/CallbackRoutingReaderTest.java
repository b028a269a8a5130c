package io.vodflow.contract.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.vodflow.contract.event.Fixtures.FILE_ID;
import static io.vodflow.contract.event.Fixtures.TASK_ID;
import static io.vodflow.contract.event.Fixtures.V2_TASK_ID;
import static io.vodflow.contract.event.Fixtures.bytes;
import static io.vodflow.contract.event.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hot-path routing: format, type, keys, Sign/T and a dedupe id that ignores delivery details. */
class CallbackRoutingReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CallbackRoutingReader reader = new CallbackRoutingReader();

    @Test
    void readsFormatTypeAndKeysOfEveryFixture() {
        assertRouting("v3-new-file-upload.json", WireFormat.V3, "NewFileUpload", FILE_ID, null);
        assertRouting("v3-procedure-finish.json", WireFormat.V3, "ProcedureStateChanged", FILE_ID, TASK_ID);
        assertRouting("v3-procedure-change-processing.json", WireFormat.V3, "ProcedureStateChanged", FILE_ID, TASK_ID);
        assertRouting("v3-procedure-finish-transcode-failed.json", WireFormat.V3, "ProcedureStateChanged", FILE_ID,
                TASK_ID);
        assertRouting("v3-file-deleted.json", WireFormat.V3, "FileDeleted", FILE_ID, null);
        assertRouting("v3-unknown-event-type.json", WireFormat.V3, "SomeFutureEvent", null, "1500000001-future-1");
        assertRouting("v2-new-file-upload.json", WireFormat.V2, "NewFileUpload", FILE_ID, null);
        assertRouting("v2-procedure-finish.json", WireFormat.V2, "ProcedureStateChanged", FILE_ID, V2_TASK_ID);
    }

    @Test
    void routingKeyFallsBackToTheTaskId() {
        assertThat(reader.read(bytes("v3-unknown-event-type.json")).routingKey()).isEqualTo("1500000001-future-1");
        assertThat(reader.read(utf8("{\"EventType\":\"X\"}")).routingKey()).isNull();
    }

    /** The deleted files' ids sit in a list of objects: v2's documented {@code fileInfo}, v3's result info. */
    @Test
    void deletionsRouteByTheFileIdOfTheirResultList() {
        assertThat(reader.read(utf8("""
                {"version":"4.0","eventType":"FileDeleted","data":{"status":0,"message":"","fileInfo":[{"fileId":"24961954183381008"}]}}"""))
                .routingKey()).isEqualTo("24961954183381008");
        assertThat(reader.read(utf8("""
                {"EventType":"FileDeleted","FileDeleteEvent":{"FileDeleteResultInfo":[{"DeleteParts":[]},{"FileId":"9"}]}}"""))
                .routingKey()).isEqualTo("9");
    }

    @Test
    void pullEventSetMembersRouteAndDedupeLikeTheirPushBodies() {
        List<byte[]> members = Fixtures.pullEventSetMembers();

        assertThat(reader.read(members.get(0))).isEqualTo(reader.read(bytes("v3-new-file-upload.json")));
        assertThat(reader.read(members.get(1))).isEqualTo(reader.read(bytes("v3-procedure-finish.json")));
    }

    @Test
    void readsSignAndTInAnyLetterCaseAndNumericT() {
        CallbackRouting upper = reader.read(utf8("{\"EventType\":\"X\",\"Sign\":\"ab\",\"T\":1700000600}"));
        CallbackRouting lower = reader.read(utf8("{\"EventType\":\"X\",\"sign\":\"ab\",\"t\":\"1700000600\"}"));
        CallbackRouting shout = reader.read(utf8("{\"EventType\":\"X\",\"SIGN\":\"ab\",\"t\":1700000600}"));
        CallbackRouting both = reader.read(utf8("{\"EventType\":\"X\",\"sign\":\"no\",\"Sign\":\"yes\"}"));
        CallbackRouting odd = reader.read(utf8("{\"EventType\":\"X\",\"Sign\":{\"a\":1},\"T\":null}"));

        for (CallbackRouting r : List.of(upper, lower, shout)) {
            assertThat(r.sign()).isEqualTo("ab");
            assertThat(r.t()).isEqualTo("1700000600");
        }
        assertThat(both.sign()).isEqualTo("yes");
        assertThat(odd.sign()).isNull();
        assertThat(odd.t()).isNull();
        assertThat(reader.read(bytes("v3-procedure-finish.json")).sign()).isNull();
    }

    @Test
    void dedupeIdIsSha256OfTheSortedCompactFormWithoutDeliveryKeys() throws Exception {
        byte[] body = utf8("{\"b\":1,\"EventType\":\"X\",\"Sign\":\"s\",\"a\":[{\"d\":2.50,\"c\":\"é\"}],\"t\":1}");
        String canonical = "{\"EventType\":\"X\",\"a\":[{\"c\":\"é\",\"d\":2.50}],\"b\":1}";

        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(reader.read(body).dedupeId()).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    /** An independent canonical form (Jackson's sorted maps, big decimals kept as written) for every fixture. */
    @ParameterizedTest
    @ValueSource(strings = {"v2-new-file-upload.json", "v2-procedure-finish.json", "v3-file-deleted.json",
            "v3-new-file-upload.json", "v3-procedure-change-processing.json", "v3-procedure-finish-transcode-failed.json",
            "v3-procedure-finish.json", "v3-unknown-event-type.json"})
    void dedupeIdOfEveryFixtureMatchesAnIndependentCanonicalForm(String fixture) throws Exception {
        ObjectMapper sorted = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        Map<String, Object> event = sorted.readValue(bytes(fixture), new TypeReference<>() { });
        event.keySet().removeIf(k -> List.of("eventhandle", "sign", "t").contains(k.toLowerCase(Locale.ROOT)));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorted.writeValueAsBytes(event)));

        assertThat(reader.read(bytes(fixture)).dedupeId()).isEqualTo(expected);
    }

    @Test
    void dedupeIdIgnoresEventHandleSignTWhitespaceAndKeyOrder() throws Exception {
        byte[] push = bytes("v3-procedure-finish.json");
        ObjectNode pulled = (ObjectNode) JSON.readTree(push);
        pulled.put("EventHandle", "h-1").put("Sign", "abc").put("T", 1700000600);
        ObjectNode lowerCase = (ObjectNode) JSON.readTree(push);
        lowerCase.put("eventhandle", "h-2").put("SIGN", "def").put("t", "1");

        String id = reader.read(push).dedupeId();

        assertThat(reader.read(JSON.writeValueAsBytes(pulled)).dedupeId()).isEqualTo(id);
        assertThat(reader.read(JSON.writeValueAsBytes(lowerCase)).dedupeId()).isEqualTo(id);
        assertThat(reader.read(JSON.writeValueAsBytes(Fixtures.reversed(JSON.readTree(push)))).dedupeId()).isEqualTo(id);
    }

    /** PullEvents answers set absent members to null ({@code "FileDeleteEvent": null} …); push bodies leave them out. */
    @Test
    void nullMembersAtAnyLevelDoNotChangeTheDedupeId() throws Exception {
        byte[] push = bytes("v3-procedure-finish.json");
        ObjectNode pulled = (ObjectNode) JSON.readTree(push);
        pulled.put("EventHandle", "h-1").putNull("FileDeleteEvent").putNull("PullCompleteEvent");
        ((ObjectNode) pulled.path("ProcedureStateChangeEvent")).putNull("WatermarkSet");
        ObjectNode nullInArray = (ObjectNode) JSON.readTree(push);
        nullInArray.putArray("Extra").addNull();
        ObjectNode emptyInsteadOfNull = (ObjectNode) JSON.readTree(push);
        emptyInsteadOfNull.putObject("FileDeleteEvent");

        String id = reader.read(push).dedupeId();

        assertThat(reader.read(JSON.writeValueAsBytes(pulled)).dedupeId()).isEqualTo(id);
        // only members go: a null element keeps its place in an array, and an empty object is not a null
        assertThat(reader.read(JSON.writeValueAsBytes(nullInArray)).dedupeId()).isNotEqualTo(id);
        assertThat(reader.read(JSON.writeValueAsBytes(emptyInsteadOfNull)).dedupeId()).isNotEqualTo(id);
    }

    @Test
    void dedupeIdDiffersForDifferentEvents() throws Exception {
        ObjectNode progressed = (ObjectNode) JSON.readTree(bytes("v3-procedure-change-processing.json"));
        ((ObjectNode) progressed.at("/ProcedureStateChangeEvent/MediaProcessResultSet/0/TranscodeTask"))
                .put("Progress", 41);
        ObjectNode nestedSign = (ObjectNode) JSON.readTree(bytes("v3-procedure-finish.json"));
        ((ObjectNode) nestedSign.get("ProcedureStateChangeEvent")).put("Sign", "inner");

        List<String> ids = new ArrayList<>();
        for (String fixture : List.of("v3-new-file-upload.json", "v3-procedure-finish.json",
                "v3-procedure-change-processing.json", "v3-procedure-finish-transcode-failed.json",
                "v3-file-deleted.json", "v3-unknown-event-type.json", "v2-new-file-upload.json",
                "v2-procedure-finish.json")) {
            ids.add(reader.read(bytes(fixture)).dedupeId());
        }
        ids.add(reader.read(JSON.writeValueAsBytes(progressed)).dedupeId());
        ids.add(reader.read(JSON.writeValueAsBytes(nestedSign)).dedupeId());

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void reversedKeyOrderParsesToTheSameEvent() throws Exception {
        VodEventParser parser = new VodEventParser();
        for (String fixture : List.of("v3-new-file-upload.json", "v3-procedure-finish.json",
                "v2-procedure-finish.json", "v3-file-deleted.json")) {
            byte[] reversedBody = JSON.writeValueAsBytes(Fixtures.reversed(JSON.readTree(bytes(fixture))));

            assertThat(parser.parse(reversedBody)).as(fixture).isEqualTo(parser.parse(bytes(fixture)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"EventType\":\"New\\u0000FileUpload\"}",
            "{\"EventType\":\"New\\ud800\"}",
            "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"52\\u00008\"}}",
            "{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{\"TaskId\":\"t\\n1\"}}",
            "{\"eventType\":\"FileDeleted\",\"data\":{\"fileId\":[\"\\udc00\"]}}",
            "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"LONG\"}}"})
    void anEventTypeOrKeyThatIsNotAPlainIdIsRefused(String body) {
        byte[] bytes = body.replace("LONG", "5".repeat(EventKeys.MAX_KEY_LENGTH + 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(bytes)).isInstanceOf(VodEventParseException.class);
    }

    @Test
    void anUnroutedBodyIsDedupedBySha256OfItsBytes() throws Exception {
        byte[] body = utf8("{\"EventType\":\"" + "X".repeat(200) + "\"}");
        assertThat(CallbackRoutingReader.unroutedDedupeId(body))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo(CallbackRoutingReader.unroutedDedupeId(body.clone()));
    }

    @Test
    void aKeyOfTheLongestLengthIsTaken() {
        String id = "5".repeat(EventKeys.MAX_KEY_LENGTH);
        byte[] body = ("{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + id + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(body).fileId()).isEqualTo(id);
    }

    private void assertRouting(String fixture, WireFormat format, String type, String fileId, String taskId) {
        CallbackRouting r = reader.read(bytes(fixture));

        assertThat(r.format()).as(fixture).isEqualTo(format);
        assertThat(r.eventType()).as(fixture).isEqualTo(type);
        assertThat(r.fileId()).as(fixture).isEqualTo(fileId);
        assertThat(r.taskId()).as(fixture).isEqualTo(taskId);
        assertThat(r.sign()).as(fixture).isNull();
        assertThat(r.t()).as(fixture).isNull();
        assertThat(r.dedupeId()).as(fixture).matches("[0-9a-f]{64}");
    }
}
