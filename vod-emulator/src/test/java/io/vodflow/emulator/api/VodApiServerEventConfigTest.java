package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.emulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ModifyEventConfig / DescribeEventConfig through Tencent's SDK client (contract-2 §2). */
class VodApiServerEventConfigTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final VodApiServer server = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
            ApiServerSettings.defaults().withClock(clock));
    private final TencentSdkClient sdk = new TencentSdkClient(server.endpoint(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void neverConfiguredSubAppHasEverySwitchOffAndNoUrl() throws Exception {
        JsonNode config = sdk.call("DescribeEventConfig", "{\"SubAppId\":1500000123}");

        assertThat(config.path("UploadMediaCompleteEventSwitch").asText()).isEqualTo("OFF");
        assertThat(config.path("DeleteMediaCompleteEventSwitch").asText()).isEqualTo("OFF");
        assertThat(config.path("PersistenceCompleteEventSwitch").asText()).isEqualTo("OFF");
        assertThat(config.path("NotificationUrl").asText()).isEmpty();
        assertThat(config.path("Mode").asText()).isEqualTo("PUSH");
    }

    @Test
    void modifiedConfigIsDescribedWithoutItsSignKeyAndReadableFromTheStore() throws Exception {
        sdk.call("ModifyEventConfig", "{\"SubAppId\":7,\"Mode\":\"PUSH\",\"NotificationUrl\":\"https://cb.example/v1/vod/callbacks\","
                + "\"UploadMediaCompleteEventSwitch\":\"ON\",\"DeleteMediaCompleteEventSwitch\":\"ON\",\"SignKey\":\"VodCbKey2024abc\"}");

        JsonNode described = sdk.call("DescribeEventConfig", "{\"SubAppId\":7}");

        assertThat(described.path("NotificationUrl").asText()).isEqualTo("https://cb.example/v1/vod/callbacks");
        assertThat(described.path("UploadMediaCompleteEventSwitch").asText()).isEqualTo("ON");
        assertThat(described.path("DeleteMediaCompleteEventSwitch").asText()).isEqualTo("ON");
        assertThat(described.has("SignKey")).isFalse();
        assertThat(described.toString()).doesNotContain("VodCbKey2024abc");
        EventConfig stored = server.eventConfigs().current(7);
        assertThat(stored.signKey()).isEqualTo("VodCbKey2024abc");
        assertThat(stored.toString()).doesNotContain("VodCbKey2024abc");
        assertThat(server.eventConfigs().current(0)).isEqualTo(EventConfig.defaults());
    }

    @Test
    void absentFieldsStayAndAnEmptyUrlClearsTheUrl() throws Exception {
        sdk.call("ModifyEventConfig", "{\"NotificationUrl\":\"http://a.example/cb\",\"UploadMediaCompleteEventSwitch\":\"ON\","
                + "\"SignKey\":\"abc123\"}");
        sdk.call("ModifyEventConfig", "{\"Mode\":\"PULL\"}");
        assertThat(server.eventConfigs().current(0))
                .isEqualTo(new EventConfig("PULL", "http://a.example/cb", "ON", "OFF", "OFF", "abc123"));

        sdk.call("ModifyEventConfig", "{\"NotificationUrl\":\"\"}");

        assertThat(sdk.call("DescribeEventConfig", "{}").path("NotificationUrl").asText()).isEmpty();
        assertThat(server.eventConfigs().current(0).signKeySet()).isTrue();
    }

    @Test
    void invalidValuesAreRefusedAndChangeNothing() {
        assertRefused("{\"Mode\":\"QUEUE\"}", "InvalidParameterValue");
        assertRefused("{\"UploadMediaCompleteEventSwitch\":\"on\"}", "InvalidParameterValue");
        assertRefused("{\"SignKey\":\"has-dash\"}", "InvalidParameterValue");
        assertRefused("{\"SignKey\":\"" + "a".repeat(33) + "\"}", "InvalidParameterValue");
        assertRefused("{\"NotificationUrl\":\"ftp://x\"}", "InvalidParameterValue");
        assertRefused("{\"SubAppId\":\"seven\"}", "InvalidParameter");
        assertRefused("{\"Mode\":\"PULL\",\"SignKey\":\"bad key\"}", "InvalidParameterValue");

        assertThat(server.eventConfigs().current(0)).isEqualTo(EventConfig.defaults());
    }

    @Test
    void signKeyErrorNeverEchoesTheKey() {
        assertThatThrownBy(() -> sdk.call("ModifyEventConfig", "{\"SignKey\":\"Secret-With-Dash\"}"))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("Secret-With-Dash"));
    }

    @Test
    void moreThanTwentyConfigCallsInOneSecondExceedTheLimitUntilTheNextSecond() throws Exception {
        for (int i = 0; i < 20; i++) {
            sdk.call("DescribeEventConfig", "{}");
        }

        assertRefusedCall("DescribeEventConfig", "{}", "RequestLimitExceeded");
        sdk.call("ModifyEventConfig", "{}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sdk.call("DescribeEventConfig", "{}").path("Mode").asText()).isEqualTo("PUSH");
    }

    private void assertRefused(String params, String code) {
        assertRefusedCall("ModifyEventConfig", params, code);
    }

    private void assertRefusedCall(String action, String params, String code) {
        assertThatThrownBy(() -> sdk.call(action, params)).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }
}
