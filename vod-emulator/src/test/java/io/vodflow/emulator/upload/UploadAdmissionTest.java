package io.vodflow.emulator.upload;

import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.MutableClock;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadResult.Accepted;
import io.vodflow.emulator.upload.UploadResult.RefusalReason;
import io.vodflow.emulator.upload.UploadResult.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.vodflow.emulator.TestSignatures.SECRET_ID;
import static io.vodflow.emulator.TestSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;

/** VOD accepts a valid signature, once only when it is one-time, and never a forged one. */
class UploadAdmissionTest {

    private static final long NOW = 1_700_000_000L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final VodEmulator vod = new VodEmulator(
            EmulatorSettings.of(SECRET_ID, TestSignatures.SECRET_KEY).withClock(clock));

    @Test
    void acceptedUploadGetsVodShapedFileIdUrlsAndTaskId() {
        UploadResult result = vod.upload(sign(TestSignatures.oneTimeWithProcedure(NOW, 1)),
                UploadRequest.of("holiday-clip").withCover("jpg"));

        Accepted accepted = (Accepted) result;
        assertThat(accepted.fileId()).matches("[1-9][0-9]{18}");
        assertThat(accepted.mediaUrl()).matches(
                "http://1500000001\\.vod2\\.myqcloud\\.com/[0-9a-f]{8}vodcq1500000001/[0-9a-f]{4}"
                        + accepted.fileId() + "/[A-Za-z0-9]{6}\\.mp4");
        assertThat(accepted.coverUrl()).endsWith(".jpg").startsWith("http://1500000001.vod2.myqcloud.com/");
        assertThat(accepted.procedureTaskId()).matches("1500000001-Procedure-[0-9a-f]{32}t0");
        assertThat(vod.media(accepted.fileId())).contains(accepted.media());
        assertThat(accepted.media().sourceContext()).isEqualTo("{\"sid\":\"s-1\"}");
    }

    @Test
    void uploadWithoutProcedureHasNoTaskIdAndNoCover() {
        Accepted accepted = (Accepted) vod.upload(sign(TestSignatures.plain(NOW, 2)), UploadRequest.of("clip"));

        assertThat(accepted.procedureTaskId()).isEmpty();
        assertThat(accepted.coverUrl()).isEmpty();
    }

    @Test
    void reusableSignatureMayUploadTwice() {
        String signature = sign(TestSignatures.plain(NOW, 3));

        assertThat(vod.upload(signature, UploadRequest.of("a"))).isInstanceOf(Accepted.class);
        assertThat(vod.upload(signature, UploadRequest.of("b"))).isInstanceOf(Accepted.class);
    }

    @Test
    void oneTimeSignatureIsRefusedTheSecondTime() {
        String signature = sign(TestSignatures.oneTimeWithProcedure(NOW, 4));

        assertThat(vod.upload(signature, UploadRequest.of("a"))).isInstanceOf(Accepted.class);
        assertRefused(vod.upload(signature, UploadRequest.of("a")), RefusalReason.DUPLICATE_SIGNATURE);
    }

    @Test
    void oneTimeSignatureRepeatingTimestampAndRandomIsADuplicateEvenWhenOtherwiseDifferent() {
        UploadSignatureParams first = TestSignatures.oneTimeWithProcedure(NOW, 5);
        UploadSignatureParams second = new UploadSignatureParams(SECRET_ID, NOW, NOW + 60, 5, null, null, null,
                null, "other-context", 1, null, null, null);

        assertThat(vod.upload(sign(first), UploadRequest.of("a"))).isInstanceOf(Accepted.class);
        Refused refused = assertRefused(vod.upload(sign(second), UploadRequest.of("b")),
                RefusalReason.DUPLICATE_SIGNATURE);
        assertThat(refused.message()).contains("duplicate signature");
    }

    @Test
    void forgedOneTimeSignatureDoesNotUseUpTheRealOne() {
        UploadSignatureParams params = TestSignatures.oneTimeWithProcedure(NOW, 6);

        assertRefused(vod.upload(sign(params, "not-the-key"), UploadRequest.of("a")), RefusalReason.SIGNATURE_MISMATCH);
        assertThat(vod.upload(sign(params), UploadRequest.of("a"))).isInstanceOf(Accepted.class);
    }

    @Test
    void unknownSecretIdIsRefused() {
        UploadSignatureParams params = new UploadSignatureParams("AKIDsomeoneElse", NOW, NOW + 60, 7, null, null,
                null, null, null, null, null, null, null);

        assertRefused(vod.upload(sign(params), UploadRequest.of("a")), RefusalReason.UNKNOWN_SECRET_ID);
    }

    private static Refused assertRefused(UploadResult result, RefusalReason reason) {
        assertThat(result).isInstanceOf(Refused.class);
        Refused refused = (Refused) result;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.message()).doesNotContain(TestSignatures.SECRET_KEY);
        return refused;
    }
}
