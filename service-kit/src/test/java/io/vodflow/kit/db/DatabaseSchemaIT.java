package io.vodflow.kit.db;

import io.r2dbc.pool.ConnectionPool;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code currentSchema} in VODFLOW_DB_URL puts vodflow's tables in a schema of their own, for migrations and pool alike. */
class DatabaseSchemaIT {

    @Test
    void theMigrationsAndThePoolUseTheSchemaOfTheUrl() throws Exception {
        PostgresDatabase db = VodflowInfra.get().newDatabase("schema");
        DatabaseProperties props = new DatabaseProperties(db.libpqUrl() + "?currentSchema=vodflow_app", db.user(),
                Secret.of(db.password()), 2, Duration.ofSeconds(10), true, false);
        SchemaMigrator migrator = new SchemaMigrator(props);

        assertThat(migrator.migrate(0).migrationsExecuted).isPositive();
        assertThat(new SchemaMigrator(props).migrate(0).migrationsExecuted).as("a second start finds nothing to do").isZero();
        try (java.sql.Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select table_schema, count(*) from information_schema.tables where table_name in "
                     + "('upload_signature', 'media', 'procedure_task', 'callback_fallback', 'flyway_schema_history') group by 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("vodflow_app");
            assertThat(rs.getInt(2)).isEqualTo(5);
            assertThat(rs.next()).as("nothing in another schema").isFalse();
        }

        ConnectionPool pool = new DatabaseConfiguration().connectionFactory(props, migrator);
        try {
            // the role's own search_path would be "$user", public: without the pool's schema this table is not found
            String found = PooledQuery.firstValue(pool,
                    "select current_schema() || ':' || (select count(*) from upload_signature)", String.class);
            assertThat(found).isEqualTo("vodflow_app:0");
        } finally {
            pool.dispose();
        }
    }
}
