package io.vodflow.localstack;

import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.localstack.bench.BareEndpointApplication;
import io.vodflow.localstack.bench.BenchmarkMain;
import io.vodflow.infra.local.LocalInfrastructure;
import io.vodflow.localstack.demo.Delivery;
import io.vodflow.localstack.demo.UploadStoryPlayer;
import io.vodflow.localstack.demo.VodflowClient;
import io.vodflow.localstack.fleet.ServiceFleet;
import io.vodflow.localstack.fleet.ServiceModule;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The one-command local run: embedded Kafka and Postgres, the three service jars as child processes,
 * a printed summary with a demo JWT, and optionally one demo upload story through the emulator.
 */
public final class LocalStack {
    static final String DEMO_USER = "demo-user";

    private LocalStack() { }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            BenchmarkMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("bare-endpoint")) {
            BareEndpointApplication.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        DevSettings dev = DevSettings.defaults();
        out.println("vodflow local run: starting Kafka on 127.0.0.1:" + options.kafkaPort() + " and Postgres on 127.0.0.1:"
                + options.postgresPort() + " (data in " + options.dataDir() + ")");
        LocalInfrastructure infra = LocalInfrastructure.start(options.dataDir(), options.kafkaPort(), options.postgresPort());
        ServiceLogs logs = new ServiceLogs(options.dataDir().resolve("logs"));
        ServiceFleet fleet = new ServiceFleet(options.projectRoot(), dev.environment(infra.serviceEnvironment()), logs::forService, false);
        out.println("starting the three services (logs in " + logs.folder() + ") ...");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            infra.close();
            logs.close();
        }, "local-stack-shutdown"));
        fleet.start(options.servicePorts(), Duration.ofMinutes(3));

        String jwt = DevJwt.mint(dev.jwtSecret(), DEMO_USER, List.of(), Duration.ofDays(1));
        String adminJwt = DevJwt.mint(dev.jwtSecret(), "demo-admin", List.of("admin"), Duration.ofDays(1));
        new LocalStackBanner(out).print(fleet, infra, dev, jwt, adminJwt);

        if (options.demo()) {
            try (VodEmulator vod = new VodEmulator(EmulatorSettings.of(dev.secretId(), dev.secretKey())
                    .withCallbackSignKey(dev.callbackSignKey()))) {
                out.println("\n== demo upload story ==");
                new UploadStoryPlayer(new VodflowClient(fleet.url(ServiceModule.SIGNER), fleet.url(ServiceModule.PROCESSOR), jwt),
                        vod, fleet.url(ServiceModule.INGRESS), out).play(Delivery.IN_ORDER, Duration.ofSeconds(60));
                out.println("== demo complete: the upload is linked to " + DEMO_USER + " and its transcoding is FINISH ==");
            }
        }
        out.println("\nvodflow is running; press Ctrl-C to stop.");
        Thread.currentThread().join();
    }
}
