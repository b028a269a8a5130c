package io.vodflow.kit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates missing topics in the background and keeps trying while Kafka is unreachable, so a service
 * may start before its broker (the ingress must, to fall back) and still find its topics once Kafka is up.
 * Producers wait for {@link #whenReady()}: a broker with auto.create.topics.enable (Kafka's default) would
 * otherwise create a topic named in a producer's metadata request with its own defaults (often one partition,
 * one replica) before this creates it as configured.
 */
public class TopicProvisioner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private final KafkaConnectionProperties props;
    private final List<TopicSpec> topics;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Sinks.Empty<Void> readiness = Sinks.empty();
    private volatile Thread worker;

    public TopicProvisioner(KafkaConnectionProperties props, List<TopicSpec> topics) {
        this.props = props;
        this.topics = topics;
    }

    /** True once every topic exists (or this principal may not create topics, so nothing here can). */
    public boolean ready() {
        return ready.get();
    }

    /** Completes once {@link #ready()}; never fails. */
    public Mono<Void> whenReady() {
        return readiness.asMono();
    }

    @Override
    public void start() {
        if (topics.isEmpty()) {
            markReady();
            return;
        }
        Thread t = new Thread(this::provisionUntilDone, "vodflow-topic-provisioner");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    private void provisionUntilDone() {
        while (!ready.get() && !Thread.currentThread().isInterrupted()) {
            try {
                provisionOnce();
                markReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (mayNotCreateTopics(e)) {
                    // a principal that may not create topics cannot have them auto-created either: nothing to wait for
                    log.atWarn().addKeyValue("topics", topics.stream().map(TopicSpec::name).toList())
                            .log("not allowed to create kafka topics; they must exist already");
                    markReady();
                    return;
                }
                log.atWarn().addKeyValue("bootstrap", props.bootstrap()).addKeyValue("error", e.getClass().getSimpleName())
                        .log("kafka topics not yet provisioned; retrying");
                try {
                    Thread.sleep(props.provisionRetry().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The broker refused on authorisation grounds (no CREATE on the cluster or topic): retrying cannot help. */
    static boolean mayNotCreateTopics(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    private void markReady() {
        ready.set(true);
        readiness.tryEmitEmpty();
    }

    void provisionOnce() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, Object> cfg = new HashMap<>(props.clientProperties());
        cfg.put("request.timeout.ms", 10_000);
        cfg.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(cfg)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(this::toNewTopic).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            missing.forEach(t -> log.atInfo().addKeyValue("topic", t.name()).addKeyValue("partitions", t.numPartitions())
                    .log("kafka topic created"));
        }
    }

    NewTopic toNewTopic(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.configs());
        // unset means the broker's own defaults: a cluster of three that wants three copies gets them, and one
        // that refuses a replication factor it does not allow is not asked for one
        if (props.minInsyncReplicas() != null) {
            configs.putIfAbsent("min.insync.replicas", String.valueOf(props.minInsyncReplicas()));
        }
        Short replication = spec.replication() == null ? props.replication() : spec.replication();
        return new NewTopic(spec.name(), Optional.of(spec.partitions() == null ? props.partitions() : spec.partitions()),
                Optional.ofNullable(replication)).configs(configs);
    }

    /** Starts before everything else (the web server included): producers wait for it, so it should not wait for them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void stop() {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isAlive();
    }
}
