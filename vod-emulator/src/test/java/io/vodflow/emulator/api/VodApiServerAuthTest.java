package io.vodflow.emulator.api;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.emulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TC3 verification and action dispatch, through Tencent's SDK client and a raw HTTP client. */
class VodApiServerAuthTest {

    private final VodApiServer server = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
            ApiServerSettings.defaults().withPullWait(Duration.ZERO));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wrongSecretKeyIsRefusedWithSignatureFailure() {
        server.enqueue(VodApiServerPullTest.event("f1"));
        TencentSdkClient forger = new TencentSdkClient(server.endpoint(), SECRET_ID, "not-the-secret-key");

        assertErrorCode(forger::pullEvents, "AuthFailure.SignatureFailure");
        assertThat(server.pulledCount()).isZero();
    }

    @Test
    void unknownSecretIdIsRefused() {
        TencentSdkClient stranger = new TencentSdkClient(server.endpoint(), "AKIDstranger", SECRET_KEY);

        assertErrorCode(stranger::pullEvents, "AuthFailure.SecretIdNotFound");
    }

    @Test
    void requestMoreThanFiveMinutesOffServerTimeIsRefused() {
        MutableClock tenMinutesAhead = new MutableClock(Instant.now().plus(Duration.ofMinutes(10)));
        try (VodApiServer ahead = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
                ApiServerSettings.defaults().withClock(tenMinutesAhead))) {
            TencentSdkClient sdk = new TencentSdkClient(ahead.endpoint(), SECRET_ID, SECRET_KEY);

            assertErrorCode(sdk::pullEvents, "AuthFailure.SignatureExpire");
        }
    }

    @Test
    void unknownActionIsInvalidAction() {
        TencentSdkClient sdk = new TencentSdkClient(server.endpoint(), SECRET_ID, SECRET_KEY);

        assertErrorCode(() -> sdk.call("DescribeMediaInfosNope", "{}"), "InvalidAction");
    }

    @Test
    void unknownTaskIdIsAnInvalidParameterValue() {
        TencentSdkClient sdk = new TencentSdkClient(server.endpoint(), SECRET_ID, SECRET_KEY);

        assertErrorCode(() -> sdk.call("DescribeTaskDetail", "{\"TaskId\":\"1500000001-Procedure-nope\"}"),
                "InvalidParameterValue.TaskId");
    }

    @Test
    void unsignedRequestGetsATc3ErrorEnvelopeWithStatus200() {
        var response = HttpClient.create()
                .headers(h -> h.set("X-TC-Action", "PullEvents").set("Content-Type", "application/json"))
                .post().uri(server.baseUrl() + "/")
                .send(ByteBufFlux.fromString(Mono.just("{}")))
                .responseSingle((res, body) -> body.asString().map(text -> res.status().code() + " " + text))
                .block(Duration.ofSeconds(10));

        assertThat(response).startsWith("200 ")
                .contains("\"Error\":{\"Code\":\"AuthFailure.InvalidAuthorization\"").contains("\"RequestId\":");
    }

    private static void assertErrorCode(SdkCall call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    @FunctionalInterface
    private interface SdkCall {
        Object run() throws TencentCloudSDKException;
    }
}
