package io.vodflow.kit.problem;

import java.net.URI;
import java.net.URISyntaxException;

/** Whether a request target will parse as the {@link URI} Spring builds for every request. */
final class RequestTargets {
    private RequestTargets() { }

    /** False for a target Spring's adapter would refuse with a bare 400 (a bad escape, a space, a second '#', ...). */
    static boolean parses(String target) {
        if (plain(target)) {
            return true;
        }
        try {
            new URI(target.startsWith("/") ? "http://h" + target : target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Only characters a URI takes anywhere in a path or query, and no escapes: no need to parse. */
    private static boolean plain(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
