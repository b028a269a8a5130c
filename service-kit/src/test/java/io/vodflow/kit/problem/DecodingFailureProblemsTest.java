package io.vodflow.kit.problem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real Reactor Netty server: undecodable requests get a problem JSON, others pass untouched. */
class DecodingFailureProblemsTest {
    private DisposableServer server;

    @BeforeEach
    void start() {
        HttpServer http = HttpServer.create().host("127.0.0.1").port(0)
                // reads the whole body before answering, as the services' handlers do
                .handle((req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> res.sendString(Mono.just("ok")).then()));
        server = new ProblemConfiguration().decodingFailureProblems().apply(http).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void tooLongRequestLineIs414Problem() throws IOException {
        String response = exchange("GET /v1/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":414").contains("\"title\":\"URI too long\"");
    }

    @Test
    void tooLargeHeadersAre431Problem() throws IOException {
        String response = exchange("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431").contains("\"status\":431")
                .containsIgnoringCase("connection: close");
    }

    @Test
    void garbageIs400Problem() throws IOException {
        String response = exchange("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: nope\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("\"status\":400").contains("Malformed request");
    }

    @Test
    void aTargetThatIsNotAUriIs400Problem() throws IOException {
        for (String target : new String[] {"/v1/media/x?page=%zz", "/v1/a%2", "/v1/a#b#c", "/v1/a|b"}) {
            String response = exchange("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(response).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"title\":\"Malformed request target\"");
        }
    }

    @Test
    void aBrokenChunkOfTheBodyIs400Problem() throws IOException {
        String response = exchange("POST /v1/vod/callbacks HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"title\":\"Malformed request\"").containsIgnoringCase("connection: close");
    }

    @Test
    void anHttp2PrefaceOrRequestLineIs400ProblemNamingTheVersionToUse() throws IOException {
        for (String request : new String[] {"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "GET /ok HTTP/2.0\r\nHost: a\r\n\r\n"}) {
            String response = exchange(request);

            assertThat(response).as(request).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("connection: close").contains("\"title\":\"HTTP version not supported\"")
                    .contains("use HTTP/1.1");
        }
    }

    @Test
    void aVersionOtherThanHttp1Is400Problem() throws IOException {
        for (String version : new String[] {"HTTP/9.9", "HTTP/0.9", "HTTP/3.0"}) {
            String response = exchange("GET /ok " + version + "\r\nHost: a\r\n\r\n");

            assertThat(response).as(version).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"detail\":\"Only HTTP/1.1 and HTTP/1.0 are supported\"");
        }
    }

    @Test
    void aLaterHttp1MinorIsServedAndAnsweredAsHttp11() throws IOException {
        String response = exchange("GET /ok HTTP/1.7\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").endsWith("ok");
    }

    @Test
    void wellFormedRequestsPassUntouched() throws IOException {
        String response = exchange("GET /ok HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").endsWith("ok");
        String escaped = exchange("GET /v1/media/a%20b?q=%C3%A9&x=~y HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(escaped).startsWith("HTTP/1.1 200").endsWith("ok");
    }

    /** Writes raw bytes and reads until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
