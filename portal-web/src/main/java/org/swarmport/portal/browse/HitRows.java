package org.swarmport.portal.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.swarmport.portal.tracker.SearchHit;

/** {@code #{hitRows.of(hits)}}: a table's hits as {@link HitRow}s, one EL call per table instead of ten per row. */
@Named
@ApplicationScoped
public class HitRows {

    public List<HitRow> of(List<SearchHit> hits) {
        return hits == null ? List.of() : HitRow.of(hits);
    }
}
