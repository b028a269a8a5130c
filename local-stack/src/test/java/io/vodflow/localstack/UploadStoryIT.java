package io.vodflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.localstack.demo.Delivery;
import io.vodflow.localstack.demo.UploadStoryPlayer;
import io.vodflow.localstack.demo.VodflowClient;
import io.vodflow.localstack.fleet.ServiceFleet;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole upload story across the real service jars, started as an operator would with only VODFLOW_*
 * variables, against a real Kafka broker and a real Postgres server.
 */
class UploadStoryIT {
    private static final DevSettings DEV = DevSettings.defaults();
    private static final String USER = "user-" + UUID.randomUUID();
    private static PostgresDatabase db;
    private static ServiceFleet fleet;
    private static VodEmulator vod;
    private static UploadStoryPlayer player;

    @BeforeAll
    static void startServices() throws Exception {
        VodflowInfra infra = VodflowInfra.get();
        db = infra.newDatabase("e2e");
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule s : ServiceModule.values()) {
            ports.put(s, LocalPorts.pickFree());
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        fleet = new ServiceFleet(root, DEV.environment(VodflowInfra.serviceEnvironment(db, infra.kafka())), System.out)
                .start(ports, Duration.ofMinutes(3));
        vod = new VodEmulator(EmulatorSettings.of(DEV.secretId(), DEV.secretKey()).withCallbackSignKey(DEV.callbackSignKey()));
        String jwt = DevJwt.mint(DEV.jwtSecret(), USER, List.of(), Duration.ofHours(1));
        player = new UploadStoryPlayer(new VodflowClient(fleet.url(ServiceModule.SIGNER), fleet.url(ServiceModule.PROCESSOR), jwt),
                vod, fleet.url(ServiceModule.INGRESS), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (fleet != null) {
            fleet.close();
        }
        if (vod != null) {
            vod.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void everyDeliveryOrderEndsLinkedToTheUploaderWithFinishedRenditions(Delivery delivery) throws Exception {
        UploadStoryPlayer.Outcome outcome = player.play(delivery, Duration.ofSeconds(60));
        JsonNode media = outcome.media();

        assertThat(media.path("fileId").asText()).isEqualTo(outcome.fileId());
        assertThat(media.path("userId").asText()).isEqualTo(USER);
        assertThat(media.path("signatureId").asText()).isEqualTo(outcome.signatureId());
        assertThat(media.path("taskId").asText()).isEqualTo(outcome.taskId());
        assertThat(media.path("taskStatus").asText()).isEqualTo("FINISH");
        assertThat(media.path("coverUrl").asText()).startsWith("http").contains(outcome.fileId());
        assertThat(media.path("renditions").findValuesAsText("url"))
                .anySatisfy(url -> assertThat(url).endsWith("v.f100030.mp4"))
                .allSatisfy(url -> assertThat(url).contains(outcome.fileId()));
        assertThat(media.path("renditions")).allSatisfy(r -> {
            assertThat(r.path("width").asInt()).isPositive();
            assertThat(r.path("height").asInt()).isPositive();
            assertThat(r.path("bitrate").asLong()).isPositive();
            assertThat(r.path("size").asLong()).isPositive();
        });
        assertThat(media.path("renditions")).hasSize(vod.settings().renditions().size());
        assertThat(signatureState(outcome.signatureId())).isEqualTo("USED");
    }

    @Test
    void anotherUsersTokenCannotSeeTheMedia() throws Exception {
        UploadStoryPlayer.Outcome outcome = player.play(Delivery.IN_ORDER, Duration.ofSeconds(60));
        String stranger = DevJwt.mint(DEV.jwtSecret(), "someone-else", List.of(), Duration.ofHours(1));
        VodflowClient strangerClient = new VodflowClient(fleet.url(ServiceModule.SIGNER), fleet.url(ServiceModule.PROCESSOR), stranger);
        assertThat(strangerClient.media(outcome.fileId()).status()).isEqualTo(404);
    }

    private static String signatureState(String id) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("select state from upload_signature where id = ?::uuid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
