package io.vodflow.cli.doctor;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * VODFLOW_DB_URL ({@code postgresql://host[:port][/db][?k=v…]}) as a JDBC URL. It repeats the parsing of
 * service-kit's {@code DatabaseUrl}, which the CLI cannot use without pulling in Spring; the rules are the same
 * (no credentials in the URI, default port 5432, default database postgres, query kept).
 */
record DatabaseUri(String host, int port, String database, String query) {

    static DatabaseUri parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("VODFLOW_DB_URL is not a URI of the form postgresql://host:5432/dbname");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("VODFLOW_DB_URL must start with postgresql://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("VODFLOW_DB_URL must not carry credentials; use VODFLOW_DB_USER and VODFLOW_DB_PASSWORD");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("VODFLOW_DB_URL has no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseUri(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path, uri.getRawQuery());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
