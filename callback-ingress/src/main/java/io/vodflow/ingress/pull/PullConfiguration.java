package io.vodflow.ingress.pull;

import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.fallback.FallbackRepository;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The reliable-callback puller, present only with {@code vodflow.ingress.pull.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vodflow.ingress.pull", name = "enabled", havingValue = "true")
class PullConfiguration {

    @Bean
    VodEventsClient vodEventsClient(IngressProperties props) {
        return new VodEventsClient(props.pull());
    }

    @Bean
    VodEventPuller vodEventPuller(VodEventsClient vod, CallbackPublisher publisher, FallbackRepository fallback,
                                  IngressMetrics metrics, IngressProperties props, Clock clock) {
        return new VodEventPuller(vod, publisher, fallback, metrics, props.pull(), clock);
    }
}
