package io.vodflow.signer.keys;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import io.vodflow.signer.record.SignatureStoreUnavailableException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Reads and appends {@code signing_key_switch}, the switches every signer instance follows. */
@Component
public class KeySwitchRepository {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String LATEST = "SELECT id, key_id, switched_by, switched_at FROM signing_key_switch ORDER BY id DESC LIMIT 1";
    private static final String APPEND = """
            INSERT INTO signing_key_switch (key_id, switched_by) VALUES ($1, $2)
            RETURNING id, key_id, switched_by, switched_at""";

    private final DatabaseClient db;

    public KeySwitchRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The latest switch; empty when nobody ever switched; a database failure is a 503 problem. */
    public Mono<KeySwitch> latest() {
        return db.sql(LATEST).map(KeySwitchRepository::toSwitch).one().timeout(TIMEOUT)
                .onErrorMap(e -> new SignatureStoreUnavailableException(e, "The signing keys' switches could not be read; retry shortly"));
    }

    /** Records a switch to {@code keyId} (null: back to the configured key) by {@code switchedBy}. */
    public Mono<KeySwitch> append(String keyId, String switchedBy) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(APPEND);
        spec = keyId == null ? spec.bindNull(0, String.class) : spec.bind(0, keyId);
        return spec.bind(1, switchedBy).map(KeySwitchRepository::toSwitch).one().timeout(TIMEOUT)
                .onErrorMap(e -> new SignatureStoreUnavailableException(e, "The switch could not be recorded, so nothing was switched; retry shortly"));
    }

    private static KeySwitch toSwitch(Readable row) {
        OffsetDateTime at = row.get("switched_at", OffsetDateTime.class);
        return new KeySwitch(row.get("id", Long.class), row.get("key_id", String.class), row.get("switched_by", String.class), at == null ? null : at.toInstant());
    }
}
