package io.vodflow.contract.text;

/**
 * Whether a string survives the trip into a Postgres text column and through UTF-8 unchanged: Postgres refuses
 * U+0000, and a lone surrogate has no UTF-8 form (encoders turn it into '?', so two values could become one).
 */
public final class StorableText {
    private StorableText() { }

    /** True when {@code s} has no NUL and no lone surrogate (null counts as storable: there is nothing to store). */
    public static boolean storable(String s) {
        return s == null || s.indexOf('\u0000') < 0 && wellFormed(s);
    }

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
}
