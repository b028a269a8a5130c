package io.vodflow.signer.issue;

import io.micrometer.core.instrument.Timer;
import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.signature.SignatureParameterException;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.keys.SigningKey;
import io.vodflow.signer.keys.SigningKeyRing;
import io.vodflow.signer.limit.OneTimeCap;
import io.vodflow.signer.limit.OneTimeCapReachedException;
import io.vodflow.signer.limit.RateLimitedException;
import io.vodflow.signer.limit.UserRateLimiter;
import io.vodflow.signer.metrics.SignerMetrics;
import io.vodflow.signer.policy.SignaturePolicyViolation;
import io.vodflow.signer.policy.SignatureRequest;
import io.vodflow.signer.policy.SigningPolicy;
import io.vodflow.signer.policy.SigningTerms;
import io.vodflow.signer.record.CappedOneTimeWriter;
import io.vodflow.signer.record.NewSignature;
import io.vodflow.signer.record.SignatureBatchWriter;
import io.vodflow.signer.record.SignatureStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues one signature: rate limit, policy, one-time cap, then the row is committed (with a fresh random while
 * (secretId, second, random) collides) and only then signed with the active key and returned. Reusable rows are
 * group-committed; capped one-time rows are written one per transaction under their user's lock. With an
 * Idempotency-Key the user already used, the signature first issued for it is answered again instead.
 */
@Component
public class SignatureIssuer {
    private static final Logger log = LoggerFactory.getLogger(SignatureIssuer.class);
    private final SigningPolicy policy;
    private final UserRateLimiter rateLimiter;
    private final OneTimeCap oneTimeCap;
    private final SignatureBatchWriter writer;
    private final CappedOneTimeWriter cappedWriter;
    private final SigningKeyRing keys;
    private final SourceContextCodec sourceContexts;
    private final SignerMetrics metrics;
    private final Clock clock;
    private final int randomAttempts;
    private final SignatureRandom random;
    private final SignatureIds ids;
    private final IdempotentReplays replays;
    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    /** A row to answer with, and whether it was issued for an earlier request with the same Idempotency-Key. */
    private record Issuance(NewSignature row, boolean replayed) { }

    public SignatureIssuer(SigningPolicy policy, UserRateLimiter rateLimiter, OneTimeCap oneTimeCap, SignatureBatchWriter writer,
                           CappedOneTimeWriter cappedWriter, SigningKeyRing keys, SourceContextCodec sourceContexts,
                           SignerMetrics metrics, Clock clock, SignatureRandom random, SignatureIds ids,
                           SignerProperties props, IdempotentReplays replays) {
        this.policy = policy;
        this.rateLimiter = rateLimiter;
        this.oneTimeCap = oneTimeCap;
        this.writer = writer;
        this.cappedWriter = cappedWriter;
        this.keys = keys;
        this.sourceContexts = sourceContexts;
        this.metrics = metrics;
        this.clock = clock;
        this.randomAttempts = props.randomAttempts();
        this.random = random;
        this.ids = ids;
        this.replays = replays;
    }

    /**
     * Issues and records a signature for the caller, or answers the one first issued for its {@code idempotencyKey}
     * (null = none); errors are problem exceptions (409, 422, 429, 503).
     */
    public Mono<IssuedSignature> issue(CurrentUser caller, SignatureRequest request, String requesterIp, String idempotencyKey) {
        Timer.Sample sample = Timer.start();
        return Mono.defer(() -> {
                    rateLimiter.acquire(caller.userId());
                    SigningTerms terms = policy.resolve(request);
                    NewSignature row = newRow(caller.userId(), terms, requesterIp, idempotencyKey,
                            idempotencyKey == null ? null : request.fingerprint());
                    checkContract(row);
                    Mono<Issuance> fresh = Mono.defer(() -> oneTimeCap.check(caller.userId(), terms.oneTime()).then(insert(row, 1)));
                    if (idempotencyKey == null) {
                        return fresh;
                    }
                    // a known key is answered before the cap is counted: the retry holds nothing new. A retry racing
                    // its original can find the key unknown, then the cap full with that original's row (counted
                    // under the user's lock, so after the original committed): it looks the key up again
                    return replayOf(row).switchIfEmpty(fresh.onErrorResume(OneTimeCapReachedException.class,
                            capped -> replayOf(row).switchIfEmpty(Mono.error(capped))));
                })
                .map(this::sign)
                .doOnSuccess(issued -> {
                    log.atDebug().addKeyValue("signatureId", issued.id()).addKeyValue("userId", caller.userId())
                            .addKeyValue("oneTime", issued.oneTime()).addKeyValue("expiresAt", issued.expiresAt())
                            .addKeyValue("replayed", issued.replayed() != null).log("upload signature issued");
                    if (issued.replayed() != null) {
                        metrics.replayed();
                    } else {
                        metrics.issued();
                    }
                    sample.stop(metrics.issueTimer());
                })
                .doOnError(this::countRefusal);
    }

    private Mono<Issuance> replayOf(NewSignature row) {
        return replays.original(row).map(original -> new Issuance(original, true));
    }

    private NewSignature newRow(String userId, SigningTerms t, String requesterIp, String idempotencyKey, String fingerprint) {
        Instant issued = clock.instant();
        UUID id = ids.next(issued);
        long now = issued.getEpochSecond();
        return new NewSignature(id, userId, keys.active().secretId(), nextRandom(), now, now + t.ttlSeconds(), t.oneTime(),
                t.procedure(), t.classId(), t.subAppId(), t.taskPriority(), t.taskNotifyMode(), t.storageRegion(),
                t.sessionContext(), t.clientContext(), requesterIp, sourceContexts.issue(id), idempotencyKey, fingerprint);
    }

    /** Any contract rule the policy does not already cover (e.g. ill-formed Unicode) is refused before a row exists. */
    private static void checkContract(NewSignature row) {
        try {
            params(row).validate();
        } catch (SignatureParameterException e) {
            throw new SignaturePolicyViolation("contract." + e.parameter(), e.parameter() + " " + e.rule());
        }
    }

    private Mono<Issuance> insert(NewSignature row, int attempt) {
        Mono<Boolean> write = oneTimeCap.applies(row.oneTime()) ? cappedWriter.insert(row, oneTimeCap.cap()) : writer.insert(row);
        return write.flatMap(inserted -> {
            if (inserted) {
                return Mono.just(new Issuance(row, false));
            }
            Mono<Issuance> retry = Mono.defer(() -> attempt >= randomAttempts
                    ? Mono.error(new SignatureStoreUnavailableException(
                            new IllegalStateException("no free random after " + attempt + " attempts"),
                            "No free signature random was found, so none was issued; retry shortly"))
                    : insert(row.withRandom(nextRandom()), attempt + 1));
            // not inserted: either the random collided or a concurrent request with the same key was first
            return row.idempotencyKey() == null ? retry : replayOf(row).switchIfEmpty(retry);
        });
    }

    private IssuedSignature sign(Issuance issuance) {
        NewSignature row = issuance.row();
        // only a replay can name a pair no longer configured: a fresh row always has the active one
        SigningKey key = keys.bySecretId(row.secretId()).orElseThrow(() -> new SignaturePolicyViolation("idempotency.retired",
                "The signature first issued for this Idempotency-Key was signed with a key pair no longer configured; "
                        + "use a new key"));
        String signature = codec.sign(params(row), key.secretKey().reveal());
        return new IssuedSignature(row.id(), signature, row.sourceContext(), Instant.ofEpochSecond(row.issuedEpoch()),
                Instant.ofEpochSecond(row.expireEpoch()), row.oneTime(), row.procedure(), row.subAppId(), row.storageRegion(),
                issuance.replayed() ? Boolean.TRUE : null);
    }

    static UploadSignatureParams params(NewSignature r) {
        return new UploadSignatureParams(r.secretId(), r.issuedEpoch(), r.expireEpoch(), r.random(), r.classId(),
                r.procedure(), r.taskPriority(), r.taskNotifyMode(), r.sourceContext(), r.oneTime() ? 1 : null,
                r.subAppId(), r.sessionContext(), r.storageRegion());
    }

    private long nextRandom() {
        return random.next();
    }

    private void countRefusal(Throwable error) {
        if (error instanceof RateLimitedException) {
            metrics.rateLimited();
        } else if (error instanceof SignaturePolicyViolation v) {
            metrics.refused(v.rule());
        } else if (error instanceof IdempotencyKeySpentException) {
            metrics.refused(IdempotencyKeySpentException.RULE);
        } else if (error instanceof OneTimeCapReachedException) {
            metrics.refused(OneTimeCapReachedException.RULE);
        }
    }
}
