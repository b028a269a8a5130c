package io.vodflow.kit.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vodflow.kit.testing.KeepAliveReplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A keep-alive connection reads again after its last answer, whatever thread the answer came from. */
class AnsweredConnectionReaderTest {
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void everySequentialKeepAliveRequestIsAnsweredWhenAnswersAlternateBetweenThreads() throws Exception {
        // answers written from another thread, then at once on the event loop: the pattern that left Reactor Netty
        // 1.2.18 with a buffered request and no read pending (a health check on boundedElastic, then a 404)
        server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline().addBefore(
                        NettyPipeline.HttpTrafficHandler, "answeredConnectionReader", new AnsweredConnectionReader()))
                .handle((request, response) -> response.sendString(request.uri().startsWith("/elsewhere")
                        ? Mono.just("late").publishOn(Schedulers.boundedElastic())
                        : Mono.just("now")))
                .bindNow();
        List<String> unanswered = new KeepAliveReplay(server.port()).get("/elsewhere", 200).get("/here", 200)
                .run(300, Duration.ofSeconds(3));
        assertThat(unanswered).isEmpty();
    }

    @Test
    void asksForTheNextReadOnceEveryRequestIsAnswered() {
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel channel = channel(reads);
        channel.writeInbound(request("/a"));
        channel.writeInbound(request("/b"));
        channel.writeOutbound(response(HttpResponseStatus.OK));
        channel.runPendingTasks();
        assertThat(reads.count).as("one request still unanswered").isZero();

        channel.writeOutbound(response(HttpResponseStatus.OK));
        channel.runPendingTasks();
        assertThat(reads.count).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void anInterimContinueIsNotTheAnswer() {
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel channel = channel(reads);
        channel.writeInbound(request("/upload"));
        channel.writeOutbound(response(HttpResponseStatus.CONTINUE));
        channel.runPendingTasks();
        assertThat(reads.count).isZero();

        channel.writeOutbound(response(HttpResponseStatus.CREATED));
        channel.runPendingTasks();
        assertThat(reads.count).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    /** A channel reading on demand, as Reactor Netty's are, with no read counted yet. */
    private static EmbeddedChannel channel(ReadCounter reads) {
        EmbeddedChannel channel = new EmbeddedChannel(reads, new AnsweredConnectionReader());
        channel.config().setAutoRead(false);
        reads.count = 0;
        return channel;
    }

    private static DefaultFullHttpRequest request(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    private static DefaultFullHttpResponse response(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    }

    /** Counts the reads asked of the channel. */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }
}
