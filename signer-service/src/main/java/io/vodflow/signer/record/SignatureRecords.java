package io.vodflow.signer.record;

import io.vodflow.kit.page.ListPage;
import io.vodflow.kit.page.PageCursor;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.kit.security.CurrentUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/** Signature rows as a caller may reach them: find and revoke under the owner rule (admins reach all). */
@Component
public class SignatureRecords {
    private final SignatureRepository repository;
    private final Clock clock;

    public SignatureRecords(SignatureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The row if the caller may see it, else {@link SignatureNotFoundException}. */
    public Mono<SignatureRecord> find(CurrentUser caller, UUID id) {
        return repository.find(id).filter(r -> caller.maySee(r.userId()))
                .switchIfEmpty(Mono.error(SignatureNotFoundException::new));
    }

    /** The row as the caller may see it, its state as of now (EXPIRED before the sweeper has marked it). */
    public Mono<SignatureRecord> show(CurrentUser caller, UUID id) {
        return find(caller, id).map(row -> row.asOf(clock.instant()));
    }

    /** One page of {@code userId}'s rows, newest first, states as of now. */
    public Mono<ListPage<SignatureRecord>> page(String userId, SignatureState state, PageRequest request) {
        return repository.page(userId, state, request).map(row -> row.asOf(clock.instant()))
                .collectList().map(rows -> ListPage.of(rows, request, SignatureRecords::position));
    }

    private static PageCursor position(SignatureRecord row) {
        return new PageCursor(row.issuedAt(), row.id().toString());
    }

    /** Revokes an ISSUED row; revoking a REVOKED one again is a no-op, a USED or EXPIRED one a conflict. */
    public Mono<Void> revoke(CurrentUser caller, UUID id) {
        return find(caller, id)
                .flatMap(row -> row.state() == SignatureState.REVOKED ? Mono.just(true) : repository.revoke(id))
                .flatMap(revoked -> revoked ? Mono.<Void>empty() : repository.find(id).flatMap(this::conflictUnlessRevoked));
    }

    private Mono<Void> conflictUnlessRevoked(SignatureRecord row) {
        SignatureState state = row.effectiveState(clock.instant());
        return state == SignatureState.REVOKED ? Mono.empty() : Mono.error(new SignatureNotRevocableException(state));
    }
}
