package io.vodflow.cli.doctor;

import io.vodflow.contract.settings.DatabaseUrl;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The database is migrated: flyway_schema_history has no failed row and holds the latest migration this CLI was
 * built with (the schema module's classpath:db/migration). Read-only: Flyway {@code info}, never {@code migrate}.
 */
final class SchemaMigrationCheck implements Check {

    private final String dbUrl;
    private final String user;
    private final String password;
    private final Duration timeout;

    SchemaMigrationCheck(String dbUrl, String user, String password, Duration timeout) {
        this.dbUrl = dbUrl;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "db-migrations";
    }

    @Override
    public CheckResult run() {
        DatabaseUrl uri;
        try {
            uri = DatabaseUrl.parse(dbUrl);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(e.getMessage(), "set VODFLOW_DB_URL=postgresql://host:5432/dbname");
        }
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        Map<String, String> jdbc = Map.of("connectTimeout", seconds, "socketTimeout", seconds, "loginTimeout", seconds);
        MigrationInfoService info;
        try {
            info = Flyway.configure().dataSource(uri.jdbcUrl(), user, password).jdbcProperties(jdbc)
                    .locations("classpath:db/migration").connectRetries(0).load().info();
        } catch (RuntimeException e) {
            return CheckResult.fail("cannot read the schema history of " + uri + " (" + firstLine(e) + ")",
                    "check VODFLOW_DB_URL, VODFLOW_DB_USER, VODFLOW_DB_PASSWORD and that Postgres runs");
        }
        List<MigrationInfo> failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).toList();
        if (!failed.isEmpty()) {
            MigrationInfo f = failed.get(0);
            return CheckResult.fail("migration " + f.getVersion() + " (" + f.getDescription() + ") failed in " + uri,
                    "fix the cause in the service log, delete the failed row from flyway_schema_history "
                            + "(or run flyway repair), then restart a service");
        }
        MigrationVersion latest = Arrays.stream(info.all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        MigrationInfo current = info.current();
        if (current == null) {
            return CheckResult.fail(uri + " has no vodflow schema (flyway_schema_history empty or absent)",
                    "start any vodflow service once: each runs the migrations at start");
        }
        if (info.pending().length > 0) {
            return CheckResult.fail(uri + " is at version " + current.getVersion() + ", latest is " + latest
                    + " (" + info.pending().length + " pending)", "restart a service of this release: it migrates at start");
        }
        return CheckResult.pass(uri + " migrated to version " + current.getVersion() + ", no failed migration");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
