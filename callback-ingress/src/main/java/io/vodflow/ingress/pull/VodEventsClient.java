package io.vodflow.ingress.pull;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.vodflow.ingress.IngressProperties;

import java.util.List;

/**
 * PullEvents and ConfirmEvents through Tencent's maintained SDK ({@link CommonClient}, TC3-signed). The calls
 * block, so callers run them on a bounded scheduler; the HTTP timeouts bound each call.
 */
public final class VodEventsClient {
    static final String SERVICE = "vod";
    static final String VERSION = "2018-07-17";
    private final CommonClient client;
    private final PullEventsCodec codec = new PullEventsCodec();
    private final long subAppId;

    public VodEventsClient(IngressProperties.Pull props) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(props.endpoint());
        http.setProtocol(props.protocol() + "://");
        http.setReqMethod(HttpProfile.REQ_POST);
        int seconds = (int) Math.max(1, props.requestTimeout().toSeconds());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        String secretKey = props.secretKey() == null ? "" : props.secretKey().reveal();
        this.client = new CommonClient(SERVICE, VERSION, new Credential(props.secretId(), secretKey), props.region(), profile);
        this.subAppId = props.subAppId();
    }

    /** Long-polls for up to 16 events (VOD holds an empty poll for up to 5 s). Blocking. */
    public List<PulledEvent> pull() {
        return codec.events(call("PullEvents", codec.pullRequest(subAppId)));
    }

    /** Confirms delivered events so VOD stops redelivering them. Blocking. */
    public void confirm(List<String> handles) {
        codec.requireSuccess(call("ConfirmEvents", codec.confirmRequest(handles, subAppId)));
    }

    private String call(String action, String params) {
        try {
            return client.call(action, params);
        } catch (TencentCloudSDKException e) {
            // the SDK's message may quote the request; keep only the code and a fixed phrase
            throw new VodApiException(e.getErrorCode() == null ? "ClientError" : e.getErrorCode(), action + " failed", null);
        }
    }
}
