package org.swarmport.tracker.catalogue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.swarmport.tracker.api.ApiError;

/** The answer of {@code GET /torrents/existing}: the asked ids that are torrents, in id order. */
public record ExistingIds(List<Long> ids) {

    static final int MAX_IDS = 100;

    /** {@code 3,7,9}: 1 to {@value #MAX_IDS} positive ids, comma-separated; else a 400 saying what is wrong. */
    static Set<Long> parse(String ids) {
        if (ids == null || ids.isBlank()) {
            throw ApiError.exception(400, "ids: required, comma-separated torrent ids");
        }
        String[] parts = ids.split(",", -1);
        if (parts.length > MAX_IDS) {
            throw ApiError.exception(400, "ids: at most " + MAX_IDS);
        }
        Set<Long> parsed = new TreeSet<>();
        for (String part : parts) {
            long id;
            try {
                id = Long.parseLong(part.strip());
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (id <= 0) {
                throw ApiError.exception(400, "ids: '" + PlainText.shown(part.strip()) + "' is not a torrent id");
            }
            parsed.add(id);
        }
        return parsed;
    }
}
