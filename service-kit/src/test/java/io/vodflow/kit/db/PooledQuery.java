package io.vodflow.kit.db;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Reads one value through a connection of the pool under test, as the services' repositories would. */
final class PooledQuery {
    private PooledQuery() {
    }

    /** The first column of the first row of {@code sql}, run on a connection taken from {@code pool}. */
    static <T> T firstValue(ConnectionPool pool, String sql, Class<T> type) {
        return Mono.usingWhen(pool.create(),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .flatMap(r -> r.map((row, meta) -> row.get(0, type)))
                        .next(),
                Connection::close).block(Duration.ofSeconds(30));
    }
}
