package io.vodflow.processor.project;

import io.vodflow.contract.event.DeletedPart;

import java.time.Instant;
import java.util.List;

/**
 * One partial deletion of a media by one callback, for the MediaPartsDeleted event: its dedupe id and its receive
 * time tell a later deletion of the same parts (same body, see DedupeRepository) from a re-read of the same record.
 */
public record PartsDeleted(String fileId, String dedupeId, Instant deletedAt, List<DeletedPart> parts) { }
