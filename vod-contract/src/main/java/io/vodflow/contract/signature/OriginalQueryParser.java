package io.vodflow.contract.signature;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code original} back into {@link UploadSignatureParams}, checking form only (not the contract rules).
 * Keys are case-sensitive; unknown keys are ignored, a repeated known key is refused as ambiguous.
 */
final class OriginalQueryParser {

    private static final Set<String> KNOWN = Set.of("secretId", "currentTimeStamp", "expireTime", "random", "classId",
            "procedure", "taskPriority", "taskNotifyMode", "sourceContext", "oneTimeValid", "vodSubAppId",
            "sessionContext", "storageRegion");
    private static final Set<String> REQUIRED = Set.of("secretId", "currentTimeStamp", "expireTime", "random");
    /** Plain decimal; a '-' sign is accepted because taskPriority may be negative. No '+', fraction or exponent. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    private final Map<String, String> values = new HashMap<>();

    private OriginalQueryParser() { }

    static UploadSignatureParams parse(String original) {
        OriginalQueryParser parser = new OriginalQueryParser();
        parser.split(original);
        return parser.toParams();
    }

    private void split(String original) {
        for (String pair : original.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new SignatureFormatException("original is not a query string of key=value pairs");
            }
            String key = pair.substring(0, eq);
            if (KNOWN.contains(key)) {
                String value = PercentCodec.decode(pair.substring(eq + 1), key);
                if (values.putIfAbsent(key, value) != null) {
                    throw new SignatureFormatException("parameter " + key + " appears more than once");
                }
            }
        }
        for (String key : REQUIRED) {
            if (!values.containsKey(key)) {
                throw new SignatureFormatException("required parameter " + key + " is missing");
            }
        }
    }

    private UploadSignatureParams toParams() {
        return new UploadSignatureParams(
                values.get("secretId"),
                longValue("currentTimeStamp"),
                longValue("expireTime"),
                longValue("random"),
                intValue("classId"),
                values.get("procedure"),
                intValue("taskPriority"),
                values.get("taskNotifyMode"),
                values.get("sourceContext"),
                intValue("oneTimeValid"),
                values.containsKey("vodSubAppId") ? longValue("vodSubAppId") : null,
                values.get("sessionContext"),
                values.get("storageRegion"));
    }

    private long longValue(String key) {
        String text = values.get(key);
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new SignatureFormatException(key + " is not a decimal integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SignatureFormatException(key + " is out of range");
        }
    }

    private Integer intValue(String key) {
        if (!values.containsKey(key)) {
            return null;
        }
        long value = longValue(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SignatureFormatException(key + " is out of range");
        }
        return (int) value;
    }
}
