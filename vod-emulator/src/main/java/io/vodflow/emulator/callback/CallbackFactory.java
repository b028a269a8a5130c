package io.vodflow.emulator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.contract.event.DeletedPart;
import io.vodflow.emulator.callback.ProcedureTaskWriter.Phase;
import io.vodflow.emulator.upload.UploadedMedia;

import java.time.Clock;
import java.util.List;

/**
 * Builds the callback bodies VOD sends for an emulated upload: v3 NewFileUpload, ProcedureStateChanged
 * (processing, finished, failed) and FileDeleted, and the legacy v2 NewFileUpload and ProcedureStateChanged.
 * With a SignKey, each body gets top-level {@code Sign} and {@code T} fields (T = now + 600 s).
 */
public final class CallbackFactory {

    /** How long a callback signature stays valid; VOD's documented default is 10 minutes. */
    public static final long SIGN_VALIDITY_SECONDS = 600;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;
    private final String signKey;
    private final List<Rendition> renditions;
    private final ProcedureTaskWriter procedureTasks;
    private final LegacyBodyWriter legacy;

    /** @param signKey the callback SignKey, or null to send unsigned callbacks; never printed */
    public CallbackFactory(Clock clock, String signKey, List<Rendition> renditions) {
        this.clock = clock;
        this.signKey = signKey == null || signKey.isEmpty() ? null : signKey;
        this.renditions = List.copyOf(renditions);
        this.procedureTasks = new ProcedureTaskWriter(this.renditions);
        this.legacy = new LegacyBodyWriter(this.renditions);
    }

    /** The renditions the emulated task flow produces. */
    public List<Rendition> renditions() {
        return renditions;
    }

    /** v3 NewFileUpload; the signature's sourceContext is in MediaBasicInfo.SourceInfo.SourceContext. */
    public byte[] newFileUpload(UploadedMedia media) {
        ObjectNode event = JSON.objectNode().put("FileId", media.fileId());
        event.set("MediaBasicInfo", MediaBasicInfoWriter.write(media));
        event.set("MetaData", MetaDataWriter.v3(media.request()));
        event.put("ProcedureTaskId", media.procedureTaskId()).put("ReviewAudioVideoTaskId", "");
        return v3("NewFileUpload", "FileUploadEvent", event);
    }

    /** v3 ProcedureStateChanged, Status PROCESSING, every Transcode subtask at {@code progress} percent. */
    public byte[] procedureProcessing(UploadedMedia media, int progress) {
        return procedure(media, Phase.PROCESSING, progress);
    }

    /** v3 ProcedureStateChanged, Status FINISH, one successful Transcode per rendition and a snapshot cover. */
    public byte[] procedureFinished(UploadedMedia media) {
        return procedure(media, Phase.SUCCEEDED, 100);
    }

    /** v3 ProcedureStateChanged, Status FINISH, whose last Transcode subtask is FAIL with an ErrCodeExt. */
    public byte[] procedureFailed(UploadedMedia media) {
        return procedure(media, Phase.FAILED, 100);
    }

    /** v3 FileDeleted for one file: the whole media without {@code parts}, else only those parts (DeleteParts). */
    public byte[] fileDeleted(String fileId, DeletedPart... parts) {
        ObjectNode event = JSON.objectNode();
        event.putArray("FileIdSet").add(fileId);
        ArrayNode items = event.putArray("FileDeleteResultInfo").addObject().put("FileId", fileId).putArray("DeleteParts");
        for (DeletedPart part : parts) {
            items.addObject().put("Type", part.type()).put("Definition", part.definition());
        }
        return v3("FileDeleted", "FileDeleteEvent", event);
    }

    /** Legacy v2 NewFileUpload. */
    public byte[] legacyNewFileUpload(UploadedMedia media) {
        return bytes(signed(legacy.newFileUpload(media)));
    }

    /** Legacy v2 ProcedureStateChanged, status FINISH with one Transcode per rendition and a snapshot cover. */
    public byte[] legacyProcedureFinished(UploadedMedia media) {
        requireProcedure(media);
        return bytes(signed(legacy.procedureFinished(media)));
    }

    /** The URL of a rendition of this file once the flow has finished. */
    public static String renditionUrl(UploadedMedia media, Rendition rendition) {
        return media.transcodeBaseUrl() + rendition.fileName();
    }

    /** The cover URL the finished flow reports (CoverBySnapshot output). */
    public static String snapshotCoverUrl(UploadedMedia media) {
        return ProcedureTaskWriter.coverUrl(media);
    }

    private byte[] procedure(UploadedMedia media, Phase phase, int progress) {
        requireProcedure(media);
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0-100, was " + progress);
        }
        return v3("ProcedureStateChanged", "ProcedureStateChangeEvent", procedureTasks.write(media, phase, progress));
    }

    private byte[] v3(String eventType, String member, ObjectNode event) {
        ObjectNode body = JSON.objectNode().put("EventType", eventType);
        body.set(member, event);
        return bytes(signed(body));
    }

    private ObjectNode signed(ObjectNode body) {
        if (signKey != null) {
            long t = clock.instant().getEpochSecond() + SIGN_VALIDITY_SECONDS;
            body.put("Sign", CallbackSignatureVerifier.sign(signKey, t)).put("T", t);
        }
        return body;
    }

    private static void requireProcedure(UploadedMedia media) {
        if (!media.hasProcedure()) {
            throw new IllegalArgumentException("file " + media.fileId() + " was uploaded without a procedure");
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of plain JSON nodes", e);
        }
    }
}
