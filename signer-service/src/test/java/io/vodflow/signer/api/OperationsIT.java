package io.vodflow.signer.api;

import io.vodflow.kit.testing.ApiDocs;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends SignerITSupport {

    @Test
    void prometheusCountsIssuedRefusedByReasonAndTimesIssuing() {
        issue(newUser(), null);
        post(newUser(), "{\"ttlSeconds\":999999}").expectStatus().isEqualTo(422);
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("vodflow_signer_issued_total\\{[^}]*\\} [1-9]")
                .containsPattern("vodflow_signer_refused_total\\{[^}]*reason=\"ttl.max\"[^}]*\\} [1-9]")
                .contains("vodflow_signer_issue_seconds_count")
                .contains("vodflow_signer_rate_limited_total")
                .contains("vodflow_signer_insert_batch_rows");
    }

    @Test
    void openApiDescribesTheSignatureEndpointsWithoutAToken() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/v1/upload-signatures'].post").exists()
                .jsonPath("$.paths['/v1/upload-signatures'].get").doesNotExist()
                .jsonPath("$.paths['/v1/upload-signatures/{id}'].get").exists()
                .jsonPath("$.paths['/v1/upload-signatures/{id}'].delete").exists()
                .jsonPath("$.paths['/v1/upload-signatures/verify'].post").exists();
    }

    @Test
    void openApiDocumentsTheErrorAnswersOfEachOperationAsProblems() {
        ApiDocs docs = ApiDocs.parse(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).assertEveryErrorIsAProblem();
        assertThat(docs.problemProperties()).containsKeys("rule", "nextExpiryAt", "state");
        assertThat(docs.codes(PATH, "post")).containsExactly("201", "400", "401", "409", "413", "415", "422", "429", "503");
        assertThat(docs.response(PATH, "post", "429").path("headers").has("Retry-After")).isTrue();
        assertThat(docs.response(PATH, "post", "503").path("headers").has("Retry-After")).isTrue();
        assertThat(docs.codes(PATH + "/{id}", "get")).containsExactly("200", "400", "401", "404", "503");
        // revoking answers 204 without a body, never 200
        assertThat(docs.codes(PATH + "/{id}", "delete")).containsExactly("204", "400", "401", "404", "409", "503");
        assertThat(docs.response(PATH + "/{id}", "delete", "204").has("content")).isFalse();
        assertThat(docs.codes(PATH + "/verify", "post")).containsExactly("200", "400", "401", "403", "413", "415", "503");
        // the issue route's SignatureIssuer argument is wiring, not a query parameter
        assertThat(docs.parameterNames()).contains("id").doesNotContain("issuer");
    }

    @Test
    void healthIsUpWithoutAToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void classPathFilesAreNotServedSoAnUnknownPathIsAPlainNotFound() {
        // src/test/resources/public/class-path-probe.txt: Boot's catch-all resource handler would serve it
        client.get().uri("/class-path-probe.txt").headers(h -> h.setBearerAuth(tokenFor(newUser()))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("Nothing is served at this path");
    }

    @Test
    void noEndpointRevealsConfigurationEvenToAnAdmin() {
        String admin = adminToken();
        for (String path : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/beans"}) {
            client.get().uri(path).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        }
    }
}
