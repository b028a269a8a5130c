package io.vodflow.cli.doctor;

import io.vodflow.cli.ExitCodes;
import io.vodflow.cli.Setting;
import io.vodflow.cli.VodCli;
import io.vodflow.cli.eventconfig.DeliveryMode;
import io.vodflow.cli.eventconfig.DesiredEventConfig;
import io.vodflow.cli.vod.ServerClockProbe;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodConnection;
import io.vodflow.cli.vod.VodOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code doctor}: checks a running deployment, one line per check with a fix for each failure; exit 0 only if none fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks a running deployment end to end; exit code 0 only when no check fails.",
                "Services' health, Kafka topics, database migrations, the VOD key pair, VOD's event configuration,",
                "the SignKey and clock skew against VOD: one line per check, with a fix for each failure."})
public final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    VodCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    VodOptions vod;

    @Option(names = "--signer-url", defaultValue = "http://127.0.0.1:8081", description = "Default ${DEFAULT-VALUE}.")
    String signerUrl;

    @Option(names = "--ingress-url", defaultValue = "http://127.0.0.1:8082",
            description = "The ingress's internal URL (not necessarily the public one). Default ${DEFAULT-VALUE}.")
    String ingressUrl;

    @Option(names = "--processor-url", defaultValue = "http://127.0.0.1:8083", description = "Default ${DEFAULT-VALUE}.")
    String processorUrl;

    @Option(names = "--signer-management-url", paramLabel = "URL",
            description = "Where the signer's /actuator answers when it runs on MANAGEMENT_SERVER_PORT. Default --signer-url.")
    String signerManagementUrl;

    @Option(names = "--ingress-management-url", paramLabel = "URL",
            description = "Where the ingress's /actuator answers when it runs on MANAGEMENT_SERVER_PORT. Default --ingress-url.")
    String ingressManagementUrl;

    @Option(names = "--processor-management-url", paramLabel = "URL",
            description = "Where the processor's /actuator answers when it runs on MANAGEMENT_SERVER_PORT. Default --processor-url.")
    String processorManagementUrl;

    @Option(names = "--kafka-bootstrap", description = "Kafka bootstrap servers (env VODFLOW_KAFKA_BOOTSTRAP; default 127.0.0.1:9092).")
    String kafkaBootstrap;

    @Option(names = "--partitions", description = "Expected partitions per topic (env VODFLOW_KAFKA_PARTITIONS; default 6).")
    Integer partitions;

    @Option(names = "--db-url", description = "libpq URI postgresql://host:5432/db (env VODFLOW_DB_URL); user and "
            + "password from VODFLOW_DB_USER / VODFLOW_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--mode", defaultValue = "PUSH", description = "The delivery mode vodflow runs in. Default ${DEFAULT-VALUE}.")
    DeliveryMode mode;

    @Option(names = "--callback-url", paramLabel = "URL", description = "The ingress's public callback URL VOD should push to.")
    String callbackUrl;

    @Option(names = "--sign-key", paramLabel = "KEY", description = "The SignKey set on VOD (default VODFLOW_CALLBACK_SIGN_KEY).")
    String signKey;

    @Option(names = "--ingress-sign-key", paramLabel = "KEY", description = "The key the ingress runs with, to compare.")
    String ingressSignKey;

    @Option(names = "--jwt", paramLabel = "TOKEN", description = "A user JWT: the doctor then issues one upload "
            + "signature and checks it verifies with the VOD key pair (env VODFLOW_DOCTOR_JWT).")
    String jwt;

    @Option(names = "--max-clock-skew", defaultValue = "PT30S", description = "Largest tolerated skew against VOD (ISO-8601). Default ${DEFAULT-VALUE}.")
    Duration maxSkew;

    @Option(names = "--timeout", defaultValue = "PT10S", description = "Timeout of each check's calls. Default ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--skip", split = ",", paramLabel = "CHECK", description = "Checks to leave out, e.g. kafka-topics,db-migrations.")
    Set<String> skip = Set.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (Check check : checks()) {
            if (skip.contains(check.name()) || skip.contains(check.name().split(":")[0])) {
                continue;
            }
            CheckResult result = check.run();
            out.println(result.line(check.name()));
            out.flush();
            if (result.status() == CheckResult.Status.FAIL) {
                failures++;
            }
        }
        out.println(failures == 0 ? "All checks passed." : failures + " check(s) failed.");
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Check> checks() {
        HttpJson http = new HttpJson(timeout);
        VodConnection connection = vod.connection(root);
        VodApiClient api = new VodApiClient(connection);
        long subAppId = vod.subAppId(root);
        String key = Setting.pick(signKey, root, "VODFLOW_CALLBACK_SIGN_KEY", null);
        String keySource = signKey != null ? "--sign-key" : "VODFLOW_CALLBACK_SIGN_KEY";
        List<Check> checks = new ArrayList<>();
        String ingressActuator = Objects.requireNonNullElse(ingressManagementUrl, ingressUrl);
        checks.add(new ServiceHealthCheck("signer-service", "--signer", Objects.requireNonNullElse(signerManagementUrl, signerUrl), http));
        checks.add(new ServiceHealthCheck("callback-ingress", "--ingress", ingressActuator, http));
        checks.add(new ServiceHealthCheck("event-processor", "--processor",
                Objects.requireNonNullElse(processorManagementUrl, processorUrl), http));
        checks.add(new KafkaTopicsCheck(Setting.pick(kafkaBootstrap, root, "VODFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                partitions != null ? partitions : Integer.parseInt(Setting.pick(null, root, "VODFLOW_KAFKA_PARTITIONS", "6")),
                root.kafkaClientProperties(), timeout));
        checks.add(new SchemaMigrationCheck(Setting.pick(dbUrl, root, "VODFLOW_DB_URL", "postgresql://127.0.0.1:5432/vodflow"),
                Setting.pick(null, root, "VODFLOW_DB_USER", "vodflow"),
                Setting.pick(null, root, "VODFLOW_DB_PASSWORD", ""), timeout));
        checks.add(new VodKeyPairCheck(api, subAppId, connection.secretId(), connection.secretKey(), signerUrl,
                Setting.pick(jwt, root, "VODFLOW_DOCTOR_JWT", null), http));
        checks.add(new EventConfigCheck(api, subAppId, new DesiredEventConfig(mode, callbackUrl, key)));
        checks.add(new SignKeyCheck(key, keySource, ingressSignKey, ingressActuator, http));
        checks.add(new ClockSkewCheck(new ServerClockProbe(connection, Clock.systemUTC()), maxSkew));
        return checks;
    }
}
