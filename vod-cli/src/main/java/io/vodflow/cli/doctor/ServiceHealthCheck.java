package io.vodflow.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service answers {@code GET <url>/actuator/health} with status UP; otherwise names the components that are not. */
final class ServiceHealthCheck implements Check {

    private final String service;
    private final String optionPrefix;
    private final String baseUrl;
    private final HttpJson http;

    /**
     * @param optionPrefix the prefix of the command-line options that set this service's URLs, e.g. {@code --signer}
     *                     for {@code --signer-url} and {@code --signer-management-url}
     */
    ServiceHealthCheck(String service, String optionPrefix, String baseUrl, HttpJson http) {
        this.service = service;
        this.optionPrefix = optionPrefix;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    @Override
    public String name() {
        return "health:" + service;
    }

    @Override
    public CheckResult run() {
        String url = baseUrl + "/actuator/health";
        HttpJson.Answer answer;
        try {
            answer = http.get(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(url + " interrupted", "run doctor again");
        } catch (Exception e) {
            return CheckResult.fail(url + " unreachable (" + HttpJson.reason(e) + ")", "start " + service
                    + " (java -jar " + service + "/target/" + service + "-*.jar) or pass its URL with " + optionPrefix + "-url"
                    + " (" + optionPrefix + "-management-url if its actuator has a port of its own)");
        }
        String status = answer.body().path("status").asText("");
        if (answer.status() == 200 && "UP".equals(status)) {
            // UP, yet acknowledged callbacks that Kafka refuses wait in the ingress's store for an operator
            long parked = answer.body().path("components").path("ingress").path("details").path("fallbackParked").asLong(0);
            return parked <= 0 ? CheckResult.pass(service + " UP at " + baseUrl)
                    : CheckResult.fail(service + " UP, but " + parked + " callback(s) parked: Kafka refuses them",
                    "raise the limit that callback_fallback.park_reason names, then clear parked_at (operator guide, "
                            + "troubleshooting: parked callbacks)");
        }
        if (answer.status() == 404) {
            return CheckResult.fail(url + " answers 404", "the service runs its actuator on another port"
                    + " (MANAGEMENT_SERVER_PORT): pass that port's URL with " + optionPrefix + "-management-url, or check "
                    + optionPrefix + "-url names this service");
        }
        List<String> down = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : answer.body().path("components").properties()) {
            String s = c.getValue().path("status").asText("");
            if (!"UP".equals(s)) {
                down.add(c.getKey() + "=" + s);
            }
        }
        return CheckResult.fail(service + " is " + (status.isEmpty() ? "HTTP " + answer.status() : status)
                        + (down.isEmpty() ? "" : " (" + String.join(", ", down) + ")"),
                "look at " + service + "'s log; check VODFLOW_DB_* and VODFLOW_KAFKA_BOOTSTRAP for the components named");
    }
}
