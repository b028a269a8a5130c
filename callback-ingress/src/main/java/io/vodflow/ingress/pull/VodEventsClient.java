package io.vodflow.ingress.pull;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.contract.api.VodApiClients;
import io.vodflow.ingress.IngressProperties;

import java.util.List;

/**
 * PullEvents and ConfirmEvents through Tencent's maintained SDK ({@link CommonClient}, TC3-signed). The calls
 * block, so callers run them on a bounded scheduler; the HTTP timeouts bound each call.
 */
public final class VodEventsClient {
    private final CommonClient client;
    private final PullEventsCodec codec = new PullEventsCodec();
    private final long subAppId;

    public VodEventsClient(IngressProperties.Pull props) {
        this.client = VodApiClients.create(props.endpoint(), props.protocol(), props.secretId(),
                props.secretKey() == null ? "" : props.secretKey().reveal(), props.region(), props.requestTimeout());
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
