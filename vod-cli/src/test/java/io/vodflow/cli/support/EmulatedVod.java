package io.vodflow.cli.support;

import io.vodflow.cli.vod.VodConnection;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.EventConfigStore;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The VOD emulator with its TC3 API server on 127.0.0.1, and the environment that points the CLI at it. */
public final class EmulatedVod implements AutoCloseable {

    public static final String SECRET_ID = "AKIDvodflowCliTest000000000000000000";
    public static final String SECRET_KEY = "VodflowCliTestSecretKey0123456789";
    public static final String SIGN_KEY = "VodCbKey2024abc";

    private static final AtomicLong RANDOM = new AtomicLong(1000);

    private final VodEmulator emulator;
    private final Clock clock;
    private final VodApiServer api;

    public EmulatedVod() {
        this(ApiServerSettings.defaults());
    }

    public EmulatedVod(ApiServerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the emulator's clock: it stamps the CreateTime of uploads */
    public EmulatedVod(ApiServerSettings settings, Clock clock) {
        this.clock = clock;
        this.emulator = new VodEmulator(EmulatorSettings.of(SECRET_ID, SECRET_KEY).withClock(clock));
        this.api = emulator.startApiServer(settings);
    }

    /** A direct API client, for tests of the CLI's VOD-facing parts. */
    public VodConnection connection() {
        return new VodConnection(api.endpoint(), "http", "", SECRET_ID, SECRET_KEY, Duration.ofSeconds(10));
    }

    public VodEmulator emulator() {
        return emulator;
    }

    public EventConfigStore eventConfigs() {
        return emulator.eventConfigs();
    }

    /** VODFLOW_VOD_* pointing at the emulator, plus VODFLOW_CALLBACK_SIGN_KEY; a mutable copy. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VODFLOW_VOD_ENDPOINT", api.baseUrl());
        env.put("VODFLOW_VOD_SECRET_ID", SECRET_ID);
        env.put("VODFLOW_VOD_SECRET_KEY", SECRET_KEY);
        env.put("VODFLOW_CALLBACK_SIGN_KEY", SIGN_KEY);
        return env;
    }

    /** Uploads a file with a signature naming a procedure (or none) and the given sourceContext. */
    public UploadedMedia upload(String name, String sourceContext, boolean procedure) {
        long now = clock.instant().getEpochSecond();
        UploadSignatureParams params = new UploadSignatureParams(SECRET_ID, now, now + 3600, RANDOM.incrementAndGet(),
                null, procedure ? "LongVideoPreset" : null, null, null, sourceContext, null, null, null, null);
        String signature = new UploadSignatureCodec().sign(params, SECRET_KEY);
        return ((UploadResult.Accepted) emulator.upload(signature, UploadRequest.of(name))).media();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
