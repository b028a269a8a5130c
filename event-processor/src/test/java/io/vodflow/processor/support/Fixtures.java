package io.vodflow.processor.support;

import io.vodflow.contract.testing.FixtureFiles;

import java.nio.charset.StandardCharsets;

/** The shared VOD fixture bodies ({@link FixtureFiles}) with this test's FileId, TaskId and sourceContext. */
public final class Fixtures {

    private Fixtures() { }

    /** The fixture with FileId, TaskId and sourceContext replaced (a null context becomes ""). */
    public static byte[] body(String name, String fileId, String taskId, String sourceContext) {
        return FixtureFiles.text(name).replace(FixtureFiles.FILE_ID, fileId).replace(FixtureFiles.TASK_ID, taskId)
                .replace(FixtureFiles.CONTEXT_PLACEHOLDER, sourceContext == null ? "" : sourceContext).getBytes(StandardCharsets.UTF_8);
    }

    /** A v3 FileDeleted of one file: the whole media without {@code partsJson}, else those DeleteParts items. */
    public static byte[] deletion(String fileId, String... partsJson) {
        return ("{\"EventType\":\"FileDeleted\",\"FileDeleteEvent\":{\"FileIdSet\":[\"" + fileId + "\"],"
                + "\"FileDeleteResultInfo\":[{\"FileId\":\"" + fileId + "\",\"DeleteParts\":[" + String.join(",", partsJson)
                + "]}]}}").getBytes(StandardCharsets.UTF_8);
    }
}
