package io.vodflow.kit.security;

/**
 * The firewall's rules for header names and values, as a loop instead of its regular expressions: every header
 * read by anyone (content negotiation, the bearer token, the codecs …) passes them, and the regex over a long
 * {@code Authorization} value was the signer's single largest firewall cost under load. Same rules exactly: every
 * code point assigned and not an ISO control character, a tab also allowed in values; null passes (an absent header).
 */
final class HeaderTextRules {

    private HeaderTextRules() { }

    /** Spring Security's {@code StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES}. */
    static boolean isAllowedName(String name) {
        return assignedAndNotControl(name, false);
    }

    /** Spring Security's {@code StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES}. */
    static boolean isAllowedValue(String value) {
        return assignedAndNotControl(value, true);
    }

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, all but every real header
            }
            if (c == '\t' && tabAllowed) {
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
                return false;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return true;
    }
}
