package io.vodflow.kit.param;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Integer request parameters as plain ASCII decimals. Spring's own number editor also takes {@code 0x10}, {@code #10}
 * and other scripts' digits, so {@code page=0x10} would quietly read as page 16 instead of being refused.
 */
public final class DecimalParameters extends PropertyEditorSupport {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private final Function<String, Number> parse;
    private final boolean primitive;

    private DecimalParameters(Function<String, Number> parse, boolean primitive) {
        this.parse = parse;
        this.primitive = primitive;
    }

    /** An editor for {@code int} ({@code primitive}) or {@code Integer} parameters. */
    public static DecimalParameters integers(boolean primitive) {
        return new DecimalParameters(Integer::valueOf, primitive);
    }

    /** An editor for {@code long} ({@code primitive}) or {@code Long} parameters. */
    public static DecimalParameters longs(boolean primitive) {
        return new DecimalParameters(Long::valueOf, primitive);
    }

    @Override
    public void setAsText(String text) {
        if (text == null || text.isEmpty()) {
            if (primitive) {
                throw new IllegalArgumentException("a number is required");
            }
            setValue(null);
        } else if (DECIMAL.matcher(text).matches()) {
            setValue(parse.apply(text));
        } else {
            // the message reaches no client: the type mismatch becomes a 400 problem naming the parameter
            throw new IllegalArgumentException("not a decimal integer");
        }
    }
}
