package io.vodflow.contract.text;

/**
 * Whether a string survives the trip through UTF-8 unchanged: a lone surrogate has no UTF-8 form (encoders turn it
 * into '?', so two values could become one). Callers check U+0000, which Postgres text refuses, with their own rule.
 */
public final class StorableText {
    private StorableText() { }

    /** True when every surrogate in {@code s} is half of a high-low pair, i.e. {@code s} is valid Unicode text. */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** True for text fit for an identifier or a header: well-formed and without control characters (NUL included). */
    public static boolean plain(String s) {
        return wellFormed(s) && s.chars().noneMatch(Character::isISOControl);
    }
}
