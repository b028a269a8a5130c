package io.vodflow.kit.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Kafka connection settings and topic provisioning for every service that declares {@link TopicSpec}s. */
@AutoConfiguration
@EnableConfigurationProperties(KafkaConnectionProperties.class)
public class KafkaKitConfiguration {

    @Bean
    TopicProvisioner topicProvisioner(KafkaConnectionProperties props, ObjectProvider<TopicSpec> topics) {
        return new TopicProvisioner(props, topics.orderedStream().toList());
    }
}
