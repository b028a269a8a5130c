package io.vodflow.processor.project;

import java.time.Instant;

/** An event of a type the processor does not model, kept raw (unknown_event). */
public record UnknownRow(String dedupeId, String eventType, String wireFormat, String fileId, String taskId,
                         String rawBody, Instant receivedAt) {
}
