package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.SearchQuery;

class QueryStringTest {

    @Test
    void parametersAreWrittenInOneOrderEncodedAndBlankOnesLeftOut() {
        SearchQuery query = SearchQuery.of("page", "2", "q", "a&b \"c\"", "category", " ", "sort", "size", "x", "y");

        assertEquals("?q=a%26b+%22c%22&sort=size&page=2", QueryString.of(query));
        assertEquals("?q=a%26b+%22c%22&page=2", QueryString.of(query.with("sort", null)));
        assertEquals("?", QueryString.of(SearchQuery.of()));
    }
}
