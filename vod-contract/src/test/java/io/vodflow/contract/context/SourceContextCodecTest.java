package io.vodflow.contract.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issued sourceContexts round-trip; anything altered, forged or malformed verifies to empty. */
class SourceContextCodecTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/";

    private final SourceContextCodec codec = new SourceContextCodec(KEY);

    @Test
    void issuedContextsRoundTripAndHaveTheDocumentedShape() {
        Random random = new Random(99);
        for (int i = 0; i < 500; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());

            String context = codec.issue(id);

            assertThat(context).hasSize(SourceContextCodec.LENGTH).matches("vf1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
            assertThat(codec.verify(context)).contains(id);
        }
    }

    @Test
    void issuingIsDeterministicPerKey() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(codec.issue(id)).isEqualTo(new SourceContextCodec(KEY.clone()).issue(id));
        assertThat(codec.issue(id)).startsWith("vf1.Ej5FZ-ibEtOkVkJmFBdAAA.");
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String context = codec.issue(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        for (int i = 0; i < context.length(); i++) {
            for (int j = 0; j < ALPHABET.length(); j++) {
                char replacement = ALPHABET.charAt(j);
                if (replacement == context.charAt(i)) {
                    continue;
                }
                String forged = context.substring(0, i) + replacement + context.substring(i + 1);

                assertThat(codec.verify(forged)).as("position %d -> %s", i, replacement).isEmpty();
            }
        }
    }

    @Test
    void anotherKeyOrADerivedKeyRefusesTheContext() {
        byte[] other = KEY.clone();
        other[31] ^= 1;
        String context = codec.issue(UUID.randomUUID());

        assertThat(new SourceContextCodec(other).verify(context)).isEmpty();
        assertThat(SourceContextCodec.derivedFrom(new String(KEY, StandardCharsets.US_ASCII)).verify(context)).isEmpty();
    }

    @Test
    void derivedCodecsAgreeForTheSameMasterSecretOnly() {
        String master = "jwt-secret-at-least-32-bytes-long!!";
        UUID id = UUID.randomUUID();

        String context = SourceContextCodec.derivedFrom(master).issue(id);

        assertThat(SourceContextCodec.derivedFrom(master).verify(context)).contains(id);
        assertThat(SourceContextCodec.derivedFrom(master + "x").verify(context)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"vf1.", "vf1..", "REPLACE_WITH_ISSUED_SOURCE_CONTEXT", "{\"uid\":\"u-42\"}",
            "vf2.Ej5FZ-ibEtOkVkJmFBdAAA.AAAAAAAAAAAAAAAAAAAAAA", "vf1.Ej5FZ-ibEtOkVkJmFBdAAA.AAAAAAAAAAAAAAAAAAAAAA",
            "vf1.Ej5FZ-ibEtOkVkJmFBdAAA.AAAAAAAAAAAAAAAAAAAAA", "vf1.Ej5FZ+ibEtOkVkJmFBdAAA.AAAAAAAAAAAAAAAAAAAAAA",
            "vf1.Ej5FZ-ibEtOkVkJmFBdA==.AAAAAAAAAAAAAAAAAAAAAA", "vf1.Ej5FZ-ibEtOkVkJmFBdAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "vf1.Ej5FZ-ibEtOkVkJmFBdAAA.中AAAAAAAAAAAAAAAAAAAAA"})
    void garbageIsRefusedWithoutThrowing(String garbage) {
        assertThat(codec.verify(garbage)).isEmpty();
    }

    @Test
    void shortKeysAreRefusedWithoutPrintingThem() {
        byte[] shortKey = Arrays.copyOf(KEY, 31);

        assertThatThrownBy(() -> new SourceContextCodec(shortKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("0123456789").hasMessageContaining("32");
        assertThatThrownBy(() -> new SourceContextCodec(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceContextCodec.derivedFrom("short-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short-secret");
        assertThat(codec.toString()).doesNotContain("0123456789");
    }

    @Test
    void theCodecCopiesItsKey() {
        byte[] key = KEY.clone();
        SourceContextCodec own = new SourceContextCodec(key);
        String context = own.issue(UUID.randomUUID());

        key[0] ^= 1;

        assertThat(own.verify(context)).isPresent();
    }
}
