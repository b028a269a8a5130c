package io.vodflow.ingress.pull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullEventsCodecTest {
    final PullEventsCodec codec = new PullEventsCodec();

    @Test
    void eachEventSetItemBecomesAPushShapedBodyAndItsHandle() throws Exception {
        List<PulledEvent> events = codec.events(Fixtures.text("pull-events-response.json"));
        assertThat(events).extracting(PulledEvent::handle)
                .containsExactly("bGV2ZWwxOmV2ZW50SGFuZGxlLTAwMDE=", "bGV2ZWwxOmV2ZW50SGFuZGxlLTAwMDI=");
        String first = new String(events.get(0).body(), StandardCharsets.UTF_8);
        assertThat(first).startsWith("{\"EventType\":\"NewFileUpload\"").doesNotContain("EventHandle")
                .contains("\"Duration\":60.06");
        assertThat(new CallbackRoutingReader().read(events.get(1).body()).eventType()).isEqualTo("ProcedureStateChanged");
    }

    @Test
    void decimalsAreKeptAsWritten() {
        List<PulledEvent> events = codec.events("{\"Response\":{\"EventSet\":[{\"EventHandle\":\"h\",\"EventType\":\"X\",\"A\":60.060,\"B\":1E+3,\"C\":12345678901234567890}]}}");
        assertThat(new String(events.get(0).body(), StandardCharsets.UTF_8)).contains("60.060", "12345678901234567890");
    }

    @Test
    void aRedeliveryUnderANewHandleGivesIdenticalBytes() {
        String a = "{\"Response\":{\"EventSet\":[{\"EventHandle\":\"h1\",\"EventType\":\"X\",\"V\":1}]}}";
        String b = "{\"Response\":{\"EventSet\":[{\"EventType\":\"X\",\"EventHandle\":\"h2\",\"V\":1}]}}";
        assertThat(codec.events(a).get(0).body()).isEqualTo(codec.events(b).get(0).body());
    }

    @Test
    void membersSetToNullAreLeftOutAtEveryLevelAsPushBodiesDo() {
        List<PulledEvent> events = codec.events("{\"Response\":{\"EventSet\":[{\"EventHandle\":\"h\",\"EventType\":\"X\","
                + "\"FileDeleteEvent\":null,\"E\":{\"A\":1,\"WatermarkSet\":null,\"L\":[{\"B\":null,\"C\":2},null]}}]}}");
        assertThat(new String(events.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"EventType\":\"X\",\"E\":{\"A\":1,\"L\":[{\"C\":2},null]}}");
    }

    @Test
    void anErrorAnswerIsAnException() {
        String error = "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"bad\"},\"RequestId\":\"r\"}}";
        assertThatThrownBy(() -> codec.events(error)).isInstanceOfSatisfying(VodApiException.class,
                e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"));
        assertThatThrownBy(() -> codec.requireSuccess(error)).isInstanceOf(VodApiException.class);
        assertThatThrownBy(() -> codec.events("<html>")).isInstanceOf(VodApiException.class);
    }

    @Test
    void requestsCarryHandlesAndTheSubAppOnlyWhenSet() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(codec.confirmRequest(List.of("a", "b"), 0)).toString()).isEqualTo("{\"EventHandles\":[\"a\",\"b\"]}");
        assertThat(json.readTree(codec.pullRequest(15)).path("SubAppId").asLong()).isEqualTo(15);
        assertThat(codec.pullRequest(0)).isEqualTo("{}");
    }
}
