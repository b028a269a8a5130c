package io.vodflow.ingress.fallback;

import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.ingress.Fixtures;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;

/** Stored-callback records whose position is written into their body ({@code "seq-N"}), for relay order checks. */
final class NumberedCallbacks {
    private final CallbackRoutingReader reader = new CallbackRoutingReader();
    private final long firstFileId;
    private final int files;
    private final String subAppId;

    /** Callback {@code i} belongs to file {@code firstFileId + i % files} and carries {@code subAppId}. */
    NumberedCallbacks(long firstFileId, int files, String subAppId) {
        this.firstFileId = firstFileId;
        this.files = files;
        this.subAppId = subAppId;
    }

    CallbackRecord record(int i) {
        String fileId = String.valueOf(firstFileId + i % files);
        byte[] body = new String(Fixtures.newFileUpload(fileId)).replace("holiday-clip", "seq-" + i).getBytes();
        CallbackRouting r = reader.read(body);
        return new CallbackRecord(fileId, body, r.format(), r.eventType(), 1_700_000_000_000L + i, CallbackSource.PUSH,
                subAppId, r.dedupeId());
    }

    /** The position written into a callback body by {@link #record}. */
    static int position(byte[] body) {
        return Integer.parseInt(new String(body).replaceAll("(?s).*\"seq-(\\d+)\".*", "$1"));
    }
}
