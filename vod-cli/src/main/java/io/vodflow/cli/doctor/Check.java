package io.vodflow.cli.doctor;

/** One doctor check: a short name and a run that never throws (failures are results with a fix). */
public interface Check {

    /** Short name printed at the start of the line, e.g. {@code kafka-topics}; also what {@code --skip} takes. */
    String name();

    CheckResult run();
}
