package io.vodflow.cli.eventconfig;

import java.io.PrintWriter;
import java.util.List;

/** Prints VOD's event configuration before and after a change, one row per setting; the SignKey only as set/unset. */
public final class EventConfigTable {

    private EventConfigTable() {
    }

    /**
     * @param signKeyBefore what is known about the key before, e.g. "not readable"
     * @param signKeyAfter  e.g. "set (by this run)"
     */
    public static void print(PrintWriter out, long subAppId, EventConfigView before, EventConfigView after,
                             String signKeyBefore, String signKeyAfter) {
        List<String[]> rows = List.of(
                new String[]{"setting", "before", "after"},
                new String[]{"Mode", before.mode(), after.mode()},
                new String[]{"NotificationUrl", orNone(before.notificationUrl()), orNone(after.notificationUrl())},
                new String[]{"NewFileUpload (UploadMediaCompleteEventSwitch)", before.uploadSwitch(), after.uploadSwitch()},
                new String[]{"FileDeleted (DeleteMediaCompleteEventSwitch)", before.deleteSwitch(), after.deleteSwitch()},
                new String[]{"PersistenceComplete (PersistenceCompleteEventSwitch)", before.persistenceSwitch(),
                        after.persistenceSwitch()},
                new String[]{"SignKey", signKeyBefore, signKeyAfter});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println("VOD event configuration of sub-app " + (subAppId == 0 ? "0 (primary)" : subAppId) + ":");
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String mark = r == 0 ? " " : row[1].equals(row[2]) ? " " : "*";
            out.printf("%s %-" + widths[0] + "s  %-" + widths[1] + "s  %s%n", mark, row[0], row[1], row[2]);
        }
        out.println("(* = changed)");
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
