package org.swarmport.peer.magnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files a magnet link asks for with {@code so} ("select only", BEP 53): indexes into the
 * torrent's file list, pad files included, as single numbers and inclusive ranges
 * ({@code so=0,2,4-6}). Kept as ranges, never expanded, so {@code so=0-2147483647} costs
 * nothing.
 */
public final class FileSelection {

    /** An inclusive range of file indexes; {@code first == last} for a single file. */
    public record Range(int first, int last) {
        public Range {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("bad file range " + first + "-" + last);
            }
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }

    private final List<Range> ranges;

    private FileSelection(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static FileSelection of(List<Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a file selection needs at least one range");
        }
        return new FileSelection(ranges);
    }

    /** Reads the value of {@code so}: comma-separated indexes and {@code a-b} ranges. */
    static FileSelection parse(String value, int maxRanges) throws MagnetException {
        List<Range> ranges = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (ranges.size() == maxRanges) {
                throw new MagnetException("so", "more than " + maxRanges + " ranges");
            }
            int dash = part.indexOf('-');
            int first = index(dash < 0 ? part : part.substring(0, dash));
            int last = dash < 0 ? first : index(part.substring(dash + 1));
            if (last < first) {
                throw new MagnetException("so", "range " + first + "-" + last + " ends before it starts");
            }
            ranges.add(new Range(first, last));
        }
        return new FileSelection(ranges);
    }

    private static int index(String digits) throws MagnetException {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MagnetException("so", "'" + MagnetLink.excerpt(digits) + "' is not a file index");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new MagnetException("so", "file index " + MagnetLink.excerpt(digits) + " is too large");
        }
        long index = Long.parseLong(digits);
        return (int) index;
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** Whether the file at {@code index} of the torrent's file list is selected. */
    public boolean includes(int index) {
        for (Range range : ranges) {
            if (index >= range.first() && index <= range.last()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileSelection selection && ranges.equals(selection.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranges);
    }

    /** The {@code so} value: {@code 0,2,4-6}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Range range : ranges) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(range);
        }
        return text.toString();
    }
}
