package io.vodflow.contract.event;

/** One {@code AiContentReviewResultSet} member: type, status and the verdict VOD reached. */
public record AiReviewResult(String type, TaskStatus status, String errCodeExt, String message,
                             String suggestion, Double confidence) {
}
