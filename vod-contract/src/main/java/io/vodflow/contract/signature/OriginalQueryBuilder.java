package io.vodflow.contract.signature;

/**
 * Writes the plaintext {@code original}: the four required keys in the documented order, then the optional keys
 * that are set, in the order of contract table 1.2 with {@code sourceContext} moved after {@code vodSubAppId} so that
 * Vector B is reproduced byte for byte. VOD reads back exactly these bytes, so no order is canonical.
 */
final class OriginalQueryBuilder {

    private final StringBuilder out = new StringBuilder(256);

    private OriginalQueryBuilder() { }

    static String build(UploadSignatureParams p) {
        return new OriginalQueryBuilder()
                .add("secretId", p.secretId())
                .add("currentTimeStamp", p.currentTimeStamp())
                .add("expireTime", p.expireTime())
                .add("random", p.random())
                .add("classId", p.classId())
                .add("procedure", p.procedure())
                .add("taskPriority", p.taskPriority())
                .add("taskNotifyMode", p.taskNotifyMode())
                .add("oneTimeValid", p.oneTimeValid())
                .add("vodSubAppId", p.vodSubAppId())
                .add("sourceContext", p.sourceContext())
                .add("sessionContext", p.sessionContext())
                .add("storageRegion", p.storageRegion())
                .out.toString();
    }

    private OriginalQueryBuilder add(String key, Object value) {
        if (value != null) {
            if (out.length() > 0) {
                out.append('&');
            }
            // Integers print as plain decimal; only taskPriority can carry a '-' sign, which is unreserved.
            out.append(key).append('=').append(PercentCodec.encode(value.toString()));
        }
        return this;
    }
}
