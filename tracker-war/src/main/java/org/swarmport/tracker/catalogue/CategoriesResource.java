package org.swarmport.tracker.catalogue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /tracker/api/v1/categories}: the categories a torrent may have, id and name. */
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @GET
    public List<Category> all() {
        return Category.ALL;
    }
}
