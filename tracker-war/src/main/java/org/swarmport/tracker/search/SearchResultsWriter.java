package org.swarmport.tracker.search;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.swarmport.tracker.api.JsonAnswerWriter;

/** {@code GET /search}'s answer, the portal's search and browse pages' one call, without reflection. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class SearchResultsWriter extends JsonAnswerWriter<SearchResults> {

    public SearchResultsWriter() {
        super(SearchResults.class);
    }

    @Override
    protected void write(SearchResults results, JsonGenerator json) {
        json.writeStartObject();
        if (results.categories() != null) {
            json.writeStartObject("categories");
            for (Map.Entry<String, Long> category : results.categories().entrySet()) {
                json.write(category.getKey(), category.getValue());
            }
            json.writeEnd();
        }
        if (results.hits() != null) {
            json.writeStartArray("hits");
            for (SearchResults.Hit hit : results.hits()) {
                hit(hit, json);
            }
            json.writeEnd();
        }
        json.write("total", results.total());
        json.writeEnd();
    }

    /** The members of {@link SearchResults.Hit} in name order. */
    private static void hit(SearchResults.Hit hit, JsonGenerator json) {
        json.writeStartObject();
        date(json, "added", hit.added(), DateTimeFormatter.ISO_INSTANT);
        category(json, hit.category());
        json.write("completed", hit.completed()).write("id", hit.id());
        string(json, "infoHashV1", hit.infoHashV1());
        string(json, "infoHashV2", hit.infoHashV2());
        json.write("leechers", hit.leechers());
        string(json, "magnet", hit.magnet());
        string(json, "name", hit.name());
        json.write("seeders", hit.seeders()).write("size", hit.size());
        strings(json, "tags", hit.tags());
        json.writeEnd();
    }
}
