package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** PullEvents / ConfirmEvents through Tencent's SDK client. */
class VodApiServerPullTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final VodApiServer server = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY), ApiServerSettings.defaults()
            .withPullWait(Duration.ofMillis(300)).withRedeliveryTimeout(Duration.ofMillis(1000)));
    private final TencentSdkClient sdk = new TencentSdkClient(server.endpoint(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twentyEventsArePulledAsSixteenThenFourAndLeaveTheQueueWhenConfirmed() throws Exception {
        for (int i = 0; i < 20; i++) {
            server.enqueue(event("f" + i));
        }

        JsonNode first = sdk.pullEvents();
        JsonNode second = sdk.pullEvents();
        assertThat(first.path("EventSet")).hasSize(16);
        assertThat(second.path("EventSet")).hasSize(4);
        assertThat(first.path("RequestId").asText()).isNotEmpty();
        List<String> fileIds = new ArrayList<>(first.path("EventSet").findValuesAsText("FileId"));
        fileIds.addAll(second.path("EventSet").findValuesAsText("FileId"));
        assertThat(fileIds).containsExactly(IntStream.range(0, 20).mapToObj(i -> "f" + i)
                .toArray(String[]::new));

        sdk.confirmEvents(TencentSdkClient.handles(first));
        sdk.confirmEvents(TencentSdkClient.handles(second));

        assertThat(server.pendingCount()).isZero();
        assertThat(server.confirmedCount()).isEqualTo(20);
        assertThat(server.pulledCount()).isEqualTo(20);
        assertThat(sdk.pullEvents().path("EventSet")).isEmpty();
    }

    @Test
    void unconfirmedEventIsRedeliveredWithTheSameBodyAndANewHandle() throws Exception {
        byte[] body = event("f-redeliver");
        server.enqueue(body);
        JsonNode first = sdk.pullEvents().path("EventSet").get(0);
        assertThat(sdk.pullEvents().path("EventSet")).as("invisible while in flight").isEmpty();

        JsonNode again = await().atMost(Duration.ofSeconds(5)).until(
                () -> sdk.pullEvents().path("EventSet"), set -> !set.isEmpty()).get(0);

        assertThat(again.path("EventHandle").asText()).isNotEqualTo(first.path("EventHandle").asText());
        assertThat(withoutHandle(again)).isEqualTo(mapper.readTree(body));
        assertThat(server.redeliveredCount()).isEqualTo(1);
        assertThatThrownBy(() -> sdk.confirmEvents(List.of(first.path("EventHandle").asText())))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.EventHandle"));
        sdk.confirmEvents(List.of(again.path("EventHandle").asText()));
        assertThat(server.pendingCount()).isZero();
    }

    @Test
    void emptyQueueHoldsThePullForTheWaitThenAnswersAnEmptyEventSet() throws Exception {
        long start = System.nanoTime();

        JsonNode response = sdk.pullEvents();

        assertThat(response.path("EventSet").isArray()).isTrue();
        assertThat(response.path("EventSet")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void eventArrivingDuringALongPollIsReturnedBeforeTheWaitEnds() throws Exception {
        VodApiServer patient = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
                ApiServerSettings.defaults().withPullWait(Duration.ofSeconds(8)));
        try {
            TencentSdkClient client = new TencentSdkClient(patient.endpoint(), SECRET_ID, SECRET_KEY);
            Schedulers.parallel().schedule(() -> patient.enqueue(event("late")),
                    300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            JsonNode response = client.pullEvents();

            assertThat(response.path("EventSet").findValuesAsText("FileId")).containsExactly("late");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            patient.close();
        }
    }

    @Test
    void confirmingUnknownOrTooManyHandlesIsRefusedAndConfirmsNothing() throws Exception {
        server.enqueue(event("f-keep"));
        String handle = TencentSdkClient.handles(sdk.pullEvents()).get(0);

        assertThatThrownBy(() -> sdk.confirmEvents(List.of(handle, "bm90LWEtaGFuZGxl")))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.EventHandle"));
        assertThatThrownBy(() -> sdk.confirmEvents(Collections.nCopies(17, handle)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameter"));
        assertThat(server.confirmedCount()).isZero();
        sdk.confirmEvents(List.of(handle));
        assertThat(server.confirmedCount()).isEqualTo(1);
    }

    private JsonNode withoutHandle(JsonNode delivered) {
        ObjectNode copy = delivered.deepCopy();
        copy.remove("EventHandle");
        return copy;
    }

    static byte[] event(String fileId) {
        return ("{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + fileId + "\"}}").getBytes(UTF_8);
    }
}
