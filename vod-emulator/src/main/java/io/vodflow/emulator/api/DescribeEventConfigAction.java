package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

/** {@code DescribeEventConfig}: mode, URL and the three switches of a sub-app; never the SignKey (as VOD). */
final class DescribeEventConfigAction implements ApiAction {

    private final EventConfigStore configs;

    DescribeEventConfigAction(EventConfigStore configs) {
        this.configs = configs;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            EventConfig config = configs.current(SubAppIdParam.of(params));
            return JsonNodeFactory.instance.objectNode()
                    .put("Mode", config.mode())
                    .put("NotificationUrl", config.notificationUrl())
                    .put("UploadMediaCompleteEventSwitch", config.uploadMediaCompleteEvent())
                    .put("DeleteMediaCompleteEventSwitch", config.deleteMediaCompleteEvent())
                    .put("PersistenceCompleteEventSwitch", config.persistenceCompleteEvent());
        });
    }
}
