package io.vodflow.signer.keys;

import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.signer.config.SignerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Keeps this instance's active key on the latest run-time switch: read once before the web server takes requests,
 * then every {@code key-refresh}. While the database cannot be read the active key stays as it was (and nothing
 * can be issued anyway, since every signature is recorded first).
 */
@Component
public class ActiveKeyRefresher extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ActiveKeyRefresher.class);
    // the repository times a read out after 5 s; a little more here so its own timeout is what ends a slow read
    private static final Duration FIRST_READ_WAIT = Duration.ofSeconds(6);
    private final KeySwitchRepository switches;
    private final SigningKeyRing ring;
    private final Duration refresh;
    private volatile boolean failing;

    public ActiveKeyRefresher(KeySwitchRepository switches, SigningKeyRing ring, SignerProperties props) {
        this.switches = switches;
        this.ring = ring;
        this.refresh = props.keyRefresh();
    }

    /** Runs on the starting thread, never an event loop: the first read is awaited so no request signs with a stale key. */
    @Override
    public void start() {
        refreshOnce().block(FIRST_READ_WAIT);
        super.start();
    }

    @Override
    protected Disposable subscribe() {
        return Flux.interval(refresh, refresh).onBackpressureDrop().concatMap(tick -> refreshOnce(), 0).subscribe();
    }

    /**
     * Reads the latest switch and follows it (none yet: the configured pair stays active); a failed read is logged
     * when the failures start and end.
     */
    Mono<Void> refreshOnce() {
        return switches.latest()
                .doOnSuccess(latest -> {
                    if (latest != null) {
                        ring.follow(latest);
                    }
                    if (failing) {
                        failing = false;
                        log.atInfo().log("active key switches readable again");
                    }
                })
                .onErrorResume(e -> {
                    if (!failing) {
                        failing = true;
                        log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).addKeyValue("signingWith", ring.active().keyId())
                                .log("cannot read the active key switches; signing on with the current key");
                    }
                    return Mono.empty();
                }).then();
    }

    /** Before the web server (phase {@code DEFAULT_PHASE - 1024}) opens. */
    @Override
    public int getPhase() {
        return 0;
    }
}
