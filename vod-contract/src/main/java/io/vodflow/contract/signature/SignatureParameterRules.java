package io.vodflow.contract.signature;

import io.vodflow.contract.text.StorableText;

import java.util.Set;

/**
 * The contract rules of section 1.2 in one place. Lengths of the pass-through contexts count Unicode code points,
 * as Tencent's own Python signing demo ({@code len()}, {@code MAX_SOURCE_CONTEXT_LEN = 250}) does.
 */
final class SignatureParameterRules {

    static final long MAX_VALIDITY_SECONDS = 7_776_000L;
    static final long MAX_RANDOM = 4_294_967_295L;
    /** 9999-12-31T23:59:59Z: a later time is no date any clock, database or VOD holds. */
    static final long MAX_TIMESTAMP = 253_402_300_799L;
    static final int MAX_SOURCE_CONTEXT = 250;
    static final int MAX_SESSION_CONTEXT = 1000;
    static final int MIN_TASK_PRIORITY = -10;
    static final int MAX_TASK_PRIORITY = 10;
    static final Set<String> NOTIFY_MODES = Set.of("Finish", "Change", "None");

    private SignatureParameterRules() { }

    static void check(UploadSignatureParams p) {
        requireText("secretId", p.secretId(), true);
        require("currentTimeStamp", p.currentTimeStamp() >= 0, "must not be negative");
        require("expireTime", p.expireTime() >= 0, "must not be negative");
        require("currentTimeStamp", p.currentTimeStamp() <= MAX_TIMESTAMP, "must be at most " + MAX_TIMESTAMP + " (year 9999)");
        require("expireTime", p.expireTime() <= MAX_TIMESTAMP, "must be at most " + MAX_TIMESTAMP + " (year 9999)");
        long validity = p.expireTime() - p.currentTimeStamp();
        require("expireTime", validity >= 1 && validity <= MAX_VALIDITY_SECONDS,
                "validity (expireTime - currentTimeStamp) must be 1.." + MAX_VALIDITY_SECONDS + " seconds");
        require("random", p.random() >= 0 && p.random() <= MAX_RANDOM, "must be 0.." + MAX_RANDOM);
        require("classId", p.classId() == null || p.classId() >= 0, "must not be negative");
        requireText("procedure", p.procedure(), false);
        boolean procedureSet = p.procedure() != null;
        if (p.taskPriority() != null) {
            require("taskPriority", procedureSet, "only allowed when procedure is set");
            require("taskPriority", p.taskPriority() >= MIN_TASK_PRIORITY && p.taskPriority() <= MAX_TASK_PRIORITY,
                    "must be " + MIN_TASK_PRIORITY + ".." + MAX_TASK_PRIORITY);
        }
        if (p.taskNotifyMode() != null) {
            require("taskNotifyMode", procedureSet, "only allowed when procedure is set");
            require("taskNotifyMode", NOTIFY_MODES.contains(p.taskNotifyMode()), "must be one of Finish, Change, None");
        }
        requireContext("sourceContext", p.sourceContext(), MAX_SOURCE_CONTEXT);
        require("oneTimeValid", p.oneTimeValid() == null || p.oneTimeValid() == 0 || p.oneTimeValid() == 1,
                "must be 0 or 1");
        require("vodSubAppId", p.vodSubAppId() == null || p.vodSubAppId() >= 0, "must not be negative");
        requireContext("sessionContext", p.sessionContext(), MAX_SESSION_CONTEXT);
        requireText("storageRegion", p.storageRegion(), false);
    }

    private static void requireText(String name, String value, boolean required) {
        if (value == null) {
            require(name, !required, "is required");
            return;
        }
        require(name, !value.isBlank(), "must not be blank");
        requireWellFormed(name, value);
    }

    private static void requireContext(String name, String value, int maxCodePoints) {
        if (value == null) {
            return;
        }
        requireWellFormed(name, value);
        require(name, value.codePointCount(0, value.length()) <= maxCodePoints,
                "must be at most " + maxCodePoints + " characters");
    }

    /**
     * A lone surrogate cannot be UTF-8 encoded, so the value would not survive the round trip through VOD; nor can a
     * NUL be stored in a Postgres text column, where every signature parameter is recorded.
     */
    private static void requireWellFormed(String name, String value) {
        require(name, value.indexOf('\u0000') < 0, "must not contain NUL (U+0000)");
        require(name, StorableText.wellFormed(value), "must be well-formed Unicode text");
    }

    private static void require(String name, boolean ok, String rule) {
        if (!ok) {
            throw new SignatureParameterException(name, rule);
        }
    }
}
