package io.vodflow.processor.query;

import io.vodflow.processor.config.ProcessorPropertiesTest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackUrlsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String MEDIA = "http://1500000001.vod2.myqcloud.com/abcd/5f2e123/Xy7Qm2.mp4";
    private static final String RENDITION = "http://1500000001.vod2.myqcloud.com/abcdtrans/5f2e123/v.f100030.mp4";
    private static final String COVER = "http://1500000001.vod2.myqcloud.com/abcdtrans/5f2e123/coverBySnapshot_10_0.jpg";

    @Test
    void mediaAndRenditionUrlsAreSignedAndTheCoverIsNot() throws Exception {
        MediaView signed = urls(Map.of("vodflow.processor.playback.key", "HotlinkKey123", "vodflow.processor.playback.expiry-margin", "30m"))
                .sign(view());

        assertThat(signed.coverUrl()).isEqualTo(COVER);
        Map<String, String> q = query(signed.mediaUrl());
        assertThat(q.keySet()).containsExactly("t", "us", "sign");
        // expiry = now + 60 s of media + 30 min margin, lower-case hex
        assertThat(new BigInteger(q.get("t"), 16).longValue()).isEqualTo(NOW.getEpochSecond() + 60 + 1800);
        assertThat(q.get("sign")).isEqualTo(md5("HotlinkKey123" + "/abcd/5f2e123/" + q.get("t") + q.get("us")));

        Map<String, String> r = query(signed.renditions().get(0).url());
        assertThat(signed.renditions().get(0).url()).startsWith(RENDITION + "?t=");
        assertThat(r.get("sign")).isEqualTo(md5("HotlinkKey123" + "/abcdtrans/5f2e123/" + r.get("t") + r.get("us")));
        assertThat(r.get("us")).isNotEqualTo(q.get("us"));
    }

    @Test
    void withoutAKeyEveryUrlIsReturnedAsStored() {
        MediaView v = view();
        assertThat(urls(Map.of()).sign(v)).isEqualTo(v);
    }

    private static PlaybackUrls urls(Map<String, String> settings) {
        return new PlaybackUrls(ProcessorPropertiesTest.bind(settings), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MediaView view() {
        return new MediaView("5f2e123", "u-1", null, "READY", "t-1", "FINISH",
                List.of(new MediaView.RenditionView(100030, RENDITION, 1280, 720, 2_896_000L, 21_744_310L, 60.0)),
                COVER, "LINKED", null, 100, "clip", MEDIA, 48_211_873L, 60.0, 1920, 1080, null, null, null, null, List.of());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        return q;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

}
