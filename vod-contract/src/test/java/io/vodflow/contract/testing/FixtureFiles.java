package io.vodflow.contract.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared VOD payload fixtures (one copy, in this module's test resources under /fixtures), for every module's tests. */
public final class FixtureFiles {
    /** The FileId every fixture carries. */
    public static final String FILE_ID = "3270835012345678901";
    /** The ProcedureTaskId / TaskId of the v3 fixtures. */
    public static final String TASK_ID = "1500000001-Procedure-9d1c0e7f2a4b5c6d7e8f90a1b2c3d4e5t0";
    /** Where an upload fixture's SourceContext goes. */
    public static final String CONTEXT_PLACEHOLDER = "REPLACE_WITH_ISSUED_SOURCE_CONTEXT";

    private FixtureFiles() { }

    /** The fixture's bytes, unchanged. */
    public static byte[] bytes(String name) {
        try (InputStream in = FixtureFiles.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as UTF-8 text, unchanged. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
