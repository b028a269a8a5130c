package io.vodflow.contract.api;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;

import java.time.Duration;

/**
 * Builds Tencent's TC3-signing {@link CommonClient} for the VOD API (2018-07-17), the one way every vodflow
 * component calls VOD. The SDK is an optional dependency of vod-contract: modules that call VOD declare it.
 */
public final class VodApiClients {
    /** Service name of VOD in TC3 signatures. */
    public static final String SERVICE = "vod";
    /** API version vodflow speaks. */
    public static final String VERSION = "2018-07-17";

    private VodApiClients() { }

    /**
     * @param endpoint host[:port], e.g. {@code vod.tencentcloudapi.com} or an emulator's {@code 127.0.0.1:port}
     * @param protocol {@code https} or {@code http}
     * @param timeout  connect, read and write timeout of each call (at least one second)
     */
    public static CommonClient create(String endpoint, String protocol, String secretId, String secretKey, String region,
                                      Duration timeout) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol("http".equalsIgnoreCase(protocol) ? HttpProfile.REQ_HTTP : HttpProfile.REQ_HTTPS);
        http.setReqMethod(HttpProfile.REQ_POST);
        int seconds = (int) Math.max(1, timeout.toSeconds());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
        return new CommonClient(SERVICE, VERSION, new Credential(secretId, secretKey == null ? "" : secretKey),
                region == null ? "" : region, profile);
    }
}
