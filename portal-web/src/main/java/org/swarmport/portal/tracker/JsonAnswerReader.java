package org.swarmport.portal.tracker;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one of the tracker's hot answers (every search and torrent page asks for one) with a
 * JSON-P streaming parser straight into its record: no JSON-B class model, no intermediate
 * tree. Members it does not know are skipped, null or absent members leave the record's
 * default (null, 0), as JSON-B did. A malformed answer is a {@link ProcessingException}, which
 * {@link TrackerClient} shows as an outage.
 */
abstract class JsonAnswerReader<T> implements MessageBodyReader<T> {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    private final Class<T> type;

    JsonAnswerReader(Class<T> type) {
        this.type = type;
    }

    @Override
    public boolean isReadable(Class<?> given, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.equals(given);
    }

    @Override
    public T readFrom(Class<T> given, Type genericType, Annotation[] annotations, MediaType mediaType,
                      MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        try (JsonParser json = PARSERS.createParser(entityStream)) {
            expect(json, Event.START_OBJECT);
            return read(json);
        } catch (JsonException | IllegalStateException | ArithmeticException | DateTimeException e) {
            throw new ProcessingException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The answer's members, the parser just past the object's start; returns at its end. */
    protected abstract T read(JsonParser json);

    static void expect(JsonParser json, Event wanted) {
        Event found = json.next();
        if (found != wanted) {
            throw new JsonException("expected " + wanted + ", found " + found);
        }
    }

    /** The next member's name, or null at the object's end. */
    static String nextKey(JsonParser json) {
        Event e = json.next();
        if (e == Event.END_OBJECT) {
            return null;
        }
        if (e != Event.KEY_NAME) {
            throw new JsonException("expected a member, found " + e);
        }
        return json.getString();
    }

    /** A string value; null for JSON null. */
    static String string(JsonParser json) {
        return present(json, Event.VALUE_STRING, "a string") ? json.getString() : null;
    }

    /** A whole number; 0 for JSON null. */
    static long number(JsonParser json) {
        return present(json, Event.VALUE_NUMBER, "a number") ? json.getBigDecimal().longValueExact() : 0;
    }

    static int intNumber(JsonParser json) {
        return Math.toIntExact(number(json));
    }

    /** An array of strings; an empty list for JSON null. */
    static List<String> strings(JsonParser json) {
        List<String> values = new ArrayList<>();
        if (startsArray(json)) {
            for (Event e = json.next(); e != Event.END_ARRAY; e = json.next()) {
                if (e != Event.VALUE_STRING) {
                    throw new JsonException("expected a string, found " + e);
                }
                values.add(json.getString());
            }
        }
        return values;
    }

    /**
     * An array of objects, each read by {@code element} from just past its start; an empty list
     * for JSON null. {@code what} names an element in the error.
     */
    static <E> List<E> objects(JsonParser json, String what, Function<JsonParser, E> element) {
        List<E> values = new ArrayList<>();
        if (startsArray(json)) {
            for (Event e = json.next(); e != Event.END_ARRAY; e = json.next()) {
                if (e != Event.START_OBJECT) {
                    throw new JsonException("expected " + what + ", found " + e);
                }
                values.add(element.apply(json));
            }
        }
        return values;
    }

    /** True at an array's start; false for JSON null. */
    static boolean startsArray(JsonParser json) {
        return present(json, Event.START_ARRAY, Event.START_ARRAY.toString());
    }

    /** True at an object's start; false for JSON null. */
    static boolean startsObject(JsonParser json) {
        return present(json, Event.START_OBJECT, Event.START_OBJECT.toString());
    }

    /** Moves to the next value: false for JSON null, true for {@code wanted}, anything else an error naming {@code what}. */
    private static boolean present(JsonParser json, Event wanted, String what) {
        Event e = json.next();
        if (e == Event.VALUE_NULL) {
            return false;
        }
        if (e != wanted) {
            throw new JsonException("expected " + what + ", found " + e);
        }
        return true;
    }

    /** {@code {"id":2000,"name":"Movies"}}, or null. */
    static Category category(JsonParser json) {
        if (!startsObject(json)) {
            return null;
        }
        int id = 0;
        String name = null;
        for (String key = nextKey(json); key != null; key = nextKey(json)) {
            switch (key) {
                case "id" -> id = intNumber(json);
                case "name" -> name = string(json);
                default -> skip(json);
            }
        }
        return new Category(id, name);
    }

    /** Skips a member's value of any kind. */
    static void skip(JsonParser json) {
        Event e = json.next();
        if (e == Event.START_OBJECT) {
            json.skipObject();
        } else if (e == Event.START_ARRAY) {
            json.skipArray();
        }
    }
}
