package io.vodflow.contract.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed libpq connection URI (VODFLOW_DB_URL), shared by the services and the CLI; derives the JDBC and R2DBC forms. */
public record DatabaseUrl(String host, int port, String database, Map<String, String> params) {

    public DatabaseUrl {
        String schema = params.get("currentSchema");
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("VODFLOW_DB_URL currentSchema must be a plain schema name: a letter or '_', "
                    + "then letters, digits or '_', at most 63 characters");
        }
        params = Map.copyOf(params);
    }

    /** Parameters both the migrations (JDBC) and the connection pool (R2DBC) honour; any other reaches JDBC only. */
    public static final Set<String> SHARED_PARAMS = Set.of("sslmode", "sslrootcert", "application_name", "currentSchema");
    private static final int DEFAULT_PORT = 5432;
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]{0,252})(?::([0-9]{1,5}))?");

    /** Parses {@code postgresql://host[:port][/db][?k=v...]} (also {@code postgres://}); credentials in the URI are refused. */
    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("VODFLOW_DB_URL is not a URI of the form postgresql://host:5432/dbname");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("VODFLOW_DB_URL must start with postgresql:// (got scheme '" + uri.getScheme() + "')");
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            // keeps the password in VODFLOW_DB_PASSWORD, where it is masked, rather than in a URL that gets logged
            throw new IllegalArgumentException("VODFLOW_DB_URL must not carry credentials; use VODFLOW_DB_USER and VODFLOW_DB_PASSWORD");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : path;
        if (uri.getHost() != null && !uri.getHost().isBlank()) {
            return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, query(uri.getRawQuery()));
        }
        // java.net.URI takes a host with an underscore (Compose's project_db_1) for a registry name and reports no host
        if (authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("VODFLOW_DB_URL has no host");
        }
        if (authority.contains(",")) {
            throw new IllegalArgumentException("VODFLOW_DB_URL names several hosts; give one (a proxy or a DNS name in front of them)");
        }
        Matcher m = HOST_PORT.matcher(authority);
        if (!m.matches()) {
            throw new IllegalArgumentException("VODFLOW_DB_URL has a host that is not a valid name: use letters, digits, '.', '-' or '_'");
        }
        int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
        return new DatabaseUrl(m.group(1), port, database, query(uri.getRawQuery()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** {@code jdbc:postgresql://host:port/db?...}, for Flyway. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + queryString();
    }

    /** The schema vodflow's tables live in ({@code currentSchema}, pgjdbc's name), or null for the role's search_path. */
    public String currentSchema() {
        return params.get("currentSchema");
    }

    /** Names of the given parameters that only JDBC understands (outside {@link #SHARED_PARAMS}). */
    public Set<String> jdbcOnlyParams() {
        Set<String> names = new TreeSet<>(params.keySet());
        names.removeAll(SHARED_PARAMS);
        return names;
    }

    /** libpq {@code sslrootcert} (the CA to check the server against), if given. */
    public String sslRootCert() {
        return params.get("sslrootcert");
    }

    /** libpq {@code sslmode}, if given. */
    public String sslMode() {
        return params.get("sslmode");
    }

    private String queryString() {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        // encoded again: a decoded value (a certificate path with a space or '&') would otherwise split the URL
        new TreeMap<>(params).forEach((k, v) -> sb.append(sb.length() > 1 ? "&" : "")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
