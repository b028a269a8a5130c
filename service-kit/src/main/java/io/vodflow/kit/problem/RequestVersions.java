package io.vodflow.kit.problem;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/** Which HTTP versions a request may name: the services speak HTTP/1.1 (and HTTP/1.0) only. */
final class RequestVersions {
    private RequestVersions() { }

    /**
     * True for HTTP/1.0 and HTTP/1.1. A later HTTP/1.x is read as HTTP/1.1 and answered as such (RFC 9112 §2.3);
     * Reactor Netty would otherwise echo the version it was sent in the status line.
     */
    static boolean readable(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0) {
            return true;
        }
        if (!"HTTP".equals(version.protocolName()) || version.majorVersion() != 1) {
            return false;
        }
        if (version.minorVersion() > 1) {
            request.setProtocolVersion(HttpVersion.HTTP_1_1);
        }
        return true;
    }

    /** A request in a version the services do not speak; only the major version is kept, never the client's text. */
    static final class Unsupported extends Exception {
        final boolean http2;

        Unsupported(HttpVersion version) {
            super(null, null, false, false);
            this.http2 = "HTTP".equals(version.protocolName()) && version.majorVersion() == 2;
        }
    }
}
