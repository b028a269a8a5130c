package io.vodflow.cli.doctor;

import io.vodflow.cli.vod.ServerClockProbe;

import java.time.Duration;
import java.util.Optional;

/**
 * The local clock is within a bound of VOD's (HTTP Date of an API answer). Upload signatures carry this host's
 * time and TC3 requests are refused beyond 5 minutes, so the default bound is far tighter.
 */
final class ClockSkewCheck implements Check {

    private final ServerClockProbe probe;
    private final Duration bound;

    ClockSkewCheck(ServerClockProbe probe, Duration bound) {
        this.probe = probe;
        this.bound = bound;
    }

    @Override
    public String name() {
        return "clock-skew";
    }

    @Override
    public CheckResult run() {
        Optional<Duration> skew;
        try {
            skew = probe.skew();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted", "run doctor again");
        } catch (Exception e) {
            return CheckResult.fail("VOD API unreachable (" + HttpJson.reason(e) + ")", "check --endpoint and the network");
        }
        if (skew.isEmpty()) {
            return CheckResult.info("VOD sent no Date header; skew not measured (TC3 calls above show it is < 5 min)");
        }
        long ms = skew.get().toMillis();
        String text = "local clock is " + Math.abs(ms) / 1000.0 + " s " + (ms > 0 ? "behind" : "ahead of") + " VOD";
        if (skew.get().abs().compareTo(bound) > 0) {
            return CheckResult.fail(text + " (bound " + bound.toSeconds() + " s)",
                    "sync the clock of this host and of the services' hosts (NTP, chrony)");
        }
        return CheckResult.pass(text + " (bound " + bound.toSeconds() + " s; Date has 1 s resolution)");
    }
}
