package io.vodflow.processor.project;

import io.vodflow.contract.event.DeletedPart;

import java.util.List;

/** One partial deletion of a media by one callback (its dedupe id), for the MediaPartsDeleted event. */
public record PartsDeleted(String fileId, String dedupeId, List<DeletedPart> parts) { }
