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
 * group-committed; capped one-time rows are written one per transaction under their user's lock.
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
    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    public SignatureIssuer(SigningPolicy policy, UserRateLimiter rateLimiter, OneTimeCap oneTimeCap, SignatureBatchWriter writer,
                           CappedOneTimeWriter cappedWriter, SigningKeyRing keys, SourceContextCodec sourceContexts,
                           SignerMetrics metrics, Clock clock, SignatureRandom random, SignerProperties props) {
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
    }

    /** Issues and records a signature for the caller; errors are problem exceptions (422, 429, 503). */
    public Mono<IssuedSignature> issue(CurrentUser caller, SignatureRequest request, String requesterIp) {
        Timer.Sample sample = Timer.start();
        return Mono.defer(() -> {
                    rateLimiter.acquire(caller.userId());
                    SigningTerms terms = policy.resolve(request);
                    NewSignature row = newRow(caller.userId(), terms, requesterIp);
                    checkContract(row);
                    return oneTimeCap.check(caller.userId(), terms.oneTime()).then(insert(row, 1));
                })
                .map(this::sign)
                .doOnSuccess(issued -> {
                    log.atDebug().addKeyValue("signatureId", issued.id()).addKeyValue("userId", caller.userId())
                            .addKeyValue("oneTime", issued.oneTime()).addKeyValue("expiresAt", issued.expiresAt())
                            .log("upload signature issued");
                    metrics.issued();
                    sample.stop(metrics.issueTimer());
                })
                .doOnError(this::countRefusal);
    }

    private NewSignature newRow(String userId, SigningTerms t, String requesterIp) {
        UUID id = UUID.randomUUID();
        long now = clock.instant().getEpochSecond();
        return new NewSignature(id, userId, keys.active().secretId(), nextRandom(), now, now + t.ttlSeconds(), t.oneTime(),
                t.procedure(), t.classId(), t.subAppId(), t.taskPriority(), t.taskNotifyMode(), t.storageRegion(),
                t.sessionContext(), t.clientContext(), requesterIp, sourceContexts.issue(id));
    }

    /** Any contract rule the policy does not already cover (e.g. ill-formed Unicode) is refused before a row exists. */
    private static void checkContract(NewSignature row) {
        try {
            params(row).validate();
        } catch (SignatureParameterException e) {
            throw new SignaturePolicyViolation("contract." + e.parameter(), e.parameter() + " " + e.rule());
        }
    }

    private Mono<NewSignature> insert(NewSignature row, int attempt) {
        Mono<Boolean> write = oneTimeCap.applies(row.oneTime()) ? cappedWriter.insert(row, oneTimeCap.cap()) : writer.insert(row);
        return write.flatMap(inserted -> {
            if (inserted) {
                return Mono.just(row);
            }
            if (attempt >= randomAttempts) {
                return Mono.error(new IllegalStateException("no free random after " + attempt + " attempts"));
            }
            return insert(row.withRandom(nextRandom()), attempt + 1);
        });
    }

    private IssuedSignature sign(NewSignature row) {
        SigningKey key = keys.bySecretId(row.secretId()).orElseThrow();
        String signature = codec.sign(params(row), key.secretKey().reveal());
        return new IssuedSignature(row.id(), signature, row.sourceContext(), Instant.ofEpochSecond(row.issuedEpoch()),
                Instant.ofEpochSecond(row.expireEpoch()), row.oneTime(), row.procedure(), row.subAppId(), row.storageRegion());
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
        } else if (error instanceof OneTimeCapReachedException) {
            metrics.refused(OneTimeCapReachedException.RULE);
        }
    }
}
