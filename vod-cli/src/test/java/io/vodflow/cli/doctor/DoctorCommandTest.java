package io.vodflow.cli.doctor;

import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.cli.support.LocalHttpServer;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.EventConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vodflow.cli.support.EmulatedVod.SECRET_ID;
import static io.vodflow.cli.support.EmulatedVod.SECRET_KEY;
import static io.vodflow.cli.support.EmulatedVod.SIGN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * doctor against the emulator's API and local HTTP servers standing in for the services' health endpoints
 * (Kafka and Postgres checks are in {@code DoctorInfraIT}).
 */
class DoctorCommandTest {

    private static final String URL = "https://vod-callbacks.example.com/v1/vod/callbacks";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final EmulatedVod vod = closeLater(new EmulatedVod());
    private final LocalHttpServer signer = closeLater(LocalHttpServer.healthy());
    private final LocalHttpServer ingress = closeLater(LocalHttpServer.healthy());
    private final LocalHttpServer processor = closeLater(LocalHttpServer.healthy());

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void configuredDeploymentPassesEveryCheck() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "ON", "ON", "OFF", SIGN_KEY));

        CliRun run = doctor(vod.env());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("PASS"))).hasSize(7);
        assertThat(run.line("PASS", "sign-key")).contains("cannot be read back");
        assertThat(run.out()).contains("All checks passed.").doesNotContain(SIGN_KEY).doesNotContain(SECRET_KEY);
    }

    @Test
    void newFileUploadSwitchLeftOffIsNamedWithTheCommandThatFixesIt() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "OFF", "ON", "OFF", SIGN_KEY));

        CliRun run = doctor(vod.env());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.line("FAIL", "vod-event-config"))
                .contains("NewFileUpload switch (UploadMediaCompleteEventSwitch) is OFF")
                .contains("fix: vodflow-cli configure-vod --sub-app-id 0 --mode PUSH --callback-url " + URL);
        assertThat(run.out()).contains("1 check(s) failed.");
    }

    @Test
    void wrongCallbackUrlAndModeAreNamed() {
        vod.eventConfigs().set(0, new EventConfig("PULL", "https://old.example/cb", "ON", "ON", "OFF", SIGN_KEY));

        CliRun run = doctor(vod.env());

        assertThat(run.line("FAIL", "vod-event-config")).contains("Mode is PULL, vodflow expects PUSH")
                .contains("NotificationUrl is https://old.example/cb, expected " + URL);
    }

    @Test
    void mismatchedSignKeyIsNamed() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "ON", "ON", "OFF", SIGN_KEY));

        CliRun run = doctor(vod.env(), "--ingress-sign-key", "IngressHasAnother1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.line("FAIL", "sign-key")).contains("SignKey mismatch")
                .contains("fix: give both the same key").doesNotContain("IngressHasAnother1");
    }

    @Test
    void ingressReportingNoKeyAndMissingKeyFail() {
        ingress.answer("/actuator/health", 200, "{\"status\":\"UP\",\"components\":{\"ingress\":{\"status\":\"UP\","
                + "\"details\":{\"signKeyConfigured\":false}}}}");
        Map<String, String> noKey = vod.env();
        noKey.remove("VODFLOW_CALLBACK_SIGN_KEY");

        assertThat(doctor(vod.env()).line("FAIL", "sign-key")).contains("the ingress reports no SignKey");
        assertThat(doctor(noKey).line("FAIL", "sign-key")).contains("no SignKey configured");
    }

    @Test
    void callbacksParkedByTheIngressFailItsHealthCheck() {
        ingress.answer("/actuator/health", 200, "{\"status\":\"UP\",\"components\":{\"ingress\":{\"status\":\"UP\","
                + "\"details\":{\"signKeyConfigured\":true,\"fallbackBacklog\":0,\"fallbackParked\":2}}}}");
        CliRun run = doctor(vod.env());
        assertThat(run.line("FAIL", "health:callback-ingress")).contains("2 callback(s) parked").contains("park_reason");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void downAndUnreachableServicesAreNamed() {
        processor.answer("/actuator/health", 503, "{\"status\":\"DOWN\",\"components\":{\"r2dbc\":{\"status\":\"DOWN\"},"
                + "\"ping\":{\"status\":\"UP\"}}}");
        signer.close();

        CliRun run = doctor(vod.env());

        assertThat(run.line("FAIL", "health:event-processor")).contains("DOWN (r2dbc=DOWN)").contains("fix:");
        assertThat(run.line("FAIL", "health:signer-service")).contains("unreachable").contains("--signer-url");
        assertThat(run.line("PASS", "health:callback-ingress")).contains("UP");
    }

    @Test
    void aServiceWithItsActuatorOnAnotherPortIsNamedAsSuch() {
        ingress.answer("/actuator/health", 404, "{\"status\":404,\"title\":\"Not found\"}");

        CliRun run = doctor(vod.env());

        assertThat(run.line("FAIL", "health:callback-ingress")).contains("answers 404").contains("MANAGEMENT_SERVER_PORT")
                .contains("--ingress-management-url");
    }

    @Test
    void actuatorsOnPortsOfTheirOwnAreReadThere() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "ON", "ON", "OFF", SIGN_KEY));
        for (LocalHttpServer service : List.of(signer, ingress, processor)) {
            service.answer("/actuator/health", 404, "{\"status\":404,\"title\":\"Not found\"}");
        }
        signer.answer("/v1/upload-signatures", 201, "{\"signature\":\"" + signature(SECRET_ID, SECRET_KEY) + "\"}");
        LocalHttpServer signerManagement = closeLater(LocalHttpServer.healthy());
        LocalHttpServer processorManagement = closeLater(LocalHttpServer.healthy());
        LocalHttpServer ingressManagement = closeLater(new LocalHttpServer().answer("/actuator/health", 200,
                "{\"status\":\"UP\",\"components\":{\"ingress\":{\"status\":\"UP\",\"details\":{\"signKeyConfigured\":false}}}}"));

        CliRun run = doctor(vod.env(), "--jwt", "a.b.c", "--signer-management-url", signerManagement.url(),
                "--ingress-management-url", ingressManagement.url(), "--processor-management-url", processorManagement.url());

        assertThat(run.line("PASS", "health:signer-service")).contains(signerManagement.url());
        assertThat(run.line("PASS", "health:callback-ingress")).contains(ingressManagement.url());
        assertThat(run.line("PASS", "health:event-processor")).contains(processorManagement.url());
        // the signature is still issued on the service port, and the ingress's key state read on its management port
        assertThat(run.line("PASS", "vod-key-pair")).contains("signer's signature verifies");
        assertThat(run.line("FAIL", "sign-key")).contains("the ingress reports no SignKey");
    }

    @Test
    void wrongSecretKeyFailsTheKeyPairCheckWithAFix() {
        Map<String, String> env = vod.env();
        env.put("VODFLOW_VOD_SECRET_KEY", "not-the-secret-key");

        CliRun run = doctor(env);

        assertThat(run.line("FAIL", "vod-key-pair")).contains("AuthFailure.SignatureFailure")
                .contains("fix: the SecretKey does not belong to the SecretId");
        assertThat(run.out()).doesNotContain("not-the-secret-key");
    }

    @Test
    void signerSignatureIsCheckedAgainstTheKeyPairWhenAJwtIsGiven() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "ON", "ON", "OFF", SIGN_KEY));
        signer.answer("/v1/upload-signatures", 201, "{\"signature\":\"" + signature(SECRET_ID, SECRET_KEY) + "\"}");

        CliRun good = doctor(vod.env(), "--jwt", "a.b.c");
        signer.answer("/v1/upload-signatures", 201, "{\"signature\":\"" + signature("AKIDotherPair", "other") + "\"}");
        CliRun other = doctor(vod.env(), "--jwt", "a.b.c");
        signer.answer("/v1/upload-signatures", 201, "{\"signature\":\"" + signature(SECRET_ID, "forged") + "\"}");
        CliRun forged = doctor(vod.env(), "--jwt", "a.b.c");

        assertThat(good.line("PASS", "vod-key-pair")).contains("signer's signature verifies");
        assertThat(other.line("FAIL", "vod-key-pair")).contains("signs with SecretId AKIDotherPair");
        assertThat(forged.line("FAIL", "vod-key-pair")).contains("does not verify with VODFLOW_VOD_SECRET_KEY");
    }

    @Test
    void clockSkewBeyondTheBoundIsReported() {
        EmulatedVod ahead = closeLater(new EmulatedVod(ApiServerSettings.defaults()
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)))));

        CliRun run = doctor(ahead.env(), "--skip", "vod-event-config,sign-key");

        assertThat(run.line("FAIL", "clock-skew")).containsPattern("local clock is 1[12]\\d\\.\\d+ s behind VOD")
                .contains("fix: sync the clock");
        assertThat(run.line("PASS", "vod-key-pair")).contains(SECRET_ID);
    }

    private CliRun doctor(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("doctor", "--signer-url", signer.url(), "--ingress-url", ingress.url(),
                "--processor-url", processor.url(), "--callback-url", URL, "--timeout", "PT3S"));
        List<String> more = new ArrayList<>(List.of(extra));
        int skip = more.indexOf("--skip");
        String skipped = "kafka-topics,db-migrations";
        if (skip >= 0) {
            skipped += "," + more.remove(skip + 1);
            more.remove(skip);
        }
        args.addAll(List.of("--skip", skipped));
        args.addAll(more);
        return CliRun.of(env, args.toArray(String[]::new));
    }

    private static String signature(String secretId, String secretKey) {
        long now = System.currentTimeMillis() / 1000;
        return new UploadSignatureCodec().sign(new UploadSignatureParams(secretId, now, now + 600, 42, null, null,
                null, null, null, null, null, null, null), secretKey);
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        open.add(resource);
        return resource;
    }
}
