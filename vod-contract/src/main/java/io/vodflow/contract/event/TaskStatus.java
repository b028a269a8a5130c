package io.vodflow.contract.event;

/** Status of a task flow or a subtask. FINISH (flow) is terminal; SUCCESS/FAIL are terminal for subtasks. */
public enum TaskStatus {
    WAITING, PROCESSING, FINISH, ABORTED, SUCCESS, FAIL, UNKNOWN;

    /** Lenient parse: null or unrecognised values become UNKNOWN rather than failing the event. */
    public static TaskStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** True for states a task or subtask never leaves. */
    public boolean terminal() { return this == FINISH || this == ABORTED || this == SUCCESS || this == FAIL; }
}
