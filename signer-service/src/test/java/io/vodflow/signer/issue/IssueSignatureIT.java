package io.vodflow.signer.issue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.signer.support.IndependentSignatureDecoder;
import io.vodflow.signer.support.IndependentSignatureDecoder.Decoded;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IssueSignatureIT extends SignerITSupport {

    @Test
    void emptyBodyIssuesADefaultSignatureThatAnIndependentDecoderVerifies() {
        String user = newUser();
        long before = Instant.now().getEpochSecond();
        var result = post(user, null).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/v1/upload-signatures/[0-9a-f-]{36}")
                .expectBody(JsonNode.class).returnResult();
        JsonNode body = result.getResponseBody();
        UUID id = UUID.fromString(body.get("id").asText());
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/v1/upload-signatures/" + id);

        Decoded decoded = IndependentSignatureDecoder.decode(body.get("signature").asText(), PRIMARY_KEY);
        assertThat(decoded.macValid()).isTrue();
        assertThat(decoded.params()).containsEntry("secretId", PRIMARY_ID)
                .containsEntry("sourceContext", body.get("sourceContext").asText())
                .doesNotContainKeys("oneTimeValid", "procedure", "classId", "sessionContext");
        assertThat(decoded.original()).startsWith("secretId=" + PRIMARY_ID + "&currentTimeStamp=");
        long ts = decoded.longParam("currentTimeStamp");
        assertThat(ts).isBetween(before, Instant.now().getEpochSecond());
        assertThat(decoded.longParam("expireTime")).isEqualTo(ts + 3600);
        assertThat(decoded.longParam("random")).isBetween(0L, 4_294_967_295L);
        assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(Instant.ofEpochSecond(ts + 3600));
        assertThat(body.get("oneTime").asBoolean()).isFalse();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("user_id", user).containsEntry("secret_id", PRIMARY_ID)
                .containsEntry("random", decoded.longParam("random")).containsEntry("issued_epoch", ts)
                .containsEntry("one_time", false).containsEntry("state", "ISSUED")
                .containsEntry("source_context", body.get("sourceContext").asText())
                .containsEntry("requester_ip", "127.0.0.1");
        assertThat(((Timestamp) row.get("issued_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(ts));
        assertThat(((Timestamp) row.get("expires_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(ts + 3600));
        assertThat(((Timestamp) row.get("state_changed_at")).toInstant()).isCloseTo(Instant.ofEpochSecond(ts), within(1, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(row.get("used_at")).isNull();
        assertThat(row.get("revoked_at")).isNull();
    }

    @Test
    void everyRequestFieldReachesTheSignatureAndTheRowButTheClientContextOnlyTheRow() {
        String user = newUser();
        String session = "{\"job\":\"a b&c=d+e%f\",\"ü\":\"✓\"}";
        JsonNode body = issue(user, """
                {"procedure":"LongVideoPreset","classId":7,"oneTime":true,"ttlSeconds":600,
                 "sessionContext":%s,"taskPriority":-3,"taskNotifyMode":"Change","storageRegion":"ap-chongqing",
                 "vodSubAppId":1500000001,"context":"my own note"}""".formatted(quote(session)));

        Decoded decoded = IndependentSignatureDecoder.decode(body.get("signature").asText(), PRIMARY_KEY);
        assertThat(decoded.macValid()).isTrue();
        assertThat(decoded.params()).containsEntry("procedure", "LongVideoPreset").containsEntry("classId", "7")
                .containsEntry("oneTimeValid", "1").containsEntry("sessionContext", session)
                .containsEntry("taskPriority", "-3").containsEntry("taskNotifyMode", "Change")
                .containsEntry("storageRegion", "ap-chongqing").containsEntry("vodSubAppId", "1500000001");
        assertThat(decoded.original()).doesNotContain("my own note").doesNotContain("my%20own%20note");
        assertThat(decoded.longParam("expireTime") - decoded.longParam("currentTimeStamp")).isEqualTo(600);
        assertThat(body.get("oneTime").asBoolean()).isTrue();

        Map<String, Object> row = row(UUID.fromString(body.get("id").asText()));
        assertThat(row).containsEntry("procedure", "LongVideoPreset").containsEntry("class_id", 7)
                .containsEntry("one_time", true).containsEntry("session_context", session)
                .containsEntry("task_priority", -3).containsEntry("task_notify_mode", "Change")
                .containsEntry("storage_region", "ap-chongqing").containsEntry("sub_app_id", 1500000001L)
                .containsEntry("client_context", "my own note");
    }

    @Test
    void malformedJsonIsA400Problem() {
        post(newUser(), "{\"ttlSeconds\": ").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        post(newUser(), "{\"ttlSeconds\": \"soon\"}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(newUser(), "[1,2]").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(newUser())))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("procedure=x").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415);
    }

    @Test
    void anotherMethodOnTheIssuePathIsA405Problem() {
        client.get().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(newUser()))).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anEmptyJsonObjectTakesTheDefaultsToo() {
        JsonNode body = issue(newUser(), "{}");
        Decoded decoded = IndependentSignatureDecoder.decode(body.get("signature").asText(), PRIMARY_KEY);
        assertThat(decoded.longParam("expireTime") - decoded.longParam("currentTimeStamp")).isEqualTo(3600);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
