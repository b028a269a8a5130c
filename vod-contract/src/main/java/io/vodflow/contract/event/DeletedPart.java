package io.vodflow.contract.event;

/**
 * One {@code DeleteParts} item of a FileDeleted event (VOD's MediaDeleteItem): a kind of file removed while the media
 * stays, e.g. {@code OriginalFiles} or {@code TranscodeFiles}; {@code definition} 0 means every file of that kind.
 */
public record DeletedPart(String type, int definition) {

    /** The uploaded original: the media stays, but it can no longer be played from or processed. */
    public static final String ORIGINAL_FILES = "OriginalFiles";
    /** Transcoded renditions (of one template, or all when definition is 0). */
    public static final String TRANSCODE_FILES = "TranscodeFiles";

    /** True when this part removes the rendition of transcode template {@code templateDefinition}. */
    public boolean removesRendition(int templateDefinition) {
        return TRANSCODE_FILES.equals(type) && (definition == 0 || definition == templateDefinition);
    }
}
