package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sizesAreInBinaryUnitsWithThreeSignificantDigits() {
        assertEquals("0 B", Formats.size(0));
        assertEquals("1023 B", Formats.size(1023));
        assertEquals("1.00 KiB", Formats.size(1024));
        assertEquals("58.6 KiB", Formats.size(60_005));
        assertEquals("1.50 GiB", Formats.size(3L << 29));
        assertEquals("8.00 EiB", Formats.size(Long.MAX_VALUE));
    }

    /** Formats.size no longer goes through String.format; it must write what that wrote. */
    @Test
    void sizesAreWhatStringFormatWrote() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long bytes = i < 100_000 ? 1024 + i * 37L : random.nextLong(1024, Long.MAX_VALUE >> random.nextInt(50));
            assertEquals(viaFormatter(bytes), Formats.size(bytes), () -> "size of " + bytes);
        }
        // values on a rounding edge: 1.005 KiB, 9.995 KiB, 99.95 KiB, 1023.5 KiB
        for (long bytes : new long[] {1029, 1030, 10234, 10235, 102348, 102349, 1048064, 1048063, 1048575}) {
            assertEquals(viaFormatter(bytes), Formats.size(bytes), () -> "size of " + bytes);
        }
    }

    private static String viaFormatter(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    @Test
    void datesAreUtcToTheMinute() {
        assertEquals("2026-12-01 22:56 UTC", Formats.date(Instant.parse("2026-12-01T22:56:59Z")));
        assertEquals("", Formats.date((Instant) null));
    }
}
