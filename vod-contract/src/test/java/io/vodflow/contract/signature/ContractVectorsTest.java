package io.vodflow.contract.signature;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract 1.4 Vectors A and B, byte for byte. */
class ContractVectorsTest {

    static final String A_KEY = "IamSecretKey";
    static final String A_ORIGINAL =
            "secretId=IamSecretId&currentTimeStamp=1571215095&expireTime=1886575095&random=220625";
    static final String A_SIGNATURE = "aG6ZX3aZf+6tg/yRDZdRSNtM39lzZWNyZXRJZD1JYW1TZWNyZXRJZCZjdXJyZW50VGltZVN0YW1wPTE1"
            + "NzEyMTUwOTUmZXhwaXJlVGltZT0xODg2NTc1MDk1JnJhbmRvbT0yMjA2MjU=";

    static final String B_KEY = "VodTestSecretKey0123456789abcdef";
    static final String B_ORIGINAL = "secretId=AKIDvodTestSecretId0000000000000000&currentTimeStamp=1700000000"
            + "&expireTime=1700086400&random=3210987654&procedure=LongVideoPreset&taskNotifyMode=Change"
            + "&oneTimeValid=1&vodSubAppId=1500000001"
            + "&sourceContext=%7B%22uid%22%3A%22u-42%22%2C%22n%22%3A%22a%20b%22%7D&sessionContext=ctx-7f3a";
    static final String B_SIGNATURE = "nZU3IUXPImaBUqM2Df0fKHnPXXJzZWNyZXRJZD1BS0lEdm9kVGVzdFNlY3JldElkMDAwMDAwMDAwMDAw"
            + "MDAwMCZjdXJyZW50VGltZVN0YW1wPTE3MDAwMDAwMDAmZXhwaXJlVGltZT0xNzAwMDg2NDAwJnJhbmRvbT0zMjEwOTg3NjU0JnByb2Nl"
            + "ZHVyZT1Mb25nVmlkZW9QcmVzZXQmdGFza05vdGlmeU1vZGU9Q2hhbmdlJm9uZVRpbWVWYWxpZD0xJnZvZFN1YkFwcElkPTE1MDAwMDAw"
            + "MDEmc291cmNlQ29udGV4dD0lN0IlMjJ1aWQlMjIlM0ElMjJ1LTQyJTIyJTJDJTIybiUyMiUzQSUyMmElMjBiJTIyJTdEJnNlc3Npb25D"
            + "b250ZXh0PWN0eC03ZjNh";

    static final UploadSignatureParams B_PARAMS = new UploadSignatureParams("AKIDvodTestSecretId0000000000000000",
            1700000000L, 1700086400L, 3210987654L, null, "LongVideoPreset", null, "Change",
            "{\"uid\":\"u-42\",\"n\":\"a b\"}", 1, 1500000001L, "ctx-7f3a", null);

    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    @Test
    void vectorAOriginalSignsToThePublishedSignature() {
        assertThat(codec.signOriginal(A_ORIGINAL, A_KEY)).isEqualTo(A_SIGNATURE);
    }

    @Test
    void vectorADecodesToItsHmacOriginalAndParameters() {
        DecodedSignature decoded = codec.decode(A_SIGNATURE);

        assertThat(HexFormat.of().formatHex(decoded.mac())).isEqualTo("686e995f76997feead83fc910d975148db4cdfd9");
        assertThat(decoded.original()).isEqualTo(A_ORIGINAL);
        assertThat(decoded.params()).isEqualTo(new UploadSignatureParams("IamSecretId", 1571215095L, 1886575095L,
                220625L, null, null, null, null, null, null, null, null, null));
        assertThat(codec.verify(A_SIGNATURE, A_KEY)).isTrue();
    }

    @Test
    void vectorAParametersBreakTheNinetyDayRuleSoSignRefusesThem() {
        UploadSignatureParams a = codec.decode(A_SIGNATURE).params();

        assertThatThrownBy(() -> codec.sign(a, A_KEY))
                .isInstanceOfSatisfying(SignatureParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("expireTime"));
    }

    @Test
    void vectorBParametersSignToThePublishedSignatureByteForByte() {
        assertThat(codec.sign(B_PARAMS, B_KEY)).isEqualTo(B_SIGNATURE);
    }

    @Test
    void vectorBDecodesToItsHmacOriginalAndRawSourceContext() {
        DecodedSignature decoded = codec.decode(B_SIGNATURE);

        assertThat(HexFormat.of().formatHex(decoded.mac())).isEqualTo("9d95372145cf22668152a3360dfd1f2879cf5d72");
        assertThat(decoded.original()).isEqualTo(B_ORIGINAL);
        assertThat(decoded.params()).isEqualTo(B_PARAMS);
        assertThat(decoded.params().sourceContext()).isEqualTo("{\"uid\":\"u-42\",\"n\":\"a b\"}");
        assertThat(codec.verify(B_SIGNATURE, B_KEY)).isTrue();
    }

    @Test
    void vectorsDoNotVerifyUnderAnotherKey() {
        assertThat(codec.verify(A_SIGNATURE, B_KEY)).isFalse();
        assertThat(codec.verify(B_SIGNATURE, A_KEY)).isFalse();
        assertThat(codec.verify(B_SIGNATURE, B_KEY + "x")).isFalse();
    }

    @Test
    void optionalKeysAbsentFromVectorBTakeTheirDocumentedPlaces() {
        UploadSignatureParams all = new UploadSignatureParams("id", 1L, 2L, 3L, 4, "p", -5, "None", "s", 0, 6L, "c",
                "ap-chongqing");

        String original = codec.decode(codec.sign(all, "k")).original();

        assertThat(original).isEqualTo("secretId=id&currentTimeStamp=1&expireTime=2&random=3&classId=4&procedure=p"
                + "&taskPriority=-5&taskNotifyMode=None&oneTimeValid=0&vodSubAppId=6&sourceContext=s"
                + "&sessionContext=c&storageRegion=ap-chongqing");
    }
}
