package org.swarmport.tracker.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.swarmport.tracker.catalogue.Category;

/**
 * Writes one of the API's hot answers (the portal asks for one on every search and torrent
 * page) straight to a {@link JsonGenerator}: no reflection and no JSON-B model per answer,
 * which cost about 14 % of the server's CPU on those pages (bench/portal, JFR). The JSON is
 * what JSON-B wrote for the same record: members in name order, null members left out,
 * dates in ISO-8601. Everything else the API answers still goes through JSON-B
 * ({@link SharedJsonb}).
 */
public abstract class JsonAnswerWriter<T> implements MessageBodyWriter<T> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(null);

    private final Class<T> type;

    protected JsonAnswerWriter(Class<T> type) {
        this.type = type;
    }

    @Override
    public boolean isWriteable(Class<?> given, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.equals(given);
    }

    @Override
    public void writeTo(T answer, Class<?> given, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) {
        // Closing the generator flushes it; the container closes the stream after us.
        try (JsonGenerator json = GENERATORS.createGenerator(new NotClosing(entityStream), StandardCharsets.UTF_8)) {
            write(answer, json);
        }
    }

    /** The answer as one JSON value. */
    protected abstract void write(T answer, JsonGenerator json);

    /** {@code "name":"value"}, or nothing when the value is null (as JSON-B leaves it out). */
    protected static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    /** An ISO-8601 date member, or nothing when null: {@code ISO_INSTANT} or {@code ISO_OFFSET_DATE_TIME}, as JSON-B writes them. */
    protected static void date(JsonGenerator json, String name, TemporalAccessor value, DateTimeFormatter format) {
        if (value != null) {
            json.write(name, format.format(value));
        }
    }

    /** {@code "category":{"id":2000,"name":"Movies"}}, or nothing when null. */
    protected static void category(JsonGenerator json, Category category) {
        if (category != null) {
            json.writeStartObject("category").write("id", category.id()).write("name", category.name()).writeEnd();
        }
    }

    /** An array of strings, or nothing when the list is null. */
    protected static void strings(JsonGenerator json, String name, List<String> values) {
        if (values != null) {
            json.writeStartArray(name);
            values.forEach(json::write);
            json.writeEnd();
        }
    }

    /** The container owns the entity stream: the generator's close flushes it but leaves it open. */
    private static final class NotClosing extends java.io.FilterOutputStream {

        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
