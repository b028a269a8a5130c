package io.vodflow.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Calls a {@link VodApiServer} through Tencent's own {@code CommonClient}, as the ingress will. */
public final class TencentSdkClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CommonClient client;

    public TencentSdkClient(String endpoint, String secretId, String secretKey) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReadTimeout(10);
        ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
        this.client = new CommonClient("vod", "2018-07-17", new Credential(secretId, secretKey), "", profile);
    }

    /** The {@code Response} object of a successful call. */
    public JsonNode call(String action, String jsonParams) throws TencentCloudSDKException {
        String body = client.commonRequest(new CommonRequest(jsonParams), action);
        try {
            return MAPPER.readTree(body).path("Response");
        } catch (IOException e) {
            throw new IllegalStateException("SDK returned non-JSON", e);
        }
    }

    public JsonNode pullEvents() throws TencentCloudSDKException {
        return call("PullEvents", "{}");
    }

    public void confirmEvents(List<String> handles) throws TencentCloudSDKException {
        try {
            call("ConfirmEvents", MAPPER.writeValueAsString(Map.of("EventHandles", handles)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> handles(JsonNode pullResponse) {
        return pullResponse.path("EventSet").findValuesAsText("EventHandle");
    }
}
