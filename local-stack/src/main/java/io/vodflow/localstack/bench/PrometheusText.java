package io.vodflow.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /actuator/prometheus} exposition, fetched once and read by series. */
final class PrometheusText {
    private PrometheusText() { }

    /** The exposition text of {@code <baseUrl>/actuator/prometheus}. */
    static String fetch(String baseUrl) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sum of all samples of {@code metric}, whatever their labels. */
    static double total(String text, String metric) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /** Sum of the samples of {@code metric} whose label {@code label} equals {@code value}. */
    static double sum(String text, String metric, String label, String value) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "\\{[^}]*" + Pattern.quote(label + "=\"" + value + "\"")
                + "[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
