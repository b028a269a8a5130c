package io.vodflow.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client of the vodflow public interface, as an app's client or backend would call it. */
public final class VodflowClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String signerUrl;
    private final String processorUrl;
    private final String bearer;

    public VodflowClient(String signerUrl, String processorUrl, String jwt) {
        this.signerUrl = signerUrl;
        this.processorUrl = processorUrl;
        this.bearer = "Bearer " + jwt;
    }

    /** One HTTP answer: status and JSON body (null when empty). */
    public record Answer(int status, JsonNode body) { }

    /** {@code POST /v1/upload-signatures} with the given JSON request. */
    public Answer requestSignature(String requestJson) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(signerUrl + "/v1/upload-signatures"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson)));
    }

    /** {@code GET /v1/media/{fileId}}. */
    public Answer media(String fileId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(processorUrl + "/v1/media/" + fileId)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request.header("Authorization", bearer).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = res.body() == null || res.body().isBlank() ? null : JSON.readTree(res.body());
        return new Answer(res.statusCode(), body);
    }
}
