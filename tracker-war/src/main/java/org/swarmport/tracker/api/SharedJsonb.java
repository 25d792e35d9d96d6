package org.swarmport.tracker.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one {@link Jsonb} every answer not written by a {@link JsonAnswerWriter} goes through.
 * Without a resolver RESTEasy builds a new one for each answer, and {@code JsonbBuilder.create()}
 * looks its provider up with {@code ServiceLoader} across the deployment's modules and parses
 * the answer's classes again each time (about 4 % of the server's CPU on the portal's pages,
 * bench/portal). A {@code Jsonb} is thread-safe. (The portal has its own: the wars share no
 * classes.)
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
