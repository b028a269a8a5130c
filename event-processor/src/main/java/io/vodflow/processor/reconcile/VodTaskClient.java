package io.vodflow.processor.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.contract.api.VodApiClients;
import io.vodflow.processor.config.ProcessorProperties;

import java.io.IOException;
import java.util.Optional;

/** DescribeTaskDetail through Tencent's SDK (TC3-signed {@link CommonClient}); blocking, so callers use a bounded scheduler. */
public class VodTaskClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommonClient client;

    public VodTaskClient(ProcessorProperties.Reconcile props) {
        this.client = VodApiClients.create(props.endpoint(), props.protocol(), props.secretId(),
                props.secretKey() == null ? "" : props.secretKey().reveal(), props.region(), props.requestTimeout());
    }

    /**
     * The task as a v3 ProcedureStateChanged callback body, so it takes the processor's normal path; empty when
     * VOD does not know the task (e.g. older than DescribeTaskDetail's retention) or it is not a task flow.
     */
    public Optional<byte[]> procedureStateChanged(String taskId) {
        String response;
        try {
            ObjectNode request = JSON.createObjectNode().put("TaskId", taskId);
            response = client.call("DescribeTaskDetail", request.toString());
        } catch (TencentCloudSDKException e) {
            if (e.getErrorCode() != null && e.getErrorCode().startsWith("InvalidParameter")) {
                return Optional.empty();
            }
            // the SDK's message may quote the request; keep the code only
            throw new IllegalStateException("DescribeTaskDetail failed: " + e.getErrorCode());
        }
        try {
            JsonNode root = JSON.readTree(response);
            JsonNode task = root.has("Response") ? root.get("Response").path("ProcedureTask") : root.path("ProcedureTask");
            if (!task.isObject() || task.path("TaskId").asText("").isEmpty()) {
                return Optional.empty();
            }
            ObjectNode body = JSON.createObjectNode().put("EventType", "ProcedureStateChanged");
            body.set("ProcedureStateChangeEvent", task);
            return Optional.of(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("DescribeTaskDetail answered with unreadable JSON");
        }
    }
}
