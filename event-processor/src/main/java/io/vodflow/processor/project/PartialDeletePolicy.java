package io.vodflow.processor.project;

/**
 * What a FileDeleted that lists DeleteParts for a file (VOD's DeleteMedia of some parts only, e.g. the original to
 * save storage once transcodes exist) does to the media. Either way the parts are recorded in media_part_deletion.
 */
public enum PartialDeletePolicy {
    /** Every FileDeleted marks its media DELETED, whatever parts it names (the default). */
    DELETE_MEDIA,
    /** The media keeps its status; the named parts are gone from its view and MediaPartsDeleted goes downstream. */
    KEEP_MEDIA
}
