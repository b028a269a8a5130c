package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.MutableClock;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SearchMedia by creation time through Tencent's SDK client. */
class VodApiServerSearchMediaTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final VodEmulator vod = new VodEmulator(EmulatorSettings.of(SECRET_ID, SECRET_KEY).withClock(clock));
    private final VodApiServer api = vod.startApiServer(ApiServerSettings.defaults());
    private final TencentSdkClient sdk = new TencentSdkClient(api.endpoint(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        vod.close();
    }

    @Test
    void createTimeRangeIncludesAfterExcludesBeforeAndSortsAscending() throws Exception {
        UploadedMedia first = upload(1);
        clock.advance(Duration.ofHours(1));
        UploadedMedia second = upload(2);
        clock.advance(Duration.ofHours(1));
        upload(3);

        JsonNode found = sdk.call("SearchMedia", "{\"CreateTime\":{\"After\":\"" + T0 + "\",\"Before\":\"2026-11-20T12:00:00Z\"},"
                + "\"Sort\":{\"Field\":\"CreateTime\",\"Order\":\"Asc\"},\"Limit\":100}");

        assertThat(found.path("TotalCount").asInt()).isEqualTo(2);
        assertThat(found.path("MediaInfoSet").findValuesAsText("FileId")).containsExactly(first.fileId(), second.fileId());
        assertThat(found.path("MediaInfoSet").get(0).path("BasicInfo").path("SourceInfo").path("SourceContext").asText())
                .isEqualTo(first.sourceContext());
    }

    @Test
    void pagesWithOffsetAndLimitUpToFiveThousand() throws Exception {
        for (int i = 0; i < 5; i++) {
            upload(10 + i);
            clock.advance(Duration.ofSeconds(1));
        }

        JsonNode page = sdk.call("SearchMedia", "{\"Sort\":{\"Field\":\"CreateTime\",\"Order\":\"Asc\"},\"Offset\":2,\"Limit\":2}");

        assertThat(page.path("TotalCount").asInt()).isEqualTo(5);
        assertThat(page.path("MediaInfoSet")).hasSize(2);
        assertThat(sdk.call("SearchMedia", "{}").path("MediaInfoSet")).hasSize(5);
        assertThatThrownBy(() -> sdk.call("SearchMedia", "{\"Offset\":4990,\"Limit\":20}"))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sdk.call("SearchMedia", "{\"CreateTime\":{\"After\":\"yesterday\"}}"))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue"));
    }

    private UploadedMedia upload(long random) {
        long now = clock.instant().getEpochSecond();
        return ((UploadResult.Accepted) vod.upload(TestSignatures.sign(TestSignatures.plain(now, random)),
                UploadRequest.of("clip-" + random))).media();
    }
}
