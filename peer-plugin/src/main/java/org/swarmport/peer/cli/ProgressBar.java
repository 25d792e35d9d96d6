package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return, for hashing and transfers:
 * {@code verifying [##########----------]  50%  20/41 pieces}. Redraws at most ten times a
 * second so that a fast hash is not slowed by the terminal; the last state is always drawn.
 * Disabled (by {@code --quiet}) it prints nothing. Small enough not to need a library and the
 * terminal handling that would come with one.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String label;
    private final String unit;
    private final boolean enabled;
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;

    ProgressBar(PrintWriter out, String label, String unit, boolean enabled) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.enabled = enabled;
    }

    /** Shows {@code done} of {@code total}, plus {@code detail} (a rate, a peer count) when not null. */
    void update(long done, long total, String detail) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print('\r' + render(done, total, detail));
        out.flush();
    }

    /** Ends the line the bar is on. */
    void finish() {
        if (enabled && drawn) {
            out.println();
            out.flush();
        }
    }

    String render(long done, long total, String detail) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %d/%d %s%s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), done, total, unit,
                detail == null ? "" : "  " + detail);
    }
}
