package org.swarmport.peer.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Sizes as people type and read them: {@code 262144}, {@code 256K}, {@code 256KiB}, {@code 4M}
 * (binary units, as piece lengths always are), and back as {@code 1.5 MiB}.
 */
final class ByteSize implements CommandLine.ITypeConverter<Long> {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The number of bytes {@code text} names; a {@link CommandLine.TypeConversionException} says why not. */
    static long parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("IB")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a size: use bytes or a number with K, M or G (binary units)");
        }
        return Long.parseLong(digits) << shift;
    }

    /** {@code bytes} in the largest binary unit that keeps a leading digit: {@code 1.5 MiB}, {@code 700 B}. */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
