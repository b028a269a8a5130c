package io.vodflow.signer.verify;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.signature.DecodedSignature;
import io.vodflow.contract.signature.SignatureFormatException;
import io.vodflow.contract.signature.SignatureParameterException;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.signer.keys.SigningKey;
import io.vodflow.signer.keys.SigningKeyRing;
import io.vodflow.signer.record.SignatureRecord;
import io.vodflow.signer.record.SignatureRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Decodes a signature and checks it as VOD would, against every configured key, then looks up our record. */
@Component
public class SignatureInspector {
    private final UploadSignatureCodec codec = new UploadSignatureCodec();
    private final SigningKeyRing keys;
    private final SourceContextCodec sourceContexts;
    private final SignatureRepository repository;
    private final Clock clock;

    public SignatureInspector(SigningKeyRing keys, SourceContextCodec sourceContexts, SignatureRepository repository, Clock clock) {
        this.keys = keys;
        this.sourceContexts = sourceContexts;
        this.repository = repository;
        this.clock = clock;
    }

    /** The full report; a string that is not a signature gives a report with {@code wellFormed=false}. */
    public Mono<VerificationReport> inspect(String signature) {
        DecodedSignature decoded;
        try {
            decoded = codec.decode(signature);
        } catch (SignatureFormatException e) {
            return Mono.just(VerificationReport.malformed(e.getMessage()));
        }
        UploadSignatureParams p = decoded.params();
        Optional<SigningKey> key = keys.bySecretId(p.secretId());
        boolean macValid = key.map(k -> codec.verify(signature, k.secretKey().reveal())).orElse(false);
        String violation = contractViolation(p);
        Instant now = clock.instant();
        boolean expired = p.expireTime() <= now.getEpochSecond();
        Boolean contextValid = p.sourceContext() == null ? null : sourceContexts.verify(p.sourceContext()).isPresent();
        Mono<Optional<SignatureRecord>> record = macValid
                ? repository.findByKey(p.secretId(), p.currentTimeStamp(), p.random()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return record.map(r -> new VerificationReport(true, null, decoded.original(), p, key.map(SigningKey::keyId).orElse(null),
                macValid, violation, instantOrNull(p.currentTimeStamp()), instantOrNull(p.expireTime()), expired,
                macValid && violation == null && !expired, contextValid, r.orElse(null),
                r.map(row -> row.effectiveState(now)).orElse(null)));
    }

    /** A time the decoded signature claims; one past what an Instant holds is shown as absent (the violation says why). */
    private static Instant instantOrNull(long epochSecond) {
        return epochSecond < Instant.MIN.getEpochSecond() || epochSecond > Instant.MAX.getEpochSecond()
                ? null : Instant.ofEpochSecond(epochSecond);
    }

    private static String contractViolation(UploadSignatureParams p) {
        try {
            p.validate();
            return null;
        } catch (SignatureParameterException e) {
            return e.getMessage();
        }
    }
}
