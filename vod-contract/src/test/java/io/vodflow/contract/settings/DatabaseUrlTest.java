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

    @Test
    void hostWithAnUnderscoreAsComposeNamesContainersIsAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://vodflow_postgres_1:5433/vodflow?sslmode=disable");
        assertThat(url.host()).isEqualTo("vodflow_postgres_1");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("vodflow");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://vodflow_postgres_1:5433/vodflow?sslmode=disable");
        assertThat(DatabaseUrl.parse("postgres://my_db").port()).isEqualTo(5432);
    }

    @Test
    void credentialsBeforeAnUnderscoreHostAreStillRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://bob:hunter2@my_db/db"))
                .hasMessageContaining("VODFLOW_DB_PASSWORD").hasMessageNotContaining("hunter2");
    }

    @Test
    void severalHostsOrAnUnparsableHostGetAClearRefusal() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db_a:5432,db_b:5432/vodflow")).hasMessageContaining("one");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db_a:notaport/vodflow")).hasMessageContaining("host");
    }

    @Test
    void aSchemaIsReadFromCurrentSchemaAndMustBeAPlainName() {
        assertThat(DatabaseUrl.parse("postgresql://db/vodflow?currentSchema=vodflow_app").currentSchema()).isEqualTo("vodflow_app");
        assertThat(DatabaseUrl.parse("postgresql://db/vodflow").currentSchema()).isNull();
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/vodflow?currentSchema=app,public"))
                .hasMessageContaining("currentSchema");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/vodflow?currentSchema=" + "s".repeat(64)))
                .hasMessageContaining("63");
    }

    @Test
    void parametersOnlyJdbcUnderstandsAreNamed() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db/vodflow?sslmode=require&connectTimeout=5&currentSchema=app&sslpassword=x");
        assertThat(url.jdbcOnlyParams()).containsExactly("connectTimeout", "sslpassword");
    }

    @Test
    void decodedValuesAreEncodedAgainInTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db/vodflow?sslmode=verify-full&sslrootcert=/etc/certs/my%20ca%26b.pem");
        assertThat(url.params()).containsEntry("sslrootcert", "/etc/certs/my ca&b.pem");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/vodflow?sslmode=verify-full&sslrootcert=%2Fetc%2Fcerts%2Fmy+ca%26b.pem");
    }
}
