package io.vodflow.emulator.upload;

import io.vodflow.contract.signature.UploadSignatureParams;

import java.time.Instant;

/**
 * One media file the emulated VOD holds after an accepted upload, with the signature parameters that the
 * callbacks echo back (sourceContext, sessionContext, procedure, taskNotifyMode, taskPriority, classId).
 *
 * @param storageDir      the per-file directory of the URLs, e.g. {@code 5f2e3270835012345678901}
 * @param procedureTaskId the task-flow TaskId, or "" when the signature named no procedure
 */
public record UploadedMedia(
        String fileId,
        long appId,
        String storageRegion,
        String mediaBucket,
        String transcodeBucket,
        String storageDir,
        UploadRequest request,
        String mediaUrl,
        String coverUrl,
        String procedureTaskId,
        Instant createTime,
        UploadSignatureParams signature) {

    /** True when the upload started a task flow (the signature had a {@code procedure}). */
    public boolean hasProcedure() {
        return !procedureTaskId.isEmpty();
    }

    /** The signature's sourceContext, or "" when it had none. */
    public String sourceContext() {
        return orEmpty(signature.sourceContext());
    }

    /** The signature's sessionContext, or "" when it had none. */
    public String sessionContext() {
        return orEmpty(signature.sessionContext());
    }

    /** The task notify mode VOD applies: the signature's, or its default {@code Finish}. */
    public String taskNotifyMode() {
        return signature.taskNotifyMode() == null ? "Finish" : signature.taskNotifyMode();
    }

    /** The task priority VOD applies: the signature's, or 0. */
    public int taskPriority() {
        return signature.taskPriority() == null ? 0 : signature.taskPriority();
    }

    /** The media category id: the signature's classId, or 0. */
    public int classId() {
        return signature.classId() == null ? 0 : signature.classId();
    }

    /** Base URL of the transcoded outputs of this file. */
    public String transcodeBaseUrl() {
        return "http://" + appId + ".vod2.myqcloud.com/" + transcodeBucket + "/" + storageDir + "/";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
