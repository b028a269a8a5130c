package io.vodflow.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.cli.eventconfig.SignKeys;

/**
 * The callback SignKey is set on both sides. vodflow's side: the key configure-vod sets (VODFLOW_CALLBACK_SIGN_KEY or
 * --sign-key) is valid and equals the ingress's key (--ingress-sign-key, when given); the ingress's health is read
 * for a {@code signKeyConfigured} detail when it reports one. VOD's side cannot be read back (DescribeEventConfig
 * never returns SignKey), so the line says so.
 */
final class SignKeyCheck implements Check {

    private final String key;
    private final String keySource;
    private final String ingressKey;
    private final String ingressUrl;
    private final HttpJson http;

    SignKeyCheck(String key, String keySource, String ingressKey, String ingressUrl, HttpJson http) {
        this.key = key;
        this.keySource = keySource;
        this.ingressKey = ingressKey;
        this.ingressUrl = ingressUrl;
        this.http = http;
    }

    @Override
    public String name() {
        return "sign-key";
    }

    @Override
    public CheckResult run() {
        if (key == null) {
            return CheckResult.fail("no SignKey configured: VOD's callbacks are not authenticated",
                    "choose a key of 1-32 letters/digits, set VODFLOW_CALLBACK_SIGN_KEY on the ingress, "
                            + "then run configure-vod with it");
        }
        try {
            SignKeys.requireValid(key, keySource);
        } catch (RuntimeException e) {
            return CheckResult.fail(e.getMessage(), "use 1-32 letters or digits, on the ingress and on VOD");
        }
        if (ingressKey != null && !SignKeys.same(key, ingressKey)) {
            return CheckResult.fail("SignKey mismatch: the ingress's key (--ingress-sign-key) differs from " + keySource
                            + "; the ingress rejects VOD's callbacks with 401 (signature_mismatch)",
                    "give both the same key: restart the ingress with VODFLOW_CALLBACK_SIGN_KEY, then run configure-vod");
        }
        Boolean ingressHasKey = ingressReportsKey();
        if (Boolean.FALSE.equals(ingressHasKey)) {
            return CheckResult.fail("the ingress reports no SignKey configured (Sign/T not checked)",
                    "restart the ingress with VODFLOW_CALLBACK_SIGN_KEY set");
        }
        String ingressSide = ingressKey != null ? "equals the ingress's key"
                : Boolean.TRUE.equals(ingressHasKey) ? "the ingress reports a key (not compared: pass --ingress-sign-key)"
                : "the ingress's key not compared (pass --ingress-sign-key)";
        return CheckResult.pass(keySource + " is a valid SignKey and " + ingressSide
                + "; VOD's copy cannot be read back: it is set by configure-vod");
    }

    /** The ingress health's {@code signKeyConfigured} detail, or null when it does not report one. */
    private Boolean ingressReportsKey() {
        try {
            JsonNode body = http.get(ingressUrl + "/actuator/health").body();
            JsonNode flag = body.findValue("signKeyConfigured");
            return flag != null && flag.isBoolean() ? flag.asBoolean() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
