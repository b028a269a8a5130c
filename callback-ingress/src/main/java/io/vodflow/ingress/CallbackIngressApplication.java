package io.vodflow.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** callback-ingress: takes VOD event notifications (push and reliable pull) and makes them durable in Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallbackIngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackIngressApplication.class, args);
    }
}
