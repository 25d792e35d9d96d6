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
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;
    private int lastLength;

    ProgressBar(PrintWriter out, String label, boolean enabled) {
        this.out = out;
        this.label = label;
        this.enabled = enabled;
    }

    /** Shows {@code done} of {@code total} {@code unit}s (pieces), plus {@code detail} when not null. */
    void update(long done, long total, String unit, String detail) {
        draw(done >= total, () -> bar(done, total) + "  " + done + "/" + total + " " + unit + suffix(detail));
    }

    /** Shows {@code done} of {@code total} bytes, in binary units, plus {@code detail} when not null. */
    void updateBytes(long done, long total, String detail) {
        draw(done >= total, () -> bar(done, total) + "  " + ByteSize.format(done) + "/" + ByteSize.format(total)
                + suffix(detail));
    }

    /** Shows a line of text where the bar would be: for seeding, which has no end. */
    void status(String text) {
        draw(false, () -> text);
    }

    /** Ends the line the bar is on. */
    void finish() {
        if (enabled && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    private void draw(boolean last, java.util.function.Supplier<String> line) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!last && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String text = label + " " + line.get();
        // Blank out what a longer previous line left behind.
        out.print('\r' + text + " ".repeat(Math.max(0, lastLength - text.length())));
        lastLength = text.length();
        out.flush();
    }

    static String bar(long done, long total) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%", "#".repeat(filled), "-".repeat(WIDTH - filled),
                (int) Math.floor(fraction * 100));
    }

    private static String suffix(String detail) {
        return detail == null ? "" : "  " + detail;
    }
}
