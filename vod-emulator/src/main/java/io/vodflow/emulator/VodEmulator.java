package io.vodflow.emulator;

import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.EventConfig;
import io.vodflow.emulator.api.EventConfigStore;
import io.vodflow.emulator.api.TaskDetailStore;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.emulator.callback.CallbackFactory;
import io.vodflow.emulator.callback.UploadStory;
import io.vodflow.emulator.upload.MediaStore;
import io.vodflow.emulator.upload.UploadDesk;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays Tencent VOD for tests, demos and benchmarks: admits client signatures as VOD does, stores the uploads,
 * builds their callbacks, and serves the reliable-callback API. Closing it stops the API servers it started.
 */
public final class VodEmulator implements AutoCloseable {

    private final EmulatorSettings settings;
    private final MediaStore media;
    private final UploadDesk desk;
    private final CallbackFactory callbacks;
    private final TaskDetailStore tasks = new TaskDetailStore();
    private final EventConfigStore eventConfigs = new EventConfigStore();
    private final List<VodApiServer> servers = new CopyOnWriteArrayList<>();

    public VodEmulator(EmulatorSettings settings) {
        this.settings = settings;
        this.media = new MediaStore(settings.appId(), settings.storageRegion());
        this.desk = new UploadDesk(settings.accounts(), settings.allowedClockSkew(), media, settings.clock());
        this.callbacks = new CallbackFactory(settings.clock(), settings.callbackSignKey(), settings.renditions());
    }

    /**
     * Uploads with a client signature, as ApplyUploadUGC + CommitUploadUGC would. An accepted upload with a
     * procedure registers its task as PROCESSING for DescribeTaskDetail.
     */
    public UploadResult upload(String signature, UploadRequest request) {
        UploadResult result = desk.upload(signature, request);
        if (result instanceof UploadResult.Accepted accepted && accepted.media().hasProcedure()) {
            tasks.record(callbacks.procedureProcessing(accepted.media(), 0));
        }
        return result;
    }

    /** A file uploaded here, by FileId. */
    public Optional<UploadedMedia> media(String fileId) {
        return media.find(fileId);
    }

    /** The callback bodies of this emulated account (SignKey and renditions from the settings). */
    public CallbackFactory callbacks() {
        return callbacks;
    }

    /**
     * The successful callback story of an upload. Its task flow counts as finished from now on, so
     * DescribeTaskDetail reports FINISH whether or not the callbacks are delivered (VOD's truth, not the App's).
     */
    public UploadStory story(UploadedMedia uploaded) {
        return remember(UploadStory.of(callbacks, uploaded));
    }

    /**
     * The callbacks VOD would actually send for this upload under the sub-app's current event configuration (as
     * ModifyEventConfig left it): signed with its SignKey (unsigned when none), NewFileUpload only when that switch
     * is ON, ProcedureStateChanged as the signature's taskNotifyMode asks. The task flow counts as finished, as with
     * {@link #story}. Post the bodies to {@code eventConfigs().current(subAppId).notificationUrl()} (PUSH) or
     * enqueue them on an API server (PULL).
     */
    public UploadStory notifiedStory(UploadedMedia uploaded, long subAppId) {
        story(uploaded);
        EventConfig config = eventConfigs.current(subAppId);
        UploadStory signed = UploadStory.of(new CallbackFactory(settings.clock(), config.signKey(),
                settings.renditions()), uploaded).asNotified();
        return new UploadStory(uploaded, signed.callbacks().stream()
                .filter(c -> config.newFileUploadOn() || !c.eventType().equals("NewFileUpload")).toList());
    }

    /** Like {@link #story} but the task flow ends with a failed Transcode subtask. */
    public UploadStory failingStory(UploadedMedia uploaded) {
        return remember(UploadStory.failing(callbacks, uploaded));
    }

    /**
     * Starts a VOD API server on 127.0.0.1 that knows this emulator's accounts, tasks, media and event configuration
     * (its clock is its own).
     */
    public VodApiServer startApiServer(ApiServerSettings serverSettings) {
        VodApiServer server = VodApiServer.start(settings.accounts(), serverSettings, tasks, media, eventConfigs);
        servers.add(server);
        return server;
    }

    /** Task details known to this emulator (shared with the API servers it starts). */
    public TaskDetailStore tasks() {
        return tasks;
    }

    /** The event configuration per sub-app, as ModifyEventConfig left it (shared with the API servers). */
    public EventConfigStore eventConfigs() {
        return eventConfigs;
    }

    public EmulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        servers.forEach(VodApiServer::close);
        servers.clear();
    }

    private UploadStory remember(UploadStory story) {
        story.inOrder().forEach(tasks::record);
        return story;
    }
}
