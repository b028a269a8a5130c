package io.vodflow.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop decides every header name and value exactly as the firewall's own regular expressions do. */
class HeaderTextRulesTest {
    private static final Predicate<String> NAMES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;
    private static final Predicate<String> VALUES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    private static void agreesOn(String text) {
        Object shown = text == null ? "null" : text.codePoints().boxed().toList();
        assertThat(HeaderTextRules.isAllowedName(text)).as("name %s", shown).isEqualTo(NAMES.test(text));
        assertThat(HeaderTextRules.isAllowedValue(text)).as("value %s", shown).isEqualTo(VALUES.test(text));
    }

    @Test
    void anAbsentHeaderValuePassesAsItDoesTheFirewall() {
        // (a header name is never null: the firewall's own name rule would throw on one)
        assertThat(HeaderTextRules.isAllowedValue(null)).isEqualTo(VALUES.test(null)).isTrue();
    }

    @Test
    void everyCharOfTheBasicPlaneAloneAndBetweenAsciiIsJudgedAlike() {
        for (int c = 0; c <= 0xFFFF; c++) {
            agreesOn(String.valueOf((char) c));
            agreesOn("Bearer ey" + (char) c + "J9");
        }
    }

    @Test
    void supplementaryCodePointsAndLoneSurrogatesAreJudgedAlike() {
        for (int cp : new int[] {0x1F600, 0x10000, 0x1D11E, 0xE0001, 0xE0080, 0x2FFFE, 0x10FFFF, 0x3134A, 0x3134B}) {
            agreesOn(new String(Character.toChars(cp)));
            agreesOn("a" + new String(Character.toChars(cp)) + "b");
        }
        for (String lone : List.of("\uD800", "x\uDC00", "\uDBFF\uDBFF", "\uDC00\uD800")) {
            agreesOn(lone);
        }
    }

    @Test
    void randomTextOfAnyCharactersIsJudgedAlike() {
        Random random = new Random(20261207);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(4);
                text.appendCodePoint(pick == 0 ? random.nextInt(0x80) : pick == 1 ? 0x80 + random.nextInt(0x80)
                        : pick == 2 ? random.nextInt(0x10000) : 0x10000 + random.nextInt(0x100000));
            }
            agreesOn(text.toString());
        }
        assertThat(HeaderTextRules.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderTextRules.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderTextRules.isAllowedValue("")).isTrue();
    }
}
