package io.vodflow.cli.backfill;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place: {@code [#####-----] 12/40 media, 20 callbacks}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = Math.max(1, total);
    }

    void show(int done, int callbacks) {
        int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
        err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " media, "
                + callbacks + " callbacks");
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }
}
