package io.vodflow.cli.vod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.contract.api.VodApiClients;

import java.io.IOException;

/** Calls VOD API 2018-07-17 actions through Tencent's own {@code CommonClient} (TC3-HMAC-SHA256 signing). */
public final class VodApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CommonClient client;

    public VodApiClient(VodConnection connection) {
        this.client = VodApiClients.create(connection.endpoint(), connection.protocol(), connection.secretId(),
                connection.secretKey(), connection.region(), connection.timeout());
    }

    /** The {@code Response} object of a successful call; a {@link VodApiException} otherwise. */
    public JsonNode call(String action, ObjectNode params) {
        String body;
        try {
            body = client.commonRequest(new CommonRequest(params.toString()), action);
        } catch (TencentCloudSDKException e) {
            if (e.getErrorCode() == null || e.getErrorCode().isEmpty()) {
                // no answer from VOD: the SDK wraps the transport error, often with an empty message
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String detail = cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage();
                throw new VodApiException(VodApiException.UNREACHABLE, "no answer from the VOD API ("
                        + cause.getClass().getSimpleName() + detail + ")");
            }
            throw new VodApiException(e.getErrorCode(), e.getMessage());
        }
        try {
            return MAPPER.readTree(body).path("Response");
        } catch (IOException e) {
            throw new VodApiException("InvalidResponse", "VOD answered something that is not JSON");
        }
    }

    /** A fresh parameter object. */
    public static ObjectNode params() {
        return MAPPER.createObjectNode();
    }

    /** Parameters with {@code SubAppId} set when it is not the primary application (0). */
    public static ObjectNode params(long subAppId) {
        ObjectNode params = params();
        if (subAppId > 0) {
            params.put("SubAppId", subAppId);
        }
        return params;
    }
}
