package io.vodflow.cli.eventconfig;

import com.fasterxml.jackson.databind.JsonNode;

/** What DescribeEventConfig answers for one sub-app (VOD never returns the SignKey). */
public record EventConfigView(String mode, String notificationUrl, String uploadSwitch, String deleteSwitch,
                              String persistenceSwitch) {

    /** Reads the {@code Response} object of DescribeEventConfig. */
    public static EventConfigView from(JsonNode response) {
        return new EventConfigView(response.path("Mode").asText(""), response.path("NotificationUrl").asText(""),
                response.path("UploadMediaCompleteEventSwitch").asText("OFF"),
                response.path("DeleteMediaCompleteEventSwitch").asText("OFF"),
                response.path("PersistenceCompleteEventSwitch").asText("OFF"));
    }
}
