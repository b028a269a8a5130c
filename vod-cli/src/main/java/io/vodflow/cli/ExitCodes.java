package io.vodflow.cli;

/** Process exit codes of every command. */
public final class ExitCodes {

    /** Everything done or every check passed. */
    public static final int OK = 0;
    /** A check failed, VOD refused, or the command refused to act (e.g. SignKey mismatch). */
    public static final int FAILED = 1;
    /** Bad command-line usage (picocli's own code). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
