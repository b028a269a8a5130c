package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.MediaStore;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The VOD TC3 API on 127.0.0.1: PullEvents, ConfirmEvents, DescribeTaskDetail, ModifyEventConfig,
 * DescribeEventConfig, DescribeMediaInfos and SearchMedia (by creation time) at {@code POST /}, every request TC3-verified and rate-limited as VOD's. Point Tencent's SDK at {@link #endpoint()}
 * with protocol {@code http://}; feed it with {@link #enqueue(byte[])}.
 */
public final class VodApiServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventQueue queue;
    private final TaskDetailStore tasks;
    private final EventConfigStore eventConfigs;
    private final DisposableServer server;

    private VodApiServer(Map<String, String> secretKeyById, ApiServerSettings settings, TaskDetailStore tasks,
                         MediaStore media, EventConfigStore eventConfigs) {
        this.queue = new EventQueue(settings.redeliveryTimeout());
        this.tasks = tasks;
        this.eventConfigs = eventConfigs;
        Map<String, ApiAction> actions = Map.of(
                "PullEvents", new PullEventsAction(queue, settings.clock(), settings.pullWait()),
                "ConfirmEvents", new ConfirmEventsAction(queue, settings.clock()),
                "DescribeTaskDetail", new DescribeTaskDetailAction(tasks),
                "ModifyEventConfig", new ModifyEventConfigAction(eventConfigs),
                "DescribeEventConfig", new DescribeEventConfigAction(eventConfigs),
                "DescribeMediaInfos", new DescribeMediaInfosAction(media, tasks),
                "SearchMedia", new SearchMediaAction(media, tasks));
        Tc3Authenticator authenticator = new Tc3Authenticator(secretKeyById, settings.clock(),
                settings.timestampTolerance());
        ApiRequestHandler handler = new ApiRequestHandler(authenticator, actions,
                new ActionRateLimiter(ActionRateLimiter.VOD_LIMITS, settings.clock()), settings.clock());
        this.server = HttpServer.create().host("127.0.0.1").port(settings.port())
                .handle(handler::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    /**
     * Starts a server that knows these accounts and its own task store.
     *
     * @param secretKeyById the API keys it accepts (SecretId to SecretKey); never printed
     */
    public static VodApiServer start(Map<String, String> secretKeyById, ApiServerSettings settings) {
        return new VodApiServer(secretKeyById, settings, new TaskDetailStore(),
                new MediaStore(0, "ap-guangzhou"), new EventConfigStore());
    }

    /** Starts a server that answers DescribeTaskDetail from a shared task store (e.g. the emulator's). */
    public static VodApiServer start(Map<String, String> secretKeyById, ApiServerSettings settings,
                                     TaskDetailStore tasks) {
        return new VodApiServer(secretKeyById, settings, tasks, new MediaStore(0, "ap-guangzhou"),
                new EventConfigStore());
    }

    /**
     * Starts a server backed by an emulator's state: DescribeTaskDetail and DescribeMediaInfos answer from
     * {@code tasks} and {@code media}, ModifyEventConfig/DescribeEventConfig work on {@code eventConfigs}.
     */
    public static VodApiServer start(Map<String, String> secretKeyById, ApiServerSettings settings,
                                     TaskDetailStore tasks, MediaStore media, EventConfigStore eventConfigs) {
        return new VodApiServer(secretKeyById, settings, tasks, media, eventConfigs);
    }

    /** Queues one v3 callback body for PullEvents (the server adds the EventHandle); also updates task details. */
    public void enqueue(byte[] v3EventBody) {
        JsonNode body;
        try {
            body = MAPPER.readTree(v3EventBody);
        } catch (IOException e) {
            throw new IllegalArgumentException("event body is not JSON", e);
        }
        if (!(body instanceof ObjectNode object) || !object.hasNonNull("EventType")) {
            throw new IllegalArgumentException("event body must be a v3 object with an EventType");
        }
        tasks.record(object);
        queue.add(object);
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** {@code 127.0.0.1:<port>}, for {@code HttpProfile.setEndpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + endpoint();
    }

    /** The task details DescribeTaskDetail answers from. */
    public TaskDetailStore tasks() {
        return tasks;
    }

    /** The event configuration per sub-app that ModifyEventConfig changes; tests read it with {@code current(id)}. */
    public EventConfigStore eventConfigs() {
        return eventConfigs;
    }

    /** Events not yet confirmed (waiting or pulled). */
    public int pendingCount() {
        return queue.pending();
    }

    /** Event deliveries handed out by PullEvents, redeliveries included. */
    public long pulledCount() {
        return queue.pulled();
    }

    /** Events confirmed. */
    public long confirmedCount() {
        return queue.confirmed();
    }

    /** Deliveries of events that had been pulled before and not confirmed in time. */
    public long redeliveredCount() {
        return queue.redelivered();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
