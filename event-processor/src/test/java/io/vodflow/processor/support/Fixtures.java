package io.vodflow.processor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The VOD fixture bodies (copied from the shared set) with this test's FileId, TaskId and sourceContext. */
public final class Fixtures {
    public static final String FILE_ID = "3270835012345678901";
    public static final String TASK_ID = "1500000001-Procedure-9d1c0e7f2a4b5c6d7e8f90a1b2c3d4e5t0";
    public static final String CONTEXT_PLACEHOLDER = "REPLACE_WITH_ISSUED_SOURCE_CONTEXT";

    private Fixtures() { }

    /** The fixture as text, unchanged. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with FileId, TaskId and sourceContext replaced (a null context becomes ""). */
    public static byte[] body(String name, String fileId, String taskId, String sourceContext) {
        return text(name).replace(FILE_ID, fileId).replace(TASK_ID, taskId)
                .replace(CONTEXT_PLACEHOLDER, sourceContext == null ? "" : sourceContext).getBytes(StandardCharsets.UTF_8);
    }
}
