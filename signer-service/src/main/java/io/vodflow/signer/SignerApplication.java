package io.vodflow.signer;

import io.vodflow.kit.kafka.KafkaKitConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The signer-service: issues VOD client-upload signatures to authenticated users and records each one. */
// The signer never talks to Kafka, so it neither needs a broker nor provisions topics.
@SpringBootApplication(exclude = {KafkaAutoConfiguration.class, KafkaKitConfiguration.class})
@ConfigurationPropertiesScan
public class SignerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignerApplication.class, args);
    }
}
