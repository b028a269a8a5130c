package io.vodflow.contract.playback;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs VOD playback URLs for key hotlink protection (contract-2 §1):
 * {@code sign = md5(KEY + Dir + t + exper + rlimit + us)}, Dir = the raw path up to and including its last slash,
 * t = expiry in lower-case hex epoch seconds, query order {@code t, exper, rlimit, us, sign} after any existing query.
 * <p>HLS: one signed query string covers every file in one directory, because VOD checks a segment with its
 * playlist's Dir. Sign the playlist URL; segments and variant playlists must live in that same directory, and
 * whether the player (or the CDN) carries the query onto segment requests must be tested per player.
 * Cover images are not hotlink-checked, so {@link #signForPlayback} leaves image URLs unsigned.
 */
public final class PlaybackUrlSigner {

    private static final Pattern US = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> SIGNED_PARAMS = Set.of("t", "exper", "rlimit", "us", "sign");
    private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A longer duration than any media has (a callback may claim 1e300 s) would overflow the expiry. */
    private static final Duration MAX_MEDIA_DURATION = Duration.ofDays(366);

    private final PlaybackSigningSettings settings;

    public PlaybackUrlSigner(PlaybackSigningSettings settings) {
        this.settings = settings;
    }

    /**
     * The URL a client should play: signed with expiry now + media duration + margin and a fresh {@code us} when
     * its domain has a KEY; unchanged when it has none, when it is an image (cover), when it is null/blank, or when it
     * is not a URL that can be signed (never an exception: one odd stored URL must not fail a whole media answer).
     */
    public String signForPlayback(String url, Duration mediaDuration, Instant now) {
        if (url == null || url.isBlank() || !settings.enabled()) {
            return url;
        }
        URI uri;
        try {
            uri = parse(url);
        } catch (IllegalArgumentException e) {
            // a stored URL VOD did not shape this way (a space, a query that already carries t or sign) cannot be
            // signed safely; it is handed on as stored rather than failing the whole answer it is part of
            return url;
        }
        String key = settings.keyFor(uri.getHost());
        if (key == null || isImage(uri.getRawPath())) {
            return url;
        }
        Duration duration = mediaDuration == null || mediaDuration.isNegative() ? Duration.ZERO
                : mediaDuration.compareTo(MAX_MEDIA_DURATION) > 0 ? MAX_MEDIA_DURATION : mediaDuration;
        Instant expiry = now.plus(duration).plus(settings.expiryMargin());
        long t = expiry.getEpochSecond() + (expiry.getNano() > 0 ? 1 : 0);
        return sign(url, key, t, settings.exper(), settings.rlimit(), randomUs());
    }

    /**
     * Signs {@code url} with an explicit KEY, expiry (epoch seconds), optional exper/rlimit and {@code us}.
     * Throws {@link IllegalArgumentException} for a URL that is not absolute, has no path, or already carries
     * one of the signed parameters.
     */
    public static String sign(String url, String key, long expiryEpochSecond, Integer exper, Integer rlimit, String us) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("KEY must not be empty");
        }
        if (us == null || !US.matcher(us).matches()) {
            throw new IllegalArgumentException("us must be 1-64 characters of letters, digits, '_' or '-'");
        }
        if (expiryEpochSecond <= 0) {
            throw new IllegalArgumentException("expiry must be a positive epoch second");
        }
        URI uri = parse(url);
        String path = uri.getRawPath();
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        String t = Long.toHexString(expiryEpochSecond);
        String experText = exper == null ? "" : Integer.toString(exper);
        String rlimitText = rlimit == null ? "" : Integer.toString(rlimit);
        String sign = md5Hex(key + dir + t + experText + rlimitText + us);

        StringBuilder query = new StringBuilder("t=").append(t);
        if (exper != null) {
            query.append("&exper=").append(experText);
        }
        if (rlimit != null) {
            query.append("&rlimit=").append(rlimitText);
        }
        query.append("&us=").append(us).append("&sign=").append(sign);
        return withQuery(url, query.toString());
    }

    /** A fresh link id: 16 lower-case hex characters (the contract's safe choice is 8-32 of [0-9a-f]). */
    public static String randomUs() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The Dir that a URL's signature covers (e.g. {@code /dir1/dir2/}), for logging and diagnosis. */
    public static String dirOf(String url) {
        String path = parse(url).getRawPath();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static String withQuery(String url, String signedQuery) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String base = hash < 0 ? url : url.substring(0, hash);
        // unsigned parameters may precede t (contract-2 §1.3), so an existing query stays in front
        String joiner = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + joiner + signedQuery + fragment;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (encode spaces and non-ASCII as %XX): " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException("playback URL must be absolute with a host and a path");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (SIGNED_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("URL already carries the hotlink parameter '" + name + "'");
                }
            }
        }
        return uri;
    }

    private static boolean isImage(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && IMAGE_TYPES.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    @Override
    public String toString() {
        return "PlaybackUrlSigner[" + settings + "]";
    }
}
