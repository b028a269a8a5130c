package io.vodflow.processor.support;

import io.vodflow.contract.testing.FixtureFiles;

import java.nio.charset.StandardCharsets;

/** The shared VOD fixture bodies with this test's FileId, TaskId and sourceContext. */
public final class Fixtures {
    public static final String FILE_ID = FixtureFiles.FILE_ID;
    public static final String TASK_ID = FixtureFiles.TASK_ID;
    public static final String CONTEXT_PLACEHOLDER = FixtureFiles.CONTEXT_PLACEHOLDER;

    private Fixtures() { }

    /** The fixture as text, unchanged. */
    public static String text(String name) {
        return FixtureFiles.text(name);
    }

    /** The fixture with FileId, TaskId and sourceContext replaced (a null context becomes ""). */
    public static byte[] body(String name, String fileId, String taskId, String sourceContext) {
        return text(name).replace(FILE_ID, fileId).replace(TASK_ID, taskId)
                .replace(CONTEXT_PLACEHOLDER, sourceContext == null ? "" : sourceContext).getBytes(StandardCharsets.UTF_8);
    }
}
