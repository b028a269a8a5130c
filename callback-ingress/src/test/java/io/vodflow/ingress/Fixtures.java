package io.vodflow.ingress;

import io.vodflow.contract.testing.FixtureFiles;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shared VOD payload fixtures as the ingress tests use them. */
public final class Fixtures {
    /** Every push-callback fixture (v3 and legacy v2, known and unknown event types). */
    public static final List<String> PUSH = List.of(
            "v3-new-file-upload.json", "v3-procedure-change-processing.json", "v3-procedure-finish.json",
            "v3-procedure-finish-transcode-failed.json", "v3-file-deleted.json", "v3-unknown-event-type.json",
            "v2-new-file-upload.json", "v2-procedure-finish.json");

    private Fixtures() { }

    public static byte[] bytes(String name) {
        return FixtureFiles.bytes(name);
    }

    public static String text(String name) {
        return FixtureFiles.text(name);
    }

    /** The v3 body with a description of {@code size} characters: still valid JSON, as large as a test needs. */
    public static byte[] withLongDescription(byte[] body, int size) {
        return new String(body, StandardCharsets.UTF_8).replace("\"Description\": \"\"",
                "\"Description\": \"" + "x".repeat(size) + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** A NewFileUpload body for a FileId of the caller's choice, so streams of callbacks are distinguishable. */
    public static byte[] newFileUpload(String fileId) {
        return text("v3-new-file-upload.json").replace(FixtureFiles.FILE_ID, fileId).getBytes(StandardCharsets.UTF_8);
    }
}
