package io.vodflow.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes one database away for a test (new connections refused, open ones terminated) and gives it back on
 * {@link #close()}; the server and its other databases stay up.
 */
public final class DatabaseOutage implements AutoCloseable {
    private final PostgresDatabase db;

    private DatabaseOutage(PostgresDatabase db) {
        this.db = db;
    }

    /** Starts the outage of {@code db}. */
    public static DatabaseOutage begin(PostgresDatabase db) throws SQLException {
        DatabaseOutage outage = new DatabaseOutage(db);
        outage.run("ALTER DATABASE " + db.database() + " WITH ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database() + "'");
        return outage;
    }

    /** Ends the outage: connections are accepted again. */
    @Override
    public void close() throws SQLException {
        run("ALTER DATABASE " + db.database() + " WITH ALLOW_CONNECTIONS true");
    }

    // from the maintenance database: a database cannot refuse connections while a session in it changes that
    private void run(String... statements) throws SQLException {
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
