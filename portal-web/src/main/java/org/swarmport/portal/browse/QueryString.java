package org.swarmport.portal.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.swarmport.portal.tracker.SearchQuery;

/**
 * A link to the same page with other parameters: {@code ?q=show&sort=seeders}. Relative, so the
 * one results table serves /search and /browse alike.
 */
public final class QueryString {

    private QueryString() {
    }

    public static String of(SearchQuery query) {
        StringBuilder link = new StringBuilder("?");
        for (String name : SearchQuery.NAMES) {
            String value = query.get(name);
            if (value != null) {
                link.append(link.length() == 1 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return link.toString();
    }
}
