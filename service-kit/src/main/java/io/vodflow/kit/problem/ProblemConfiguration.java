package io.vodflow.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import reactor.netty.NettyPipeline;

/** Registers the problem-JSON writer, the catch-all exception handler and problem answers to undecodable requests and Accept headers. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class ProblemConfiguration {

    @Bean
    ProblemResponses problemResponses(ObjectMapper mapper) {
        return new ProblemResponses(mapper);
    }

    /** Puts {@link DecodingFailureProblems} on every HTTP connection, just ahead of Reactor Netty's traffic handler. */
    @Bean
    NettyServerCustomizer decodingFailureProblems() {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "vodflow.decodingFailureProblems",
                        new DecodingFailureProblems());
            }
        });
    }

    /** Runs last before the handler, so authentication still answers first, as it does for any request. */
    @Bean
    AcceptHeaderFilter acceptHeaderFilter() {
        return new AcceptHeaderFilter();
    }

    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemResponses problems) {
        return new ProblemWebExceptionHandler(problems);
    }
}
