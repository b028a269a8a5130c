package io.vodflow.contract.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What decode accepts and refuses as the form of a signature. */
class SignatureDecodeTest {

    private static final String REQUIRED = "secretId=id&currentTimeStamp=100&expireTime=200&random=7";
    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    private String signed(String original) {
        return codec.signOriginal(original, "k");
    }

    private static String wrap(byte[] payload) {
        byte[] raw = new byte[20 + payload.length];
        System.arraycopy(payload, 0, raw, 20, payload.length);
        return Base64.getEncoder().encodeToString(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "aG6ZX3aZf-6tg_yRDZdR", "aG6ZX3aZf+6tg/yR\nDZdRSNtM39lz", "QUJD"})
    void refusesStringsThatAreNotCanonicalStandardBase64OfASignature(String input) {
        assertThatThrownBy(() -> codec.decode(input)).isInstanceOf(SignatureFormatException.class);
        assertThat(codec.verify(input, "k")).isFalse();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(SignatureFormatException.class);
        assertThat(codec.verify(null, "k")).isFalse();
    }

    @Test
    void refusesUnpaddedBase64() {
        String unpadded = ContractVectorsTest.A_SIGNATURE.replace("=", "");

        assertThatThrownBy(() -> codec.decode(unpadded)).isInstanceOf(SignatureFormatException.class);
    }

    @Test
    void refusesTwentyBytesOrFewerAndAcceptsNoLessThanAParseableOriginal() {
        assertThatThrownBy(() -> codec.decode(Base64.getEncoder().encodeToString(new byte[20])))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("21");
        assertThatThrownBy(() -> codec.decode(wrap("a".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("key=value");
    }

    @Test
    void refusesAnOriginalThatIsNotUtf8() {
        byte[] ascii = (REQUIRED + "&sourceContext=").getBytes(StandardCharsets.US_ASCII);
        byte[] bad = Arrays.copyOf(ascii, ascii.length + 1);
        bad[bad.length - 1] = (byte) 0xC3;

        assertThatThrownBy(() -> codec.decode(wrap(bad))).isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretId", "currentTimeStamp", "expireTime", "random"})
    void refusesAnOriginalWithoutARequiredKey(String key) {
        String original = Arrays.stream(REQUIRED.split("&")).filter(p -> !p.startsWith(key + "="))
                .reduce((a, b) -> a + "&" + b).orElseThrow();

        assertThatThrownBy(() -> codec.decode(signed(original))).isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"currentTimeStamp=100.5", "currentTimeStamp=1e3", "currentTimeStamp=%2B100",
            "currentTimeStamp=+100", "currentTimeStamp=", "currentTimeStamp=0x10", "random=99999999999999999999",
            "classId=2147483648", "oneTimeValid=one", "vodSubAppId=1.0", "taskPriority=--1"})
    void refusesIntegersThatAreNotPlainDecimalInRange(String pair) {
        String key = pair.substring(0, pair.indexOf('='));
        String original = String.join("&", Arrays.stream(REQUIRED.split("&"))
                .filter(p -> !p.startsWith(key + "=")).toList()) + "&" + pair;

        assertThatThrownBy(() -> codec.decode(signed(original))).isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&&", "&", "&=x", "&sourceContext=%", "&sourceContext=%4", "&sourceContext=%G1",
            "&sourceContext=%C3", "&random=8", "&procedure=a&procedure=b"})
    void refusesUnparseableOrAmbiguousQueries(String suffix) {
        assertThatThrownBy(() -> codec.decode(signed(REQUIRED + suffix))).isInstanceOf(SignatureFormatException.class);
    }

    @Test
    void decodesValuesWithRfc3986SemanticsSoPlusStaysPlus() {
        DecodedSignature d = codec.decode(signed(REQUIRED + "&sourceContext=a+b%20c%2Bd%7e%e4%b8%ad"));

        assertThat(d.params().sourceContext()).isEqualTo("a+b c+d~中");
    }

    @Test
    void toleratesUnknownKeysAndEmptyValuesAndKeepsRawUnicode() {
        DecodedSignature d = codec.decode(signed(REQUIRED + "&futureKey=1&futureKey=2&procedure=&sessionContext=中"));

        assertThat(d.params().procedure()).isEmpty();
        assertThat(d.params().sessionContext()).isEqualTo("中");
    }

    @Test
    void keysAreCaseSensitive() {
        String original = REQUIRED.replace("secretId", "SecretId");

        assertThatThrownBy(() -> codec.decode(signed(original))).hasMessageContaining("secretId");
    }

    @Test
    void decodeChecksFormNotPolicySoNegativeAndStaleValuesStillDecode() {
        DecodedSignature d = codec.decode(signed(
                "secretId=id&currentTimeStamp=100&expireTime=50&random=7&taskPriority=-11&oneTimeValid=5"));

        assertThat(d.params().taskPriority()).isEqualTo(-11);
        assertThatThrownBy(() -> d.params().validate()).isInstanceOf(SignatureParameterException.class);
    }

    @Test
    void refusesOverlongSignaturesWithoutDecodingThem() {
        String huge = "A".repeat(UploadSignatureCodec.MAX_SIGNATURE_LENGTH + 4);

        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("longer");
    }

    @Test
    void refusesAnEmptySecretKeyWithoutEchoingAnything() {
        assertThatThrownBy(() -> codec.signOriginal(REQUIRED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("secretKey must not be empty");
        assertThatThrownBy(() -> codec.verify(ContractVectorsTest.A_SIGNATURE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.verify("garbage", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(PercentCodec.encode("Az09-_.~ +*/%&=😀")).isEqualTo("Az09-_.~%20%2B%2A%2F%25%26%3D%F0%9F%98%80");
    }
}
