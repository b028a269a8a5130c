package io.vodflow.kit.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real Reactor Netty server and a raw socket: an answer that beats its request body ends the connection. */
class EarlyResponseConnectionCloseTest {
    private static final String POST_HEAD = "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n";
    private DisposableServer server;

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void anAnswerBeforeTheBodyEndsSaysCloseAndClosesOnceTheBodyIsIn() throws IOException {
        start(Duration.ofSeconds(30), false);
        try (Socket socket = connect()) {
            send(socket, POST_HEAD + "x".repeat(1_000));
            String answer = readResponse(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");

            send(socket, "x".repeat(99_000));
            assertThat(socket.getInputStream().read()).as("closed after the body, long before the linger").isEqualTo(-1);
        }
    }

    @Test
    void aClientThatNeverFinishesItsBodyIsClosedAfterTheLinger() throws IOException {
        start(Duration.ofMillis(200), false);
        try (Socket socket = connect()) {
            send(socket, POST_HEAD + "x".repeat(1_000));
            assertThat(readResponse(socket.getInputStream())).containsIgnoringCase("connection: close");

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void anAnswerAfterTheWholeBodyKeepsTheConnection() throws IOException {
        start(Duration.ofMillis(200), true);
        try (Socket socket = connect()) {
            send(socket, POST_HEAD + "x".repeat(100_000));
            String first = readResponse(socket.getInputStream());
            assertThat(first).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close").endsWith("read 100000");

            send(socket, "GET /again HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("read 0");
        }
    }

    @Test
    void aBodylessRequestAnsweredAtOnceKeepsTheConnection() throws IOException {
        start(Duration.ofMillis(200), false);
        try (Socket socket = connect()) {
            send(socket, "GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413").doesNotContainIgnoringCase("connection: close");

            send(socket, "GET /b HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aContentLengthThatDoesNotParseIsStillAnsweredByTheDecodersRefusal() throws IOException {
        start(Duration.ofMillis(200), false);
        for (String length : new String[] {"abc", "1e3", "0x2", "99999999999999999999"}) {
            try (Socket socket = connect()) {
                send(socket, "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + "\r\n\r\n{}");
                int first = socket.getInputStream().read();
                assertThat(first).as(length + ": answered, not dropped").isNotEqualTo(-1);
                assertThat((char) first + readResponse(socket.getInputStream())).as(length).startsWith("HTTP/1.1 400");
            }
        }
    }

    /** A server that answers 413 at once, or reads the whole body first when {@code readBody}. */
    private void start(Duration linger, boolean readBody) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler,
                        "earlyResponseConnectionClose", new EarlyResponseConnectionClose(linger)))
                .handle((req, res) -> readBody
                        ? req.receive().aggregate().asString().defaultIfEmpty("")
                                .flatMap(body -> res.sendString(Mono.just("read " + body.length())).then())
                        : res.status(413).sendString(Mono.just("too large")).then())
                .bindNow();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads one response with a content-length body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
