package io.vodflow.contract.event;

import java.util.List;
import java.util.Map;

/**
 * {@code FileDeleted}: media removed from VOD, in whole or in part. A file with {@code DeleteParts} in its
 * {@code FileDeleteResultInfo} lost only those parts (DeleteMedia with DeleteParts, e.g. the transcodes, or the original
 * after transcoding to save storage); a file without them was deleted with everything it had (DeleteMedia's default).
 */
public record FileDeleted(WireFormat format, List<String> fileIds, Map<String, List<DeletedPart>> partsByFileId)
        implements VodEvent {

    public static final String TYPE = "FileDeleted";

    public FileDeleted {
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        partsByFileId = partsByFileId == null ? Map.of() : Map.copyOf(partsByFileId);
    }

    /** Whole-media deletions of these files. */
    public FileDeleted(WireFormat format, List<String> fileIds) {
        this(format, fileIds, Map.of());
    }

    /** The parts removed from {@code fileId}; empty when the whole media was deleted. */
    public List<DeletedPart> partsOf(String fileId) {
        return partsByFileId.getOrDefault(fileId, List.of());
    }

    @Override public String eventType() { return TYPE; }

    @Override public String routingKey() { return fileIds.isEmpty() ? null : fileIds.get(0); }
}
