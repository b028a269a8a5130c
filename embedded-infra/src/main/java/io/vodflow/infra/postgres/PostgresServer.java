package io.vodflow.infra.postgres;

import java.util.Locale;
import java.util.UUID;

/** A real Postgres server; hands out fresh databases, each owned by its own password-authenticated login role. */
public interface PostgresServer extends AutoCloseable {

    /** Host clients connect to. */
    String host();

    /** Port clients connect to. */
    int port();

    /** A superuser role, for provisioning. */
    String superuser();

    /** The superuser's password. */
    String superPassword();

    /**
     * Creates a fresh empty database with a unique name starting with {@code nameHint}, owned by a new login role of
     * the same name with a random password; other roles cannot connect to it.
     */
    default PostgresDatabase createDatabase(String nameHint) {
        String prefix = nameHint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = (prefix.isEmpty() || !Character.isLetter(prefix.charAt(0)) ? "db_" + prefix : prefix);
        String unique = name.substring(0, Math.min(name.length(), 40)) + "_" + UUID.randomUUID().toString().substring(0, 8);
        return ensureDatabase(unique, unique, UUID.randomUUID().toString().replace("-", ""));
    }

    /** Creates the role (or resets its password) and the database it owns unless they exist; keeps existing data. */
    default PostgresDatabase ensureDatabase(String database, String user, String password) {
        return DatabaseProvisioner.ensure(this, database, user, password);
    }

    /** Stops the server (embedded) or the container. */
    @Override
    void close();
}
