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
import java.util.Set;

/** DescribeTaskDetail through Tencent's SDK (TC3-signed {@link CommonClient}); blocking, so callers use a bounded scheduler. */
public class VodTaskClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** VOD's "task ID does not exist" (contract-2 §3.1). */
    private static final String UNKNOWN_TASK = "InvalidParameterValue.TaskId";
    private static final String NOT_FOUND = "ResourceNotFound";
    private static final Set<String> TERMINAL = Set.of("FINISH", "ABORTED");
    private final CommonClient client;

    public VodTaskClient(ProcessorProperties.Reconcile props) {
        this.client = VodApiClients.create(props.endpoint(), props.protocol(), props.secretId(),
                props.secretKey() == null ? "" : props.secretKey().reveal(), props.region(), props.requestTimeout());
    }

    /**
     * The task as a v3 ProcedureStateChanged callback body, so it takes the processor's normal path; empty when
     * VOD does not know the task in that sub-application (e.g. older than DescribeTaskDetail's retention) or it is
     * not a task flow. {@code subAppId} 0 = the primary application (no SubAppId sent).
     */
    public Optional<byte[]> procedureStateChanged(String taskId, long subAppId) {
        String response;
        try {
            ObjectNode request = JSON.createObjectNode().put("TaskId", taskId);
            if (subAppId > 0) {
                request.put("SubAppId", subAppId);
            }
            response = client.call("DescribeTaskDetail", request.toString());
        } catch (TencentCloudSDKException e) {
            String code = e.getErrorCode() == null ? "" : e.getErrorCode();
            if (code.equals(UNKNOWN_TASK) || code.startsWith(NOT_FOUND)) {
                return Optional.empty();
            }
            // anything else (a SubAppId VOD refuses, auth, limits) is an error to see, not a task to forget;
            // the SDK's message may quote the request, so keep the code only
            throw new IllegalStateException("DescribeTaskDetail failed: " + code);
        }
        try {
            JsonNode root = JSON.readTree(response);
            JsonNode detail = root.has("Response") ? root.get("Response") : root;
            JsonNode task = detail.path("ProcedureTask");
            if (!task.isObject() || task.path("TaskId").asText("").isEmpty()) {
                return Optional.empty();
            }
            String top = detail.path("Status").asText("");
            if (TERMINAL.contains(top) && !top.equals(task.path("Status").asText())) {
                // the ProcedureTask only knows PROCESSING and FINISH; an aborted flow says so at the top level
                ((ObjectNode) task).put("Status", top);
            }
            ObjectNode body = JSON.createObjectNode().put("EventType", "ProcedureStateChanged");
            body.set("ProcedureStateChangeEvent", task);
            return Optional.of(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("DescribeTaskDetail answered with unreadable JSON");
        }
    }
}
