package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.MutableClock;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.callback.CallbackFactory;
import io.vodflow.emulator.callback.Rendition;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DescribeMediaInfos of emulated uploads through Tencent's SDK client (contract-2 §3.2). */
class VodApiServerMediaInfoTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final VodEmulator vod = new VodEmulator(EmulatorSettings.of(SECRET_ID, SECRET_KEY));
    private final VodApiServer api = vod.startApiServer(ApiServerSettings.defaults().withClock(clock));
    private final TencentSdkClient sdk = new TencentSdkClient(api.endpoint(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        vod.close();
    }

    @Test
    void uploadInProgressShowsOnlyTheOriginalAndItsSourceContext() throws Exception {
        UploadedMedia media = upload(41, UploadRequest.of("clip").withCover("jpg"));

        JsonNode info = describe(media.fileId()).path("MediaInfoSet").get(0);

        assertThat(info.path("FileId").asText()).isEqualTo(media.fileId());
        assertThat(info.path("BasicInfo").path("SourceInfo").path("SourceContext").asText()).isEqualTo("{\"sid\":\"s-41\"}");
        assertThat(info.path("BasicInfo").path("CoverUrl").asText()).isEqualTo(media.coverUrl()).endsWith(".jpg");
        assertThat(info.path("MetaData").path("Duration").asDouble()).isEqualTo(60.06);
        assertThat(info.path("TranscodeInfo").path("TranscodeSet")).singleElement()
                .satisfies(item -> assertThat(item.path("Definition").asInt()).isZero())
                .satisfies(item -> assertThat(item.path("Url").asText()).isEqualTo(media.mediaUrl()));
    }

    @Test
    void finishedFlowListsEveryRenditionAndTheSnapshotCover() throws Exception {
        UploadedMedia media = upload(42, UploadRequest.of("clip").withCover("jpg"));
        vod.story(media);

        JsonNode info = describe(media.fileId()).path("MediaInfoSet").get(0);

        assertThat(info.path("TranscodeInfo").path("TranscodeSet").findValuesAsText("Url")).containsExactly(
                media.mediaUrl(), CallbackFactory.renditionUrl(media, Rendition.LD_360P),
                CallbackFactory.renditionUrl(media, Rendition.HD_720P));
        assertThat(info.path("TranscodeInfo").path("TranscodeSet").get(2).path("Width").asInt()).isEqualTo(1280);
        assertThat(info.path("BasicInfo").path("CoverUrl").asText()).isEqualTo(CallbackFactory.snapshotCoverUrl(media));
    }

    @Test
    void failedRenditionIsLeftOut() throws Exception {
        UploadedMedia media = upload(43, UploadRequest.of("clip"));
        vod.failingStory(media);

        JsonNode set = describe(media.fileId()).path("MediaInfoSet").get(0).path("TranscodeInfo").path("TranscodeSet");

        assertThat(set.findValuesAsText("Definition")).containsExactly("0", "100010");
    }

    @Test
    void unknownIdsAreListedNotRefused() throws Exception {
        UploadedMedia media = upload(44, UploadRequest.of("clip"));

        JsonNode response = describe(media.fileId(), "5285890784273533167");

        assertThat(response.path("MediaInfoSet").findValuesAsText("FileId")).containsExactly(media.fileId());
        assertThat(response.path("NotExistFileIdSet").get(0).asText()).isEqualTo("5285890784273533167");
    }

    @Test
    void filtersChooseTheSections() throws Exception {
        UploadedMedia media = upload(45, UploadRequest.of("clip"));

        JsonNode info = sdk.call("DescribeMediaInfos", "{\"FileIds\":[\"" + media.fileId() + "\"],\"Filters\":[\"basicInfo\"]}")
                .path("MediaInfoSet").get(0);

        assertThat(info.path("BasicInfo").path("Name").asText()).isEqualTo("clip");
        assertThat(info.path("TranscodeInfo").isNull()).isTrue();
        assertThat(info.path("MetaData").isNull()).isTrue();
        assertRefused("{\"FileIds\":[\"1\"],\"Filters\":[\"BasicInfo\"]}", "InvalidParameterValue");
    }

    @Test
    void twentyIdsAreAllowedAndTwentyOneAreRefused() throws Exception {
        assertThat(describe(Collections.nCopies(20, "1").toArray(String[]::new)).path("NotExistFileIdSet")).hasSize(1);
        assertRefused("{\"FileIds\":" + json(Collections.nCopies(21, "1")) + "}", "InvalidParameter");
        assertRefused("{}", "MissingParameter");
        assertRefused("{\"FileIds\":[]}", "InvalidParameter");
    }

    @Test
    void moreThanAHundredCallsInOneSecondExceedTheLimit() throws Exception {
        for (int i = 0; i < 100; i++) {
            describe("1");
        }

        assertRefused("{\"FileIds\":[\"1\"]}", "RequestLimitExceeded");
        clock.advance(Duration.ofSeconds(1));
        assertThat(describe("1").path("NotExistFileIdSet")).hasSize(1);
    }

    private UploadedMedia upload(long random, UploadRequest request) {
        long now = System.currentTimeMillis() / 1000;
        return ((UploadResult.Accepted) vod.upload(
                TestSignatures.sign(TestSignatures.oneTimeWithProcedure(now, random)), request)).media();
    }

    private JsonNode describe(String... fileIds) throws TencentCloudSDKException {
        return sdk.call("DescribeMediaInfos", "{\"FileIds\":" + json(List.of(fileIds)) + "}");
    }

    private void assertRefused(String params, String code) {
        assertThatThrownBy(() -> sdk.call("DescribeMediaInfos", params))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
