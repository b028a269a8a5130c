package io.vodflow.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.callback.CallbackPusher;
import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Plays one client-upload story against running services: a signature from the signer, an upload to the
 * emulated VOD, VOD's push callbacks to the ingress, and the processor's media record once FINISH is in.
 */
public final class UploadStoryPlayer {
    private final VodflowClient client;
    private final VodEmulator vod;
    private final URI callbackUrl;
    private final PrintStream out;

    public UploadStoryPlayer(VodflowClient client, VodEmulator vod, String ingressUrl, PrintStream out) {
        this.client = client;
        this.vod = vod;
        this.callbackUrl = URI.create(ingressUrl + "/v1/vod/callbacks");
        this.out = out;
    }

    /** What one story produced: the signature row, the uploaded file and the final media record. */
    public record Outcome(String signatureId, String fileId, String taskId, JsonNode media) { }

    /** Plays the story with the given delivery and waits (up to {@code timeout}) for the media to reach FINISH. */
    public Outcome play(Delivery delivery, Duration timeout) throws IOException, InterruptedException {
        VodflowClient.Answer issued = client.requestSignature("{\"procedure\":\"LongVideoPreset\",\"taskNotifyMode\":\"Change\"}");
        require(issued.status() == 201, "signer answered " + issued.status() + ": " + issued.body());
        String signatureId = issued.body().path("id").asText();
        out.println("1. signature issued: id=" + signatureId + " expiresAt=" + issued.body().path("expiresAt").asText()
                + " sourceContext=" + issued.body().path("sourceContext").asText());

        UploadResult result = vod.upload(issued.body().path("signature").asText(), UploadRequest.of("holiday-clip"));
        if (!(result instanceof UploadResult.Accepted accepted)) {
            throw new IllegalStateException("emulated VOD refused the signature: " + result);
        }
        out.println("2. uploaded to emulated VOD: fileId=" + accepted.fileId() + " taskId=" + accepted.procedureTaskId());

        UploadStory story = vod.story(accepted.media());
        List<byte[]> bodies = delivery.bodies(story);
        try (CallbackPusher pusher = new CallbackPusher()) {
            for (byte[] body : bodies) {
                Integer status = pusher.push(callbackUrl, body).block(Duration.ofSeconds(10));
                require(status != null && status == 200, "ingress answered " + status);
            }
        }
        out.println("3. " + bodies.size() + " callbacks pushed to the ingress (" + delivery + "), each answered 200");

        JsonNode media = awaitFinished(accepted.fileId(), timeout);
        out.println("4. media record: " + media.toPrettyString());
        return new Outcome(signatureId, accepted.fileId(), accepted.procedureTaskId(), media);
    }

    private JsonNode awaitFinished(String fileId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        VodflowClient.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.media(fileId);
            if (last.status() == 200 && "FINISH".equals(last.body().path("taskStatus").asText())
                    && !last.body().path("userId").asText().isEmpty()) {
                return last.body();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("media " + fileId + " did not reach FINISH within " + timeout + "; last answer "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
