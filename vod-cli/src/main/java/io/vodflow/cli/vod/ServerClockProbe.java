package io.vodflow.cli.vod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads VOD's server time from the HTTP {@code Date} header of an unsigned API request (VOD answers it with an
 * AuthFailure envelope, which is enough) and compares it with the local clock at the round trip's midpoint.
 */
public final class ServerClockProbe {

    private final VodConnection connection;
    private final Clock clock;
    private final HttpClient http;

    public ServerClockProbe(VodConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(connection.timeout()).build();
    }

    /** Server time minus local time (positive: the local clock is behind); empty when VOD sent no Date header. */
    public Optional<Duration> skew() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/"))
                .timeout(connection.timeout())
                .header("Content-Type", "application/json")
                .header("X-TC-Action", "DescribeEventConfig")
                .header("X-TC-Version", "2018-07-17")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        Instant sent = clock.instant();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        Instant received = clock.instant();
        Optional<String> date = response.headers().firstValue("Date");
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Instant server;
        try {
            server = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Optional.of(Duration.between(midpoint, server));
    }
}
