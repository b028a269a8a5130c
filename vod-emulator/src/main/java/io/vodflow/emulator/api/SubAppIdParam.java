package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the optional {@code SubAppId} parameter: a non-negative integer, absent = 0 (the primary application). */
final class SubAppIdParam {

    private SubAppIdParam() {
    }

    static long of(JsonNode params) {
        JsonNode node = params.get("SubAppId");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER, "SubAppId must be a non-negative integer.");
        }
        return node.asLong();
    }
}
