package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentPullersTest {

    @Test
    void concurrentPullersNeverReceiveTheSameEvent() throws Exception {
        try (VodApiServer server = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
                ApiServerSettings.defaults().withPullWait(Duration.ofMillis(100)))) {
            for (int i = 0; i < 300; i++) {
                server.enqueue(VodApiServerPullTest.event("f" + i));
            }
            ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
            ExecutorService pullers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int p = 0; p < 4; p++) {
                    done.add(pullers.submit(() -> drain(server, received)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pullers.shutdownNow();
            }

            assertThat(received).hasSize(300).doesNotHaveDuplicates();
            assertThat(server.pendingCount()).isZero();
            assertThat(server.redeliveredCount()).isZero();
        }
    }

    private static Void drain(VodApiServer server, ConcurrentLinkedQueue<String> received) throws Exception {
        TencentSdkClient sdk = new TencentSdkClient(server.endpoint(), SECRET_ID, SECRET_KEY);
        while (true) {
            JsonNode response = sdk.pullEvents();
            if (response.path("EventSet").isEmpty()) {
                return null;
            }
            received.addAll(response.path("EventSet").findValuesAsText("FileId"));
            sdk.confirmEvents(TencentSdkClient.handles(response));
        }
    }
}
