package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses v3 and legacy v2 callback bodies (and PullEvents members) into {@link VodEvent}s. A {@code PullEvents}
 * {@code EventSet} member is a v3 body plus {@code EventHandle}, so it parses the same. Stateless and thread-safe.
 */
public final class VodEventParser {

    /** Parses one callback body; throws {@link VodEventParseException} saying what is wrong. */
    public VodEvent parse(byte[] body) {
        EventEnvelope env = EventEnvelope.of(VodJson.readObject(body));
        JsonNode m = env.member();
        boolean v3 = env.format() == WireFormat.V3;
        return switch (env.eventType()) {
            case NewFileUpload.TYPE -> v3 ? V3EventMapper.newFileUpload(m) : V2EventMapper.newFileUpload(m);
            case ProcedureStateChanged.TYPE ->
                    v3 ? V3EventMapper.procedureStateChanged(m) : V2EventMapper.procedureStateChanged(m);
            case FileDeleted.TYPE -> v3 ? V3EventMapper.fileDeleted(m) : V2EventMapper.fileDeleted(m);
            default -> {
                EventKeys keys = EventKeys.of(env);
                yield new UnknownEvent(env.format(), env.eventType(), keys.fileId(), keys.taskId(), body.clone());
            }
        };
    }
}
