package io.vodflow.cli.doctor;

/**
 * The outcome of one check.
 *
 * @param status PASS, FAIL, or INFO (nothing to verify from here; never fails the run)
 * @param detail what was found
 * @param fix    what to do about a failure; null unless FAIL
 */
public record CheckResult(Status status, String detail, String fix) {

    /** How a check ended. */
    public enum Status { PASS, FAIL, INFO }

    public static CheckResult pass(String detail) {
        return new CheckResult(Status.PASS, detail, null);
    }

    public static CheckResult fail(String detail, String fix) {
        return new CheckResult(Status.FAIL, detail, fix);
    }

    public static CheckResult info(String detail) {
        return new CheckResult(Status.INFO, detail, null);
    }

    /** One line: status, name, detail, and the fix for a failure. */
    public String line(String name) {
        return String.format("%-4s %-24s %s%s", status, name, detail, fix == null ? "" : "  -> fix: " + fix);
    }
}
