package io.vodflow.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The VOD payload fixtures copied into this module's test resources. */
public final class Fixtures {
    /** Every push-callback fixture (v3 and legacy v2, known and unknown event types). */
    public static final List<String> PUSH = List.of(
            "v3-new-file-upload.json", "v3-procedure-change-processing.json", "v3-procedure-finish.json",
            "v3-procedure-finish-transcode-failed.json", "v3-file-deleted.json", "v3-unknown-event-type.json",
            "v2-new-file-upload.json", "v2-procedure-finish.json");

    private Fixtures() { }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A NewFileUpload body for a FileId of the caller's choice, so streams of callbacks are distinguishable. */
    public static byte[] newFileUpload(String fileId) {
        return text("v3-new-file-upload.json").replace("3270835012345678901", fileId).getBytes(StandardCharsets.UTF_8);
    }
}
