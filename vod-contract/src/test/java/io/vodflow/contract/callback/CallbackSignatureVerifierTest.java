package io.vodflow.contract.callback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract 4.5: Sign = MD5(SignKey + T), T an expiry in epoch seconds. */
class CallbackSignatureVerifierTest {

    private static final String KEY = "VodCbKey2024abc";
    private static final String T = "1700000600";
    private static final String SIGN = "6d13c718da33c01dfe232fe17fcd8a86";
    private static final Instant BEFORE_EXPIRY = Instant.ofEpochSecond(1_700_000_000L);

    private final CallbackSignatureVerifier verifier = new CallbackSignatureVerifier(KEY);

    @Test
    void workedExampleOfTheContractSigns() {
        assertThat(CallbackSignatureVerifier.sign(KEY, 1_700_000_600L)).isEqualTo(SIGN);
    }

    @Test
    void workedExampleVerifiesInEitherHexCase() {
        assertThat(verifier.verify(SIGN, T, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.VALID);
        assertThat(verifier.verify(SIGN.toUpperCase(Locale.ROOT), T, BEFORE_EXPIRY))
                .isEqualTo(CallbackSignatureVerdict.VALID);
    }

    @Test
    void expiryIsInclusiveOfTheSecondT() {
        assertThat(verifier.verify(SIGN, T, Instant.ofEpochSecond(1_700_000_600L)))
                .isEqualTo(CallbackSignatureVerdict.VALID);
        assertThat(verifier.verify(SIGN, T, Instant.ofEpochSecond(1_700_000_600L, 1)))
                .isEqualTo(CallbackSignatureVerdict.EXPIRED);
        assertThat(verifier.verify(SIGN, T, Instant.ofEpochSecond(1_700_000_601L)))
                .isEqualTo(CallbackSignatureVerdict.EXPIRED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void missingSignOrTIsMissing(String blank) {
        assertThat(verifier.verify(blank, T, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MISSING);
        assertThat(verifier.verify(SIGN, blank, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000600.0", "-1700000600", "+1700000600", "1.7e9", "abc", " 1700000600",
            "1700000600 ", "0x10", "9999999999999999999"})
    void tThatIsNotDecimalSecondsIsMalformed(String t) {
        assertThat(verifier.verify(SIGN, t, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MALFORMED_T);
    }

    @Test
    void wrongSignOrKeyOrTIsAMismatch() {
        assertThat(verifier.verify("6d13c718da33c01dfe232fe17fcd8a87", T, BEFORE_EXPIRY))
                .isEqualTo(CallbackSignatureVerdict.MISMATCH);
        assertThat(verifier.verify(SIGN, "1700000601", BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MISMATCH);
        assertThat(verifier.verify(SIGN + "00", T, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MISMATCH);
        // T is signed as the text VOD sent, so a re-spelled T does not borrow another T's signature.
        assertThat(verifier.verify(SIGN, "0" + T, BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.MISMATCH);
        assertThat(new CallbackSignatureVerifier(KEY + "x").verify(SIGN, T, BEFORE_EXPIRY))
                .isEqualTo(CallbackSignatureVerdict.MISMATCH);
    }

    @Test
    void aSignatureMadeBySignVerifies() {
        long t = 1_800_000_000L;

        String sign = CallbackSignatureVerifier.sign(KEY, t);

        assertThat(verifier.verify(sign, Long.toString(t), BEFORE_EXPIRY)).isEqualTo(CallbackSignatureVerdict.VALID);
    }

    @Test
    void theKeyNeverPrints() {
        assertThat(verifier.toString()).doesNotContain(KEY).contains("***");
        assertThatThrownBy(() -> new CallbackSignatureVerifier(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("callback SignKey must not be blank");
        assertThatThrownBy(() -> new CallbackSignatureVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
