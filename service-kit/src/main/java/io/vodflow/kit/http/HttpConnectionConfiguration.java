package io.vodflow.kit.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import reactor.netty.NettyPipeline;

import java.time.Duration;

/** Connection hygiene on every HTTP connection of a service (see {@link EarlyResponseConnectionClose}, {@link AnsweredConnectionReader}). */
@AutoConfiguration
public class HttpConnectionConfiguration {
    /** How long a connection answered early may go on sending the rest of its body before it is closed. */
    static final Duration EARLY_RESPONSE_LINGER = Duration.ofSeconds(5);

    @Bean
    NettyServerCustomizer connectionHandlers() {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "vodflow.earlyResponseConnectionClose",
                        new EarlyResponseConnectionClose(EARLY_RESPONSE_LINGER));
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "vodflow.answeredConnectionReader",
                        new AnsweredConnectionReader());
            }
        });
    }
}
