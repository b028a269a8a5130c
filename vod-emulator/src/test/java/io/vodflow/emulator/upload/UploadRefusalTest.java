package io.vodflow.emulator.upload;

import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.MutableClock;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadResult.Accepted;
import io.vodflow.emulator.upload.UploadResult.RefusalReason;
import io.vodflow.emulator.upload.UploadResult.Refused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;

/** VOD refuses signatures outside their validity window or with parameters beyond the limits. */
class UploadRefusalTest {

    private static final long NOW = 1_700_000_000L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final VodEmulator vod = new VodEmulator(
            EmulatorSettings.of(SECRET_ID, TestSignatures.SECRET_KEY).withClock(clock));

    @Test
    void signatureIsRefusedOnceExpireTimeHasPassedButNotAtIt() {
        String signature = sign(TestSignatures.plain(NOW, 8));
        clock.advance(Duration.ofSeconds(3600));
        assertThat(vod.upload(signature, UploadRequest.of("a"))).isInstanceOf(Accepted.class);

        clock.advance(Duration.ofSeconds(1));
        Refused refused = assertRefused(vod.upload(signature, UploadRequest.of("a")), RefusalReason.EXPIRED);
        assertThat(refused.code()).isEqualTo(Refused.REQUEST_FAILED);
    }

    @Test
    void timestampInTheFutureIsRefusedBeyondTheSkewAllowance() {
        String withinSkew = sign(TestSignatures.plain(NOW + 300, 9));
        String beyondSkew = sign(TestSignatures.plain(NOW + 301, 10));

        assertThat(vod.upload(withinSkew, UploadRequest.of("a"))).isInstanceOf(Accepted.class);
        assertRefused(vod.upload(beyondSkew, UploadRequest.of("a")), RefusalReason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void validityLongerThanNinetyDaysIsRefused() {
        String original = "secretId=" + SECRET_ID + "&currentTimeStamp=" + NOW + "&expireTime=" + (NOW + 7_776_001)
                + "&random=11";

        assertRefused(vod.upload(TestSignatures.signOriginal(original), UploadRequest.of("a")),
                RefusalReason.INVALID_VALIDITY);
    }

    @Test
    void sourceContextOver250CharactersIsRefused() {
        assertRefused(vod.upload(TestSignatures.signOriginal(original("sourceContext", 251)), UploadRequest.of("a")),
                RefusalReason.SOURCE_CONTEXT_TOO_LONG);
        assertThat(vod.upload(TestSignatures.signOriginal(original("sourceContext", 250)), UploadRequest.of("a")))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void sessionContextOver1000CharactersIsRefused() {
        assertRefused(vod.upload(TestSignatures.signOriginal(original("sessionContext", 1001)), UploadRequest.of("a")),
                RefusalReason.SESSION_CONTEXT_TOO_LONG);
    }

    @Test
    void parameterBreakingAnotherContractRuleIsRefused() {
        String original = "secretId=" + SECRET_ID + "&currentTimeStamp=" + NOW + "&expireTime=" + (NOW + 60)
                + "&random=12&procedure=P&taskNotifyMode=Sometimes";

        Refused refused = assertRefused(vod.upload(TestSignatures.signOriginal(original), UploadRequest.of("a")),
                RefusalReason.INVALID_PARAMETER);
        assertThat(refused.message()).contains("taskNotifyMode");
    }

    @Test
    void garbageAndEmptySignaturesAreRefusedWithTheSdkCodes() {
        assertRefused(vod.upload("not base64 at all", UploadRequest.of("a")), RefusalReason.MALFORMED_SIGNATURE);
        Refused empty = assertRefused(vod.upload("", UploadRequest.of("a")), RefusalReason.EMPTY_SIGNATURE);
        assertThat(empty.code()).isEqualTo(Refused.SIGNATURE_EMPTY);
    }

    private static String original(String key, int length) {
        return "secretId=" + SECRET_ID + "&currentTimeStamp=" + NOW + "&expireTime=" + (NOW + 60) + "&random=13&"
                + key + "=" + "x".repeat(length);
    }

    private static Refused assertRefused(UploadResult result, RefusalReason reason) {
        assertThat(result).isInstanceOf(Refused.class);
        Refused refused = (Refused) result;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.message()).doesNotContain(TestSignatures.SECRET_KEY);
        return refused;
    }
}
