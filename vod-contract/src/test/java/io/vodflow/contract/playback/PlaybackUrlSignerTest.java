package io.vodflow.contract.playback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract-2 §1: key hotlink protection, with the official vectors V1-V3 and the legacy 2019 ones. */
class PlaybackUrlSignerTest {

    private static final String KEY = "24FEQmTzro4V5u3D5epW";
    private static final String URL = "http://example.vod2.myqcloud.com/dir1/dir2/myVideo.mp4";
    private static final long T = 1_517_400_000L;
    private static final String US = "72d4cd1101";

    @Test
    void officialVectorV1ExpiryOnly() {
        assertThat(PlaybackUrlSigner.sign(URL, KEY, T, null, null, US))
                .isEqualTo(URL + "?t=5a71afc0&us=72d4cd1101&sign=3d8488faeb37d52d6bf63b63c1b171c3");
    }

    @Test
    void officialVectorV2WithRlimit() {
        assertThat(PlaybackUrlSigner.sign(URL, KEY, T, null, 3, US))
                .isEqualTo(URL + "?t=5a71afc0&rlimit=3&us=72d4cd1101&sign=c5214f0d5961b13acd558b4957c4dfc5");
    }

    @Test
    void officialVectorV3WithExper() {
        assertThat(PlaybackUrlSigner.sign(URL, KEY, T, 300, null, US))
                .isEqualTo(URL + "?t=5a71afc0&exper=300&us=72d4cd1101&sign=547d98c4b91e81b5ea55c95cef63223f");
    }

    @Test
    void legacyVectorsOf2019FitTheSameFormula() {
        String url = "http://test.vod2.myqcloud.com/a/c/b.m3u8";
        assertThat(PlaybackUrlSigner.sign(url, "abcTEST", 1_498_021_321L, null, null, "test_user"))
                .endsWith("?t=5949fdc9&us=test_user&sign=989778d1e86e8acc105cfeca65aa6460");
        assertThat(PlaybackUrlSigner.sign(url, "abcTEST", 1_498_021_321L, 300, null, "test_user"))
                .endsWith("?t=5949fdc9&exper=300&us=test_user&sign=4454808ca6d980bffa3793193d300083");
    }

    @Test
    void presentZeroIsSignedAndDiffersFromAbsent() {
        String absent = PlaybackUrlSigner.sign(URL, KEY, T, null, null, US);
        String zeros = PlaybackUrlSigner.sign(URL, KEY, T, 0, 0, US);

        assertThat(zeros).contains("?t=5a71afc0&exper=0&rlimit=0&us=72d4cd1101&sign=");
        assertThat(sign(zeros)).isNotEqualTo(sign(absent));
    }

    @Test
    void existingQueryStaysInFrontOfTheSignedParametersAndDoesNotChangeTheSign() {
        String signed = PlaybackUrlSigner.sign(URL + "?lang=en", KEY, T, null, null, US);

        assertThat(signed).isEqualTo(URL + "?lang=en&t=5a71afc0&us=72d4cd1101&sign=3d8488faeb37d52d6bf63b63c1b171c3");
    }

    @Test
    void fragmentStaysLast() {
        assertThat(PlaybackUrlSigner.sign(URL + "#start", KEY, T, null, null, US))
                .isEqualTo(URL + "?t=5a71afc0&us=72d4cd1101&sign=3d8488faeb37d52d6bf63b63c1b171c3#start");
    }

    @Test
    void encodedPathIsSignedAsSentNotDecoded() {
        String encoded = "http://example.vod2.myqcloud.com/dir%20one/caf%C3%A9/v.mp4";

        assertThat(PlaybackUrlSigner.dirOf(encoded)).isEqualTo("/dir%20one/caf%C3%A9/");
        assertThat(sign(PlaybackUrlSigner.sign(encoded, KEY, T, null, null, US)))
                .isEqualTo(md5(KEY + "/dir%20one/caf%C3%A9/" + "5a71afc0" + US));
    }

    @Test
    void fileAtTheRootHasDirSlash() {
        assertThat(PlaybackUrlSigner.dirOf("https://h.example/v.mp4")).isEqualTo("/");
    }

    @Test
    void refusesUrlsItCannotSignSafely() {
        assertThatThrownBy(() -> PlaybackUrlSigner.sign(URL + "?t=1", KEY, T, null, null, US))
                .hasMessageContaining("already carries");
        assertThatThrownBy(() -> PlaybackUrlSigner.sign("/relative/v.mp4", KEY, T, null, null, US))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> PlaybackUrlSigner.sign("http://h/a b/v.mp4", KEY, T, null, null, US))
                .hasMessageContaining("encode");
        assertThatThrownBy(() -> PlaybackUrlSigner.sign(URL, KEY, T, null, null, "a&b"))
                .hasMessageContaining("us");
    }

    @Test
    void playbackSigningUsesDurationPlusMarginAndAFreshUsPerUrl() {
        PlaybackUrlSigner signer = new PlaybackUrlSigner(new PlaybackSigningSettings(Map.of("*", KEY),
                Duration.ofMinutes(30), null, 3));
        Instant now = Instant.ofEpochSecond(1_700_000_000L, 500);

        String first = signer.signForPlayback(URL, Duration.ofSeconds(60), now);
        String second = signer.signForPlayback(URL, Duration.ofSeconds(60), now);

        long expected = 1_700_000_000L + 60 + 1800 + 1;
        assertThat(first).startsWith(URL + "?t=" + Long.toHexString(expected) + "&rlimit=3&us=");
        assertThat(us(first)).matches("[0-9a-f]{16}").isNotEqualTo(us(second));
        assertThat(sign(first)).isEqualTo(md5(KEY + "/dir1/dir2/" + Long.toHexString(expected) + "3" + us(first)));
    }

    @Test
    void coverImagesAndDomainsWithoutKeyStayUnsigned() {
        PlaybackUrlSigner signer = new PlaybackUrlSigner(PlaybackSigningSettings.parse(
                "example.vod2.myqcloud.com=" + KEY, Duration.ofMinutes(5), null, null));
        Instant now = Instant.ofEpochSecond(1_700_000_000L);

        String cover = "http://example.vod2.myqcloud.com/dir1/coverBySnapshot_10_0.JPG";
        String other = "http://other.vod2.myqcloud.com/dir1/v.mp4";
        assertThat(signer.signForPlayback(cover, Duration.ofSeconds(60), now)).isEqualTo(cover);
        assertThat(signer.signForPlayback(other, Duration.ofSeconds(60), now)).isEqualTo(other);
        assertThat(signer.signForPlayback(URL, Duration.ofSeconds(60), now)).contains("&sign=");
        assertThat(new PlaybackUrlSigner(PlaybackSigningSettings.disabled())
                .signForPlayback(URL, Duration.ofSeconds(60), now)).isEqualTo(URL);
    }

    @Test
    void playbackUrlsThatCannotBeSignedAreHandedOnAsStoredInsteadOfFailing() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        PlaybackUrlSigner keyed = new PlaybackUrlSigner(new PlaybackSigningSettings(Map.of("*", KEY), Duration.ofMinutes(5), null, null));
        PlaybackUrlSigner off = new PlaybackUrlSigner(PlaybackSigningSettings.disabled());
        for (String odd : new String[] {"https://x.vod2.myqcloud.com/a b.mp4", "https://x.vod2.myqcloud.com/f.mp4?t=5f00",
                "https://x.vod2.myqcloud.com/f.mp4?Sign=1", "not a url at all", "mailto:someone@example.com", "https://host"}) {
            assertThat(keyed.signForPlayback(odd, Duration.ofSeconds(60), now)).isEqualTo(odd);
            assertThat(off.signForPlayback(odd, Duration.ofSeconds(60), now)).isEqualTo(odd);
        }
    }

    @Test
    void anAbsurdMediaDurationIsCappedInsteadOfOverflowingTheExpiry() {
        PlaybackUrlSigner signer = new PlaybackUrlSigner(new PlaybackSigningSettings(Map.of("*", KEY), Duration.ZERO, null, null));
        Instant now = Instant.ofEpochSecond(1_700_000_000L);

        String signed = signer.signForPlayback(URL, Duration.ofMillis(Long.MAX_VALUE), now);

        assertThat(signed).startsWith(URL + "?t=" + Long.toHexString(1_700_000_000L + 366L * 86_400));
    }

    @Test
    void hlsPlaylistAndItsSegmentsShareOneSignatureBecauseTheyShareDir() {
        String playlist = "http://example.vod2.myqcloud.com/dir1/dir2/v.f210.m3u8";
        String segment = "http://example.vod2.myqcloud.com/dir1/dir2/v.f210_0.ts";

        assertThat(sign(PlaybackUrlSigner.sign(playlist, KEY, T, null, null, US)))
                .isEqualTo(sign(PlaybackUrlSigner.sign(segment, KEY, T, null, null, US)));
    }

    @Test
    void settingsParseBareKeyAsEveryDomainAndRejectBadValues() {
        assertThat(PlaybackSigningSettings.parse(KEY, Duration.ZERO, null, null).keyFor("any.host")).isEqualTo(KEY);
        assertThat(PlaybackSigningSettings.parse(" ", Duration.ZERO, null, null).enabled()).isFalse();
        assertThat(PlaybackSigningSettings.parse("a.example=" + KEY, Duration.ZERO, null, null).toString())
                .doesNotContain(KEY);
        assertThatThrownBy(() -> PlaybackSigningSettings.parse("short", Duration.ZERO, null, null))
                .hasMessageContaining("8-40");
        assertThatThrownBy(() -> PlaybackSigningSettings.parse(KEY, Duration.ZERO, null, 10))
                .hasMessageContaining("rlimit");
    }

    @Test
    void aBareKeyHoldingAnEqualsSignIsOneKeyAndNoPartOfItIsEverPrinted() {
        // VOD's API allows any visible character in a KEY; "ab" is no domain, so this is not host=KEY
        assertThat(PlaybackSigningSettings.parse("ab=cdefgh12", Duration.ZERO, null, null).keyFor("x.vod2.myqcloud.com"))
                .isEqualTo("ab=cdefgh12");
        PlaybackSigningSettings listed = PlaybackSigningSettings.parse("a.vod2.myqcloud.com=k=y12345,*=" + KEY,
                Duration.ZERO, null, null);
        assertThat(listed.keyFor("a.vod2.myqcloud.com")).isEqualTo("k=y12345");
        assertThat(listed.keyFor("b.vod2.myqcloud.com")).isEqualTo(KEY);
        assertThat(PlaybackSigningSettings.parse("my_cdn.example.com=" + KEY, Duration.ZERO, null, null)
                .keyFor("other.example.com")).as("a host with an underscore still lists").isNull();
        // a bare KEY too short is refused without echoing any part of it
        assertThatThrownBy(() -> PlaybackSigningSettings.parse("sec=ret", Duration.ZERO, null, null))
                .hasMessageContaining("8-40").hasMessageNotContaining("sec").hasMessageNotContaining("ret");
        assertThatThrownBy(() -> PlaybackSigningSettings.parse("a.example=" + KEY + ",Secret9Key", Duration.ZERO, null, null))
                .hasMessageNotContaining("Secret9Key");
    }

    private static String sign(String url) {
        return param(url, "sign");
    }

    private static String us(String url) {
        return param(url, "us");
    }

    private static String param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(url);
        assertThat(m.find()).as(name + " in " + url).isTrue();
        return m.group(1);
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
