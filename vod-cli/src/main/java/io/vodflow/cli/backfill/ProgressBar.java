package io.vodflow.cli.backfill;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place: {@code [#####-----] 12/40 media, 20 callbacks}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private String bar = "";

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = Math.max(1, total);
    }

    void show(int done, int callbacks) {
        int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
        bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " media, "
                + callbacks + " callbacks";
        err.print("\r" + bar);
        err.flush();
    }

    /** A line of its own above the bar (the bar is drawn again below it). */
    void note(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, bar.length() - line.length())) + System.lineSeparator());
        err.print(bar.isEmpty() ? "" : "\r" + bar);
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }
}
