package io.vodflow.contract.playback;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of {@link PlaybackUrlSigner}: the key-hotlink KEY of each playback domain, how long past the media's
 * duration a URL stays valid, and the optional {@code exper}/{@code rlimit} parameters (null = left out of the URL,
 * which is not the same as {@code 0}: the literal is signed when present, contract-2 §1.2).
 *
 * @param keysByDomain  KEY per playback host (lower case); the host {@value #ANY_DOMAIN} applies to every host
 *                      without its own entry. Empty = signing disabled. Never printed.
 * @param expiryMargin  added to the media duration to give the expiry {@code t}
 * @param exper         preview length in seconds, or null
 * @param rlimit        most distinct client IPs (0-9), or null
 */
public record PlaybackSigningSettings(Map<String, String> keysByDomain, Duration expiryMargin, Integer exper,
                                      Integer rlimit) {

    /** The wildcard host: its KEY signs URLs of every host that has no KEY of its own. */
    public static final String ANY_DOMAIN = "*";
    /** Default margin beyond the media duration: one hour, so a paused or rewound video keeps playing. */
    public static final Duration DEFAULT_MARGIN = Duration.ofHours(1);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+(:[0-9]{1,5})?");

    public PlaybackSigningSettings {
        Objects.requireNonNull(expiryMargin, "expiryMargin");
        if (expiryMargin.isNegative()) {
            throw new IllegalArgumentException("expiryMargin must not be negative");
        }
        if (exper != null && exper < 0) {
            throw new IllegalArgumentException("exper must be 0 or more seconds");
        }
        if (rlimit != null && (rlimit < 0 || rlimit > 9)) {
            throw new IllegalArgumentException("rlimit must be 0-9 (VOD allows at most 9 client IPs)");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keysByDomain.forEach((host, key) -> keys.put(host.trim().toLowerCase(Locale.ROOT), checkedKey(host, key)));
        keysByDomain = Map.copyOf(keys);
    }

    /** Signing disabled: URLs pass through unchanged. */
    public static PlaybackSigningSettings disabled() {
        return new PlaybackSigningSettings(Map.of(), DEFAULT_MARGIN, null, null);
    }

    /**
     * Reads the {@code VODFLOW_PLAYBACK_KEY} form: either a bare KEY (every domain) or
     * {@code host=KEY[,host=KEY…]} (a {@code *} host is the default). Blank = disabled. A KEY may itself hold
     * {@code =} (VOD's API allows any visible character), so the list form is recognised by its hosts: at least one
     * entry names a domain (a dotted name) or {@code *}; anything else is one bare KEY.
     */
    public static PlaybackSigningSettings parse(String keys, Duration expiryMargin, Integer exper, Integer rlimit) {
        Map<String, String> byDomain = new LinkedHashMap<>();
        if (keys != null && !keys.isBlank()) {
            if (!namesHosts(keys)) {
                byDomain.put(ANY_DOMAIN, keys.trim());
            } else {
                for (String entry : keys.split(",")) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        // never the entry itself: it may be a KEY
                        throw new IllegalArgumentException("playback keys must be KEY or host=KEY[,host=KEY...]");
                    }
                    byDomain.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
                }
            }
        }
        return new PlaybackSigningSettings(byDomain, expiryMargin, exper, rlimit);
    }

    private static boolean namesHosts(String keys) {
        for (String entry : keys.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String host = entry.substring(0, eq).trim();
                if (host.equals(ANY_DOMAIN) || HOST.matcher(host).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The KEY for this host, or null when URLs of the host are not signed. */
    public String keyFor(String host) {
        String own = host == null ? null : keysByDomain.get(host.toLowerCase(Locale.ROOT));
        return own != null ? own : keysByDomain.get(ANY_DOMAIN);
    }

    /** Whether any domain has a KEY. */
    public boolean enabled() {
        return !keysByDomain.isEmpty();
    }

    private static String checkedKey(String host, String key) {
        // Console rule 8-20 letters/digits, API rule 8-40 visible bytes (contract-2 §1.1): accept the wider one.
        if (key == null || key.length() < 8 || key.length() > 40 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // the host only when it is one: a bare KEY is filed under "*"
            throw new IllegalArgumentException("playback KEY of " + (HOST.matcher(host.trim()).matches() ? host.trim() : "*")
                    + " must be 8-40 visible ASCII characters");
        }
        return key;
    }

    @Override
    public String toString() {
        return "PlaybackSigningSettings[domains=" + keysByDomain.keySet() + ", expiryMargin=" + expiryMargin
                + ", exper=" + exper + ", rlimit=" + rlimit + "]";
    }
}
