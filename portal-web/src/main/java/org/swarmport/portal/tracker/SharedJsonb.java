package org.swarmport.portal.tracker;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The one {@link Jsonb} the tracker client reads every answer with. Without a resolver RESTEasy
 * builds a new one for each response and closes it after, and {@code JsonbBuilder.create()}
 * looks its provider up through {@code ServiceLoader} across the deployment's modules each
 * time: 6 % of the portal's CPU on the search and torrent pages (bench/portal, JFR). A
 * {@code Jsonb} is thread-safe, so one serves every request.
 */
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
