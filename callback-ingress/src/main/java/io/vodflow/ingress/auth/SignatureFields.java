package io.vodflow.ingress.auth;

import io.vodflow.contract.event.CallbackRouting;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import java.util.Map;

/**
 * Finds VOD's {@code Sign} and {@code T} wherever they are: where VOD puts them is undocumented
 * (contract 4.5), so top-level body fields come first, then headers, then query parameters, each
 * matched in any letter case.
 */
public record SignatureFields(String sign, String t) {

    /** Looks in the body (as read by the routing reader), the headers and the query string. */
    public static SignatureFields locate(CallbackRouting routing, HttpHeaders headers, MultiValueMap<String, String> query) {
        String sign = first(routing.sign(), headers.getFirst("Sign"), queryValue(query, "sign"));
        String t = first(routing.t(), headers.getFirst("T"), queryValue(query, "t"));
        return new SignatureFields(sign, t);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                return c;
            }
        }
        return null;
    }

    private static String queryValue(MultiValueMap<String, String> query, String lowerName) {
        if (query.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, java.util.List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerName) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
