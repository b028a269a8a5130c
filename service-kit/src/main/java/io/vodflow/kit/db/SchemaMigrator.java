package io.vodflow.kit.db;

import io.vodflow.contract.settings.DatabaseUrl;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema module's Flyway migrations at start. Every service runs it; Flyway's Postgres
 * advisory lock serialises instances that start together, and the loser finds nothing left to do.
 */
public class SchemaMigrator {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private final DatabaseProperties props;
    private volatile boolean migrated;

    SchemaMigrator(DatabaseProperties props) {
        this.props = props;
    }

    /** Migrates to the latest version, waiting about a minute for the database; blocking JDBC, so never on an event loop. */
    public MigrateResult migrate() {
        return migrate(30);
    }

    /** True once a migration of this instance succeeded. */
    public boolean migrated() {
        return migrated;
    }

    /** Migrates, retrying the connection up to {@code connectRetries} times (about 2 s apart). */
    public MigrateResult migrate(int connectRetries) {
        DatabaseUrl url = DatabaseUrl.parse(props.url());
        FluentConfiguration config = Flyway.configure()
                .dataSource(url.jdbcUrl(), props.user(), props.password().reveal())
                .locations("classpath:db/migration")
                .connectRetries(connectRetries)
                .connectRetriesInterval(2);
        if (url.currentSchema() != null) {
            // created when missing, and home of the history table too; the pool's search_path names the same one
            config.schemas(url.currentSchema());
        }
        Flyway flyway = config.load();
        MigrateResult result = flyway.migrate();
        migrated = true;
        log.atInfo().addKeyValue("database", url.toString())
                .addKeyValue("applied", result.migrationsExecuted)
                .addKeyValue("version", result.targetSchemaVersion)
                .log("schema migrated");
        return result;
    }
}
