package org.swarmport.tracker.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/v1/suggest?q=}: names completing what the user typed, most seeded first. */
@Path("suggest")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SuggestResource {

    static final int MAX_SUGGESTIONS = 10;

    @Inject
    CatalogueSearch search;

    public record Suggestions(List<String> suggestions) {
    }

    @GET
    public Suggestions suggest(@QueryParam("q") String q) throws IOException {
        return new Suggestions(search.suggest(q, MAX_SUGGESTIONS));
    }
}
