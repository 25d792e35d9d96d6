package org.swarmport.portal.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
        // What String.format's %.2f, %.1f, %.0f write (half up from the double's shortest
        // decimal form), without a Formatter per cell: the search page writes 20 sizes.
        BigDecimal shown = new BigDecimal(Double.toString(value)).setScale(value < 10 ? 2 : value < 100 ? 1 : 0, RoundingMode.HALF_UP);
        return shown.toPlainString() + " " + UNITS[unit];
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
