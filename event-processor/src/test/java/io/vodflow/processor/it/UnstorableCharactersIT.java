package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.contract.kafka.VodTopics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * VOD payloads may carry, as JSON escapes, characters that Postgres text and jsonb refuse (U+0000) or that UTF-8
 * cannot carry (a lone surrogate), in a client-chosen file name or an unknown subtask's output: the event is still
 * applied, without them, and nothing is dead-lettered.
 */
class UnstorableCharactersIT extends ProcessorItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUL = "\\" + "u0000";
    private static final String HIGH = "\\" + "ud800";
    private static final String LOW = "\\" + "udc00";

    @Test
    void eventsWithNulEscapesAreAppliedWithoutTheNulAndNotDeadLettered() throws Exception {
        long deadBefore = readTopic(VodTopics.CALLBACKS_DLT).size();
        Ids ids = sendUploadAndFinishCarrying("u-nul", NUL, NUL);

        assertThat(row("SELECT name, attribution FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("name", "holiday-clip").containsEntry("attribution", "LINKED");
        JsonNode other = JSON.readTree(String.valueOf(row(
                "SELECT output_json::text AS j FROM task_result WHERE task_id = ? AND type = 'FutureTask'", ids.taskId()).get("j")));
        assertThat(other.get("Note").asText()).isEqualTo("ab");
        assertThat(String.valueOf(row("SELECT image_urls::text AS j FROM task_result WHERE task_id = ? AND type = 'SampleSnapshot'",
                ids.taskId()).get("j"))).contains("http://x/1.jpg");
        assertThat(readTopic(VodTopics.CALLBACKS_DLT)).hasSize((int) deadBefore);
    }

    @Test
    void eventsWithLoneSurrogateEscapesAreAppliedAndNotDeadLettered() throws Exception {
        long deadBefore = readTopic(VodTopics.CALLBACKS_DLT).size();
        Ids ids = sendUploadAndFinishCarrying("u-surrogate", HIGH, LOW);

        assertThat(row("SELECT name, attribution FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("attribution", "LINKED").extractingByKey("name").asString().startsWith("holiday").endsWith("-clip");
        assertThat(row("SELECT output_json::text AS j FROM task_result WHERE task_id = ? AND type = 'FutureTask'", ids.taskId()))
                .extractingByKey("j").asString().contains("Note");
        assertThat(String.valueOf(row("SELECT image_urls::text AS j FROM task_result WHERE task_id = ? AND type = 'SampleSnapshot'",
                ids.taskId()).get("j"))).contains("http://x/1").contains(".jpg");
        assertThat(readTopic(VodTopics.CALLBACKS_DLT)).hasSize((int) deadBefore);
    }

    /** An upload whose file name and image URL hold {@code mark}, then a finish whose unknown subtask's note holds {@code noteMark}; waits for READY. */
    private Ids sendUploadAndFinishCarrying(String user, String mark, String noteMark) throws Exception {
        Ids ids = Ids.fresh();
        String upload = new String(fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))),
                StandardCharsets.UTF_8).replace("\"holiday-clip\"", "\"holiday" + mark + "-clip\"");
        ObjectNode finish = (ObjectNode) JSON.readTree(fixture("v3-procedure-finish.json", ids, null));
        ArrayNode results = (ArrayNode) finish.findValue("MediaProcessResultSet");
        results.add(JSON.readTree("{\"Type\":\"FutureTask\",\"FutureTaskTask\":{\"Status\":\"SUCCESS\",\"Progress\":100,"
                + "\"Input\":{\"Definition\":7},\"Output\":{\"Note\":\"a" + noteMark + "b\",\"Definition\":7}}}"));
        results.add(JSON.readTree("{\"Type\":\"SampleSnapshot\",\"SampleSnapshotTask\":{\"Status\":\"SUCCESS\",\"Progress\":100,"
                + "\"Input\":{\"Definition\":10},\"Output\":{\"Definition\":10,\"ImageUrlSet\":[\"http://x/1" + mark + ".jpg\"]}}}"));
        send(ids.fileId(), upload.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(finish));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT status FROM media WHERE file_id = ? AND status = 'READY'", ids.fileId()) != null);
        return ids;
    }
}
