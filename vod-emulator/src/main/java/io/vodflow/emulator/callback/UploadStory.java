package io.vodflow.emulator.callback;

import io.vodflow.emulator.upload.UploadedMedia;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The callbacks one accepted upload causes, in VOD's order: NewFileUpload, then (when the signature named a
 * procedure) ProcedureStateChanged PROCESSING and ProcedureStateChanged FINISH. Tests deliver them in order,
 * reversed, or each twice to check idempotence and order tolerance.
 */
public record UploadStory(UploadedMedia media, List<StoryCallback> callbacks) {

    /** Progress the PROCESSING callback reports. */
    public static final int PROCESSING_PROGRESS = 40;

    public UploadStory {
        callbacks = List.copyOf(callbacks);
    }

    /** The successful v3 story: every Transcode and the cover succeed. */
    public static UploadStory of(CallbackFactory factory, UploadedMedia media) {
        return build(media, factory.newFileUpload(media), media.hasProcedure()
                ? List.of(factory.procedureProcessing(media, PROCESSING_PROGRESS), factory.procedureFinished(media))
                : List.of());
    }

    /** The v3 story whose task flow finishes with a failed Transcode subtask. */
    public static UploadStory failing(CallbackFactory factory, UploadedMedia media) {
        return build(media, factory.newFileUpload(media), media.hasProcedure()
                ? List.of(factory.procedureProcessing(media, PROCESSING_PROGRESS), factory.procedureFailed(media))
                : List.of());
    }

    /** The legacy v2 story: NewFileUpload, then ProcedureStateChanged FINISH (v2 has no progress events here). */
    public static UploadStory legacy(CallbackFactory factory, UploadedMedia media) {
        List<StoryCallback> callbacks = new ArrayList<>();
        callbacks.add(new StoryCallback("NewFileUpload", "", factory.legacyNewFileUpload(media)));
        if (media.hasProcedure()) {
            callbacks.add(new StoryCallback("ProcedureStateChanged", "FINISH", factory.legacyProcedureFinished(media)));
        }
        return new UploadStory(media, callbacks);
    }

    /** The bodies in VOD's order. */
    public List<byte[]> inOrder() {
        return callbacks.stream().map(StoryCallback::body).toList();
    }

    /** The bodies last first (e.g. FINISH before NewFileUpload). */
    public List<byte[]> reversed() {
        List<byte[]> bodies = new ArrayList<>(inOrder());
        Collections.reverse(bodies);
        return bodies;
    }

    /** Each body twice in a row (a, a, b, b, …), as a retried push would deliver them. */
    public List<byte[]> eachTwice() {
        List<byte[]> bodies = new ArrayList<>();
        inOrder().forEach(body -> {
            bodies.add(body);
            bodies.add(body);
        });
        return bodies;
    }

    /**
     * Only what VOD would really notify under the signature's taskNotifyMode: {@code Finish} (the default) drops
     * PROCESSING, {@code None} drops every ProcedureStateChanged, {@code Change} keeps all.
     */
    public UploadStory asNotified() {
        String mode = media.taskNotifyMode();
        return new UploadStory(media, callbacks.stream()
                .filter(c -> !c.eventType().equals("ProcedureStateChanged")
                        || mode.equals("Change") || (mode.equals("Finish") && c.status().equals("FINISH")))
                .toList());
    }

    private static UploadStory build(UploadedMedia media, byte[] newFileUpload, List<byte[]> procedure) {
        List<StoryCallback> callbacks = new ArrayList<>();
        callbacks.add(new StoryCallback("NewFileUpload", "", newFileUpload));
        for (int i = 0; i < procedure.size(); i++) {
            String status = i == procedure.size() - 1 ? "FINISH" : "PROCESSING";
            callbacks.add(new StoryCallback("ProcedureStateChanged", status, procedure.get(i)));
        }
        return new UploadStory(media, callbacks);
    }
}
