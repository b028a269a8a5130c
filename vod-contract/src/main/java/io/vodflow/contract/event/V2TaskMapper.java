package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import static io.vodflow.contract.event.LenientFields.decimal;
import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.object;
import static io.vodflow.contract.event.LenientFields.text;

/**
 * Maps v2 {@code processTaskList[]} and {@code contentReviewList[]} elements (contract 3.6) onto the v3 records.
 * v2 has no ErrCodeExt, progress or timing; those stay null.
 */
final class V2TaskMapper {

    private V2TaskMapper() { }

    static MediaProcessResult processTask(JsonNode element) {
        String type = text(element, "taskType");
        JsonNode input = object(element, "input");
        return new MediaProcessResult(type, TaskStatus.parse(text(element, "status")), text(element, "errCodeExt"),
                integer(element, "errCode"), text(element, "message"), integer(element, "progress"),
                integer(input, "definition"), text(element, "beginProcessTime"), text(element, "finishTime"),
                ProcessOutputMapper.map(type, object(element, "output"), input, WireFormat.V2));
    }

    static AiReviewResult contentReview(JsonNode element) {
        JsonNode output = object(element, "output");
        return new AiReviewResult(text(element, "taskType"), TaskStatus.parse(text(element, "status")),
                text(element, "errCodeExt"), text(element, "message"), text(output, "suggestion"),
                decimal(output, "confidence"));
    }
}
