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

    @Test
    void datesAreUtcToTheMinute() {
        assertEquals("2026-12-01 22:56 UTC", Formats.date(Instant.parse("2026-12-01T22:56:59Z")));
        assertEquals("", Formats.date((Instant) null));
    }
}
