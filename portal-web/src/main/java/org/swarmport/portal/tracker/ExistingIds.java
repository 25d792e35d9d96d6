package org.swarmport.portal.tracker;

import java.util.List;

/** What {@code GET /tracker/api/v1/torrents/existing?ids=…} answers: the asked ids still in the catalogue. */
public record ExistingIds(List<Long> ids) {
}
