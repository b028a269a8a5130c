package io.vodflow.localstack.bench;

import java.util.Map;

/**
 * One benchmarked HTTP call: POST {@code url} with a JSON body built from {@code bodyTemplate}, where every
 * {@code __N__} becomes a number unique to the request (so each callback names a different file), plus headers.
 */
public record HttpLoadRequest(String url, String bodyTemplate, Map<String, String> headers) {

    /** The same request sent somewhere else (the bare endpoint), so client-side cost is identical. */
    public HttpLoadRequest at(String otherUrl) {
        return new HttpLoadRequest(otherUrl, bodyTemplate, headers);
    }
}
