package io.vodflow.contract.signature;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Property: decode(sign(x)) == x for thousands of valid parameter sets with hostile text (fixed seed). */
class SignatureRoundTripTest {

    private static final int CASES = 2500;
    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    @Test
    void decodeOfSignReturnsExactlyTheSignedParameters() {
        RandomSignatureParams generator = new RandomSignatureParams(20240917L);
        for (int i = 0; i < CASES; i++) {
            UploadSignatureParams params = generator.next();
            String key = "key-" + i + "-é";

            String signature = codec.sign(params, key);
            DecodedSignature decoded = codec.decode(signature);

            assertThat(decoded.params()).as("case %d", i).isEqualTo(params);
            assertThat(codec.verify(signature, key)).as("case %d", i).isTrue();
            assertThat(codec.verify(signature, key + "!")).as("case %d", i).isFalse();
        }
    }

    @Test
    void signaturesAreSingleLineStandardBase64AndOriginalsStayAscii() {
        RandomSignatureParams generator = new RandomSignatureParams(7L);
        for (int i = 0; i < 300; i++) {
            String signature = codec.sign(generator.next(), "k");

            assertThat(signature).matches("[A-Za-z0-9+/]+={0,2}");
            assertThat(codec.decode(signature).original()).matches("[A-Za-z0-9&=%._~-]+");
        }
    }

    @Test
    void generatorCoversTheHostileCharactersAndTheOptionalKeys() {
        RandomSignatureParams generator = new RandomSignatureParams(20240917L);
        StringBuilder seen = new StringBuilder();
        int withEveryOptional = 0;
        for (int i = 0; i < CASES; i++) {
            UploadSignatureParams p = generator.next();
            seen.append(p.sourceContext()).append(p.sessionContext()).append(p.procedure());
            if (p.classId() != null && p.taskPriority() != null && p.taskNotifyMode() != null
                    && p.sourceContext() != null && p.oneTimeValid() != null && p.vodSubAppId() != null
                    && p.sessionContext() != null && p.storageRegion() != null) {
                withEveryOptional++;
            }
        }
        assertThat(seen.toString()).contains(" ", "&", "=", "+", "%", "~", "😀", "中", "é");
        assertThat(withEveryOptional).isPositive();
    }
}
