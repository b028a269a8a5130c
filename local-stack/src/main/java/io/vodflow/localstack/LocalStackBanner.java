package io.vodflow.localstack;

import io.vodflow.infra.local.LocalInfrastructure;
import io.vodflow.localstack.fleet.ServiceFleet;
import io.vodflow.localstack.fleet.ServiceModule;

import java.io.PrintStream;

/** Prints where everything runs, the dev settings and ready-to-use tokens once the local run is up. */
final class LocalStackBanner {
    private final PrintStream out;

    LocalStackBanner(PrintStream out) {
        this.out = out;
    }

    void print(ServiceFleet fleet, LocalInfrastructure infra, DevSettings dev, String jwt, String adminJwt) {
        out.println();
        out.println("================ vodflow local stack is up ================");
        out.println("signer-service    " + fleet.url(ServiceModule.SIGNER) + "   POST /v1/upload-signatures");
        out.println("callback-ingress  " + fleet.url(ServiceModule.INGRESS) + "   POST /v1/vod/callbacks");
        out.println("event-processor   " + fleet.url(ServiceModule.PROCESSOR) + "   GET  /v1/media/{fileId}");
        out.println("Kafka             " + infra.kafka().bootstrapServers());
        out.println("Postgres          " + infra.database().libpqUrl() + " (user " + infra.database().user() + ")");
        out.println("-- dev settings (local use only) --");
        infra.serviceEnvironment().forEach((k, v) -> out.println(k + "=" + (k.contains("PASSWORD") ? "(see README)" : v)));
        out.println("VODFLOW_VOD_SECRET_ID=" + dev.secretId());
        out.println("VODFLOW_VOD_SECRET_KEY, VODFLOW_JWT_SECRET, VODFLOW_CALLBACK_SIGN_KEY: dev values, see README");
        out.println("-- demo JWT for user '" + LocalStack.DEMO_USER + "' (24 h) --");
        out.println(jwt);
        out.println("-- demo admin JWT (roles: admin) --");
        out.println(adminJwt);
        out.println("try:  curl -s -X POST -H \"Authorization: Bearer $JWT\" -H 'Content-Type: application/json' -d '{}' "
                + fleet.url(ServiceModule.SIGNER) + "/v1/upload-signatures");
        out.println("============================================================");
    }
}
