package io.vodflow.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** Server properties of a one-node KRaft broker (broker and controller in one), sized for tests and the local run. */
final class KraftServerProperties {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final int NODE_ID = 1;

    private KraftServerProperties() {
    }

    /** Properties of a broker whose client listener is PLAINTEXT, or SASL_PLAINTEXT with PLAIN when a login is asked. */
    static Properties of(String host, int brokerPort, int controllerPort, Path logDir, BrokerOptions options) {
        SaslPlainUser sasl = options.sasl();
        Properties p = new Properties();
        String listener = sasl == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty("listeners", listener + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", listener + "://" + host + ":" + brokerPort);
        p.setProperty("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", listener);
        if (sasl != null) {
            // the broker logs in to itself as "broker"; clients must bring the one user it knows besides
            p.setProperty("sasl.enabled.mechanisms", "PLAIN");
            p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
            p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    SaslPlainUser.LOGIN_MODULE + " username=\"broker\" password=\"broker\" "
                            + "user_broker=\"broker\" user_" + sasl.username() + "=\"" + sasl.password() + "\";");
        }
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic has exactly one replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("num.partitions", "1");
        // services create their topics explicitly; a test of how they cope with a broker that would not wait asks for it
        p.setProperty("auto.create.topics.enable", String.valueOf(options.autoCreateTopics()));
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // the defaults allocate a 128 MiB cleaner buffer and a dozen threads per broker; tests run several brokers per JVM
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("num.replica.fetchers", "1");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }
}
