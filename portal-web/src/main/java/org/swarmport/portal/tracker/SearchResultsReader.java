package org.swarmport.portal.tracker;

import jakarta.json.stream.JsonParser;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /search}'s answer ({@link SearchResults}), read as {@link JsonAnswerReader} says. */
public class SearchResultsReader extends JsonAnswerReader<SearchResults> {

    public SearchResultsReader() {
        super(SearchResults.class);
    }

    @Override
    protected SearchResults read(JsonParser json) {
        List<SearchHit> hits = List.of();
        Map<String, Long> categories = new HashMap<>();
        long total = 0;
        for (String key = nextKey(json); key != null; key = nextKey(json)) {
            switch (key) {
                case "hits" -> hits = objects(json, "a hit", SearchResultsReader::hit);
                case "categories" -> {
                    if (startsObject(json)) {
                        for (String name = nextKey(json); name != null; name = nextKey(json)) {
                            categories.put(name, number(json));
                        }
                    }
                }
                case "total" -> total = number(json);
                default -> skip(json);
            }
        }
        return new SearchResults(hits, total, categories);
    }

    private static SearchHit hit(JsonParser json) {
        long id = 0, size = 0, seeders = 0, leechers = 0, completed = 0;
        String name = null, v1 = null, v2 = null, magnet = null;
        Category category = null;
        List<String> tags = null;
        Instant added = null;
        for (String key = nextKey(json); key != null; key = nextKey(json)) {
            switch (key) {
                case "id" -> id = number(json);
                case "name" -> name = string(json);
                case "infoHashV1" -> v1 = string(json);
                case "infoHashV2" -> v2 = string(json);
                case "size" -> size = number(json);
                case "category" -> category = category(json);
                case "tags" -> tags = strings(json);
                case "added" -> {
                    String text = string(json);
                    added = text == null ? null : Instant.parse(text);
                }
                case "seeders" -> seeders = number(json);
                case "leechers" -> leechers = number(json);
                case "completed" -> completed = number(json);
                case "magnet" -> magnet = string(json);
                default -> skip(json);
            }
        }
        return new SearchHit(id, name, v1, v2, size, category, tags == null ? List.of() : tags, added, seeders, leechers,
                completed, magnet);
    }
}
