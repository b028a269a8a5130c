package io.vodflow.kit.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            for (String path : new String[] {"/elsewhere", "/here"}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(3)).build();
                try {
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.net.http.HttpTimeoutException e) {
                    unanswered.add(i + path);
                }
            }
        }
        assertThat(unanswered).isEmpty();
    }

    @Test
    void asksForTheNextReadOnceEveryRequestIsAnswered() {
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel channel = new EmbeddedChannel(reads, new AnsweredConnectionReader());
        channel.config().setAutoRead(false);
        reads.count = 0;

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
        EmbeddedChannel channel = new EmbeddedChannel(reads, new AnsweredConnectionReader());
        channel.config().setAutoRead(false);
        reads.count = 0;

        channel.writeInbound(request("/upload"));
        channel.writeOutbound(response(HttpResponseStatus.CONTINUE));
        channel.runPendingTasks();
        assertThat(reads.count).isZero();

        channel.writeOutbound(response(HttpResponseStatus.CREATED));
        channel.runPendingTasks();
        assertThat(reads.count).isEqualTo(1);
        channel.finishAndReleaseAll();
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
