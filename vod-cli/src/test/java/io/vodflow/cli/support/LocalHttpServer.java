package io.vodflow.cli.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on 127.0.0.1 standing in for a vodflow service: canned answers per path (e.g. the actuator
 * health of a service) and a record of every request received (e.g. callbacks posted to the ingress).
 */
public final class LocalHttpServer implements AutoCloseable {

    /** A request as received (authorization = its Authorization header, or null). */
    public record Received(String method, String path, String body, String authorization) { }

    private record Answer(int status, String body) { }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer fallback = new Answer(404, "{}");

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = answers.getOrDefault(path, fallback);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A server whose /actuator/health answers UP. */
    public static LocalHttpServer healthy() {
        LocalHttpServer server = new LocalHttpServer();
        server.answer("/actuator/health", 200, "{\"status\":\"UP\"}");
        return server;
    }

    public LocalHttpServer answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    /** The answer to every path without its own. */
    public LocalHttpServer answerOthers(int status, String body) {
        fallback = new Answer(status, body);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
