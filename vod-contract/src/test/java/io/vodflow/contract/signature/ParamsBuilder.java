package io.vodflow.contract.signature;

/** Copy-with-change for tests; the params record itself stays exactly as the lead defined it. */
final class ParamsBuilder {
    private String secretId;
    private long currentTimeStamp;
    private long expireTime;
    private long random;
    private Integer classId;
    private String procedure;
    private Integer taskPriority;
    private String taskNotifyMode;
    private String sourceContext;
    private Integer oneTimeValid;
    private Long vodSubAppId;
    private String sessionContext;
    private String storageRegion;

    ParamsBuilder(UploadSignatureParams p) {
        secretId = p.secretId();
        currentTimeStamp = p.currentTimeStamp();
        expireTime = p.expireTime();
        random = p.random();
        classId = p.classId();
        procedure = p.procedure();
        taskPriority = p.taskPriority();
        taskNotifyMode = p.taskNotifyMode();
        sourceContext = p.sourceContext();
        oneTimeValid = p.oneTimeValid();
        vodSubAppId = p.vodSubAppId();
        sessionContext = p.sessionContext();
        storageRegion = p.storageRegion();
    }

    ParamsBuilder secretId(String v) { secretId = v; return this; }
    ParamsBuilder currentTimeStamp(long v) { currentTimeStamp = v; return this; }
    ParamsBuilder expireTime(long v) { expireTime = v; return this; }
    ParamsBuilder random(long v) { random = v; return this; }
    ParamsBuilder classId(Integer v) { classId = v; return this; }
    ParamsBuilder procedure(String v) { procedure = v; return this; }
    ParamsBuilder taskPriority(Integer v) { taskPriority = v; return this; }
    ParamsBuilder taskNotifyMode(String v) { taskNotifyMode = v; return this; }
    ParamsBuilder sourceContext(String v) { sourceContext = v; return this; }
    ParamsBuilder oneTimeValid(Integer v) { oneTimeValid = v; return this; }
    ParamsBuilder vodSubAppId(Long v) { vodSubAppId = v; return this; }
    ParamsBuilder sessionContext(String v) { sessionContext = v; return this; }
    ParamsBuilder storageRegion(String v) { storageRegion = v; return this; }

    UploadSignatureParams build() {
        return new UploadSignatureParams(secretId, currentTimeStamp, expireTime, random, classId, procedure,
                taskPriority, taskNotifyMode, sourceContext, oneTimeValid, vodSubAppId, sessionContext,
                storageRegion);
    }
}
