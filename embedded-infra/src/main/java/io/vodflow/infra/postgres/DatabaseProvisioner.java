package io.vodflow.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates login roles and databases as a superuser; the SQL both server kinds share. */
final class DatabaseProvisioner {

    // quoted into DDL, so only plain lower-case identifiers are accepted
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseProvisioner() {
    }

    static PostgresDatabase ensure(PostgresServer server, String database, String user, String password) {
        requireIdentifier(database, "database");
        requireIdentifier(user, "user");
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, server.superuser(), server.superPassword());
             Statement ddl = admin.createStatement()) {
            String credentials = " LOGIN PASSWORD '" + password.replace("'", "''") + "'";
            ddl.execute((exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user) ? "ALTER ROLE " : "CREATE ROLE ")
                    + quote(user) + credentials);
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                ddl.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(user));
                ddl.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + quote(database) + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            // the message names the database, never the password
            throw new IllegalStateException("Could not provision database " + database + " for role " + user
                    + " on " + server.host() + ":" + server.port() + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(server.host(), server.port(), database, user, password);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must match " + IDENTIFIER.pattern() + ", got '" + name + "'");
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
