package io.vodflow.contract.event;

/** Parses v3 and legacy v2 callback bodies (and PullEvents members) into {@link VodEvent}s. */
public final class VodEventParser {

    /** Parses one callback body; throws {@link VodEventParseException} saying what is wrong. */
    public VodEvent parse(byte[] body) {
        throw new UnsupportedOperationException("TODO");
    }
}
