package io.vodflow.cli;

/** A failure the operator can act on: its message is printed as is (it never holds a secret), then the exit code. */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(String message) {
        this(message, ExitCodes.FAILED);
    }

    public CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
