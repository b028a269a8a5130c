package io.vodflow.processor.config;

import io.vodflow.kit.testing.PropertiesBinding;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of the processor's settings; {@link #bind} is shared with the other unit tests that need them. */
public class ProcessorPropertiesTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    public static ProcessorProperties bind(Map<String, String> values) {
        return PropertiesBinding.bind("vodflow.processor", ProcessorProperties.class, values);
    }

    @Test
    void dedupeIdsAreKeptTwoWeeksByDefaultAndPrunedInChunks() {
        ProcessorProperties p = bind(Map.of());
        assertThat(p.retention().enabled()).isTrue();
        assertThat(p.retention().processedEvents()).isEqualTo(Duration.ofDays(14));
        assertThat(p.retention().chunk()).isPositive();
        assertThat(VALIDATOR.validate(p)).isEmpty();
    }

    @Test
    void aRetentionUnderAnHourIsRefused() {
        // shorter than a redelivery can take, it would turn the dedupe table into no dedupe at all
        ProcessorProperties p = bind(Map.of("vodflow.processor.retention.processed-events", "30m"));
        assertThat(VALIDATOR.validate(p)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("retention.processedEvents");
    }

    @Test
    void aZeroPruneIntervalIsRefused() {
        ProcessorProperties p = bind(Map.of("vodflow.processor.retention.interval", "0s"));
        assertThat(VALIDATOR.validate(p)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("retention.interval");
    }

    @Test
    void sseResumptionKeepsTheLatestEventsUnlessTurnedOff() {
        assertThat(bind(Map.of()).sseReplayEvents()).isEqualTo(2000);
        assertThat(PropertiesBinding.bindFromEnvironment("vodflow.processor", ProcessorProperties.class,
                Map.of("VODFLOW_PROCESSOR_SSE_REPLAY_EVENTS", "0")).sseReplayEvents()).isZero();
        assertThat(VALIDATOR.validate(bind(Map.of("vodflow.processor.sse-replay-events", "-1"))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("sseReplayEvents");
    }

    @Test
    void theSseSubscriberBufferIsSetFromTheEnvironmentAndBounded() {
        assertThat(bind(Map.of()).sseSubscriberBuffer()).isEqualTo(256);
        assertThat(PropertiesBinding.bindFromEnvironment("vodflow.processor", ProcessorProperties.class,
                Map.of("VODFLOW_PROCESSOR_SSE_SUBSCRIBER_BUFFER", "1000")).sseSubscriberBuffer()).isEqualTo(1000);
        for (String outside : new String[] {"15", "100001"}) {
            assertThat(VALIDATOR.validate(bind(Map.of("vodflow.processor.sse-subscriber-buffer", outside))))
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("sseSubscriberBuffer");
        }
    }
}
