package org.swarmport.portal.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write sizes and dates: {@code #{format.size(hit.size())}}, {@code #{format.date(hit.added())}}. */
@Named("format")
@ApplicationScoped
public class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    /** Binary units, as BitTorrent clients show them: {@code 1.5 GiB}; bytes below 1 KiB exactly. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String date(OffsetDateTime dateTime) {
        return dateTime == null ? "" : date(dateTime.toInstant());
    }

    /** For EL, which resolves a method by name only. */
    public String sizeOf(long bytes) {
        return size(bytes);
    }

    public String dateOf(Object dateTime) {
        return dateTime instanceof Instant instant ? date(instant)
                : dateTime instanceof OffsetDateTime offset ? date(offset) : "";
    }
}
