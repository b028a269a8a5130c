package io.vodflow.contract.event;

/**
 * One {@code MediaProcessResultSet} member (Transcode, AnimatedGraphics, SnapshotByTimeOffset, SampleSnapshot,
 * ImageSprites, CoverBySnapshot, AdaptiveDynamicStreaming, or any other type kept as {@link ProcessOutput.Other}).
 */
public record MediaProcessResult(
        String type,
        TaskStatus status,
        String errCodeExt,
        Integer errCode,
        String message,
        Integer progress,
        Integer inputDefinition,
        String beginProcessTime,
        String finishTime,
        ProcessOutput output) {
}
