package io.vodflow.signer.policy;

import io.vodflow.contract.text.StorableText;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.config.SigningPolicyProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;

/**
 * Decides what a caller may sign: applies the configured defaults, then checks the configured allow-lists and the
 * contract limits that the request itself can break. Throws {@link SignaturePolicyViolation} naming the rule.
 */
@Component
public class SigningPolicy {
    /** Largest client context stored with a record, in UTF-8 bytes. */
    public static final int MAX_CLIENT_CONTEXT_BYTES = 1024;
    private static final int MAX_SESSION_CONTEXT = 1000;
    // VOD's names are far shorter (task-flow names ≤ 20, region short names ≈ 15); the cap keeps junk out of the records
    static final int MAX_NAME = 64;
    private static final Set<String> NOTIFY_MODES = Set.of("Finish", "Change", "None");

    private final SigningPolicyProperties policy;

    public SigningPolicy(SignerProperties props) {
        this.policy = props.policy();
    }

    /** The terms granted for this request. */
    public SigningTerms resolve(SignatureRequest req) {
        long ttl = req.ttlSeconds() != null ? req.ttlSeconds() : policy.defaultTtl().getSeconds();
        require(ttl >= 1, "ttl.min", "ttlSeconds must be at least 1");
        require(ttl <= policy.maxTtl().getSeconds(), "ttl.max", "ttlSeconds must be at most " + policy.maxTtl().getSeconds());

        String procedure = req.procedure() != null ? req.procedure() : policy.defaultProcedure();
        require(procedure == null || !procedure.isBlank(), "procedure.blank", "procedure must not be blank");
        require(procedure == null || procedure.length() <= MAX_NAME, "procedure.length", "procedure must be at most " + MAX_NAME + " characters");
        require(procedure == null || allows(policy.allowedProcedures(), procedure), "procedure.allowed",
                "procedure must be one of " + policy.allowedProcedures());

        require(req.classId() == null || req.classId() >= 0, "classId.range", "classId must not be negative");
        require(req.classId() == null || allows(policy.allowedClassIds(), req.classId()), "classId.allowed",
                "classId must be one of " + policy.allowedClassIds());

        require(req.storageRegion() == null || !req.storageRegion().isBlank(), "storageRegion.blank", "storageRegion must not be blank");
        require(req.storageRegion() == null || req.storageRegion().length() <= MAX_NAME, "storageRegion.length",
                "storageRegion must be at most " + MAX_NAME + " characters");
        require(req.storageRegion() == null || allows(policy.allowedRegions(), req.storageRegion()), "storageRegion.allowed",
                "storageRegion must be one of " + policy.allowedRegions());

        Long subApp = req.vodSubAppId() != null ? req.vodSubAppId() : policy.defaultSubAppId();
        require(subApp == null || subApp >= 0, "vodSubAppId.range", "vodSubAppId must not be negative");
        require(req.vodSubAppId() == null || allows(policy.allowedSubApps(), req.vodSubAppId()), "vodSubAppId.allowed",
                "vodSubAppId must be one of " + policy.allowedSubApps());

        boolean oneTime = policy.forceOneTime() || (req.oneTime() != null ? req.oneTime() : policy.defaultOneTime());
        require(!policy.forceOneTime() || !Boolean.FALSE.equals(req.oneTime()), "oneTime.forced",
                "this signer issues one-time signatures only; omit oneTime or set it to true");

        checkTaskOptions(req, procedure);
        require(req.context() == null || req.context().getBytes(StandardCharsets.UTF_8).length <= MAX_CLIENT_CONTEXT_BYTES,
                "context.size", "context must be at most " + MAX_CLIENT_CONTEXT_BYTES + " bytes of UTF-8");
        // stored in a text column, which cannot hold NUL, and shown back as it was sent
        require(req.context() == null || req.context().indexOf('\u0000') < 0, "context.nul", "context must not contain NUL (U+0000)");
        require(req.context() == null || StorableText.wellFormed(req.context()), "context.unicode",
                "context must be well-formed Unicode text (no lone surrogates)");
        return new SigningTerms(procedure, req.classId(), oneTime, ttl, req.sessionContext(), req.taskPriority(),
                req.taskNotifyMode(), req.storageRegion(), subApp, req.context());
    }

    private static void checkTaskOptions(SignatureRequest req, String procedure) {
        String session = req.sessionContext();
        require(session == null || session.codePointCount(0, session.length()) <= MAX_SESSION_CONTEXT,
                "sessionContext.length", "sessionContext must be at most " + MAX_SESSION_CONTEXT + " characters");
        if (req.taskPriority() != null) {
            require(procedure != null, "taskPriority.procedure", "taskPriority needs a procedure");
            require(req.taskPriority() >= -10 && req.taskPriority() <= 10, "taskPriority.range", "taskPriority must be -10..10");
        }
        if (req.taskNotifyMode() != null) {
            require(procedure != null, "taskNotifyMode.procedure", "taskNotifyMode needs a procedure");
            require(NOTIFY_MODES.contains(req.taskNotifyMode()), "taskNotifyMode.values",
                    "taskNotifyMode must be one of Finish, Change, None");
        }
    }

    private static <T> boolean allows(Collection<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private static void require(boolean ok, String rule, String detail) {
        if (!ok) {
            throw new SignaturePolicyViolation(rule, detail);
        }
    }
}
