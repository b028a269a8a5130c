package io.vodflow.contract.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void libpqUriYieldsJdbcUrlAndParts() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.internal:6543/vodflow?sslmode=require");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("vodflow");
        assertThat(url.sslMode()).isEqualTo("require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/vodflow?sslmode=require");
    }

    @Test
    void portAndDatabaseDefaultLikeLibpq() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("postgres");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://bob:hunter2@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VODFLOW_DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/db")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://localhost/db")).isInstanceOf(IllegalArgumentException.class);
    }
}
