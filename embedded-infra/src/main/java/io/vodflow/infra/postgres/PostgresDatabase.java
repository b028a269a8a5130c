package io.vodflow.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One database on a {@link PostgresServer} and the login role that owns it, in the forms services and tests need. */
public record PostgresDatabase(String host, int port, String database, String user, String password) {

    /** {@code jdbc:postgresql://host:port/db}, for JDBC and Flyway. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** {@code r2dbc:postgresql://host:port/db}, for R2DBC. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** {@code postgresql://host:port/db}: the libpq form operators put in VODFLOW_DB_URL. */
    public String libpqUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new JDBC connection as the owning role (the caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public String toString() {
        // the password stays out of logs and assertion messages
        return "PostgresDatabase[" + libpqUrl() + ", user=" + user + ", password=****]";
    }
}
