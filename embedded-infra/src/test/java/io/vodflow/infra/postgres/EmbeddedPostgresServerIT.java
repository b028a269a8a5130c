package io.vodflow.infra.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerIT {

    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.startTemporary();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void eachCreatedDatabaseIsFreshAndOwnedByItsOwnLoginRole() throws SQLException {
        PostgresDatabase first = server.createDatabase("signer-it");
        PostgresDatabase second = server.createDatabase("signer-it");

        assertThat(first.database()).startsWith("signer_it_").isNotEqualTo(second.database());
        assertThat(first.user()).isNotEqualTo(second.user());
        try (Connection connection = first.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE media (file_id text PRIMARY KEY)");
            sql.execute("INSERT INTO media VALUES ('f-1'), ('f-2')");
            assertThat(count(sql, "SELECT count(*) FROM media")).isEqualTo(2);
            assertThat(count(sql, "SELECT count(*) FROM pg_database WHERE datname = current_database() "
                    + "AND pg_get_userbyid(datdba) = current_user")).isEqualTo(1);
        }
        try (Connection connection = second.connect(); Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'media'")).isZero();
        }
    }

    @Test
    void loginNeedsTheRightPasswordAndOnlyTheOwnerMayConnect() {
        PostgresDatabase mine = server.createDatabase("mine");
        PostgresDatabase theirs = server.createDatabase("theirs");

        assertThatThrownBy(() -> DriverManager.getConnection(mine.jdbcUrl(), mine.user(), "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(theirs.jdbcUrl(), mine.user(), mine.password()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void ensureDatabaseKeepsExistingDataAndResetsThePassword() throws SQLException {
        PostgresDatabase before = server.ensureDatabase("kept", "kept_user", "first");
        try (Connection connection = before.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE t (v int)");
            sql.execute("INSERT INTO t VALUES (7)");
        }

        PostgresDatabase after = server.ensureDatabase("kept", "kept_user", "second");

        try (Connection connection = after.connect(); Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT v FROM t")).isEqualTo(7);
        }
        assertThatThrownBy(() -> before.connect().close()).isInstanceOf(SQLException.class);
    }

    @Test
    void urlsUseTheLibpqJdbcAndR2dbcForms() {
        PostgresDatabase db = server.createDatabase("urls");

        String address = "127.0.0.1:" + server.port() + "/" + db.database();
        assertThat(db.libpqUrl()).isEqualTo("postgresql://" + address);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://" + address);
        assertThat(db.r2dbcUrl()).isEqualTo("r2dbc:postgresql://" + address);
        assertThat(db.toString()).doesNotContain(db.password());
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
