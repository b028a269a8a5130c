package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DescribeTaskDetail through Tencent's SDK client: sub-applications and aborted task flows (contract-2 §3.1). */
class VodApiServerTaskDetailTest {

    private final VodApiServer api = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY), ApiServerSettings.defaults());
    private final TencentSdkClient sdk = new TencentSdkClient(api.endpoint(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aTaskOfASubApplicationIsDescribedOnlyWithItsSubAppId() throws Exception {
        api.tasks().record(1500000007L, procedure("t-sub", "PROCESSING"));

        JsonNode detail = sdk.call("DescribeTaskDetail", "{\"TaskId\":\"t-sub\",\"SubAppId\":1500000007}");

        assertThat(detail.path("Status").asText()).isEqualTo("PROCESSING");
        assertThat(detail.path("ProcedureTask").path("TaskId").asText()).isEqualTo("t-sub");
        assertThatThrownBy(() -> sdk.call("DescribeTaskDetail", "{\"TaskId\":\"t-sub\"}"))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(VodApiError.INVALID_TASK_ID));
        assertThatThrownBy(() -> sdk.call("DescribeTaskDetail", "{\"TaskId\":\"t-sub\",\"SubAppId\":1500000008}"))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(VodApiError.INVALID_TASK_ID));
    }

    @Test
    void anAbortedTaskSaysSoAtTheTopWhileItsProcedureTaskKeepsTheLastState() throws Exception {
        api.tasks().record(procedure("t-abort", "PROCESSING"));
        api.tasks().abort("t-abort");
        api.tasks().record(procedure("t-abort", "FINISH"));

        JsonNode detail = sdk.call("DescribeTaskDetail", "{\"TaskId\":\"t-abort\"}");

        assertThat(detail.path("Status").asText()).isEqualTo("ABORTED");
        assertThat(detail.path("ProcedureTask").path("Status").asText()).isEqualTo("PROCESSING");
    }

    private static byte[] procedure(String taskId, String status) {
        return ("{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{\"TaskId\":\"" + taskId
                + "\",\"Status\":\"" + status + "\",\"FileId\":\"f-1\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
