package io.vodflow.cli.eventconfig;

import io.vodflow.cli.CliFailure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** VOD's SignKey rules (letters and digits, at most 32) and a constant-time comparison; never prints a key. */
public final class SignKeys {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,32}");

    private SignKeys() {
    }

    /** The key when VOD would accept it; a {@link CliFailure} naming the rule otherwise. */
    public static String requireValid(String key, String source) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            throw new CliFailure("the SignKey from " + source + " is not one VOD accepts: it must be 1-32 letters or digits");
        }
        return key;
    }

    /** Whether two keys are equal, in constant time. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
