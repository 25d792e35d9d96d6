package org.swarmport.tracker.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Matches per category in one segment, from the category's doc values: counted in ordinals,
 * named once, when the segment is done.
 */
final class CategoryTally {

    private final SortedDocValues category;
    private final int[] byOrd;
    private long uncategorised;

    CategoryTally(LeafReaderContext context) throws IOException {
        category = context.reader().getSortedDocValues(TorrentDocument.CATEGORY);
        byOrd = new int[category == null ? 0 : category.getValueCount()];
    }

    void count(int doc) throws IOException {
        if (category != null && category.advanceExact(doc)) {
            byOrd[category.ordValue()]++;
        } else {
            uncategorised++;
        }
    }

    /** Adds this segment's counts to {@code counts}, by category key. */
    void addTo(Map<String, Long> counts) throws IOException {
        for (int ord = 0; ord < byOrd.length; ord++) {
            if (byOrd[ord] > 0) {
                BytesRef name = category.lookupOrd(ord);
                counts.merge(name.utf8ToString(), (long) byOrd[ord], Long::sum);
            }
        }
        if (uncategorised > 0) {
            counts.merge("", uncategorised, Long::sum);
        }
    }
}
