package io.vodflow.processor.query;

import io.vodflow.contract.playback.PlaybackSigningSettings;
import io.vodflow.contract.playback.PlaybackUrlSigner;
import io.vodflow.processor.config.ProcessorProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs the playable URLs of a media answer at response time (stored URLs stay unsigned, so a KEY rotation or a
 * new margin applies at once); the cover stays unsigned because images are not hotlink-checked.
 */
@Component
public class PlaybackUrls {
    private final PlaybackUrlSigner signer;
    private final Clock clock;

    public PlaybackUrls(ProcessorProperties props, Clock clock) {
        ProcessorProperties.Playback p = props.playback();
        String keys = p.key() == null || p.key().isEmpty() ? null : p.key().reveal();
        this.signer = new PlaybackUrlSigner(PlaybackSigningSettings.parse(keys, p.expiryMargin(), p.exper(), p.rlimit()));
        this.clock = clock;
    }

    /** The view with its media URL and every rendition URL signed for playback (unchanged when signing is off). */
    public MediaView sign(MediaView view) {
        Instant now = clock.instant();
        return view.withUrls(signer.signForPlayback(view.mediaUrl(), seconds(view.duration()), now),
                view.renditions() == null ? null : view.renditions().stream()
                        .map(r -> r.withUrl(signer.signForPlayback(r.url(), seconds(r.duration() != null ? r.duration() : view.duration()), now)))
                        .toList());
    }

    private static Duration seconds(Double s) {
        return s == null ? Duration.ZERO : Duration.ofMillis((long) (s * 1000));
    }
}
