package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ModifyEventConfig}: every field optional, an absent field stays as it was, {@code NotificationUrl ""}
 * clears the URL. Checked as documented: Mode PUSH/PULL, switches ON/OFF, SignKey letters and digits (at most 32).
 * Emulator's choices where VOD is silent: a non-empty URL must be http(s), and {@code SignKey ""} clears the key.
 */
final class ModifyEventConfigAction implements ApiAction {

    private static final Pattern SIGN_KEY = Pattern.compile("[A-Za-z0-9]{0,32}");
    private static final Set<String> MODES = Set.of("PUSH", "PULL");
    private static final Set<String> SWITCHES = Set.of("ON", "OFF");

    private final EventConfigStore configs;

    ModifyEventConfigAction(EventConfigStore configs) {
        this.configs = configs;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            long subAppId = SubAppIdParam.of(params);
            String mode = choice(params, "Mode", MODES);
            String url = text(params, "NotificationUrl");
            if (url != null && !url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw invalid("NotificationUrl must be an http:// or https:// URL, or empty to clear it.");
            }
            String upload = choice(params, "UploadMediaCompleteEventSwitch", SWITCHES);
            String delete = choice(params, "DeleteMediaCompleteEventSwitch", SWITCHES);
            String persistence = choice(params, "PersistenceCompleteEventSwitch", SWITCHES);
            String signKey = text(params, "SignKey");
            if (signKey != null && !SIGN_KEY.matcher(signKey).matches()) {
                // never echo the key itself
                throw invalid("SignKey must be letters and digits only, at most 32 characters.");
            }
            configs.update(subAppId, known -> new EventConfig(
                    mode != null ? mode : known.mode(),
                    url != null ? url : known.notificationUrl(),
                    upload != null ? upload : known.uploadMediaCompleteEvent(),
                    delete != null ? delete : known.deleteMediaCompleteEvent(),
                    persistence != null ? persistence : known.persistenceCompleteEvent(),
                    signKey == null ? known.signKey() : signKey.isEmpty() ? null : signKey));
            return JsonNodeFactory.instance.objectNode();
        });
    }

    private static String choice(JsonNode params, String name, Set<String> allowed) {
        String value = text(params, name);
        if (value != null && !allowed.contains(value)) {
            throw invalid(name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return value;
    }

    private static String text(JsonNode params, String name) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER, name + " must be a string.");
        }
        return node.asText();
    }

    private static VodApiError invalid(String message) {
        return new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, message);
    }
}
