package org.swarmport.tracker.catalogue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code PATCH /torrents/{id}} body, a JSON merge patch (RFC 7396): the members present
 * replace the torrent's {@code title} ({@code null} or blank: show the metainfo's name again),
 * {@code category} (id or name), {@code tags} (array of strings) and {@code description}
 * ({@code null} clears it); absent ones stay. Name, sizes and hashes come from the metainfo and
 * cannot be changed: asking to is a 400, not silently ignored (the title is what to change).
 */
final class TorrentPatch {

    private TorrentPatch() {
    }

    static TorrentLabels apply(byte[] body, TorrentLabels current) {
        JsonObject patch;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException("body", "must be a JSON object");
            }
            patch = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new InvalidFieldException("body", "is not JSON");
        }
        String title = current.title();
        Category category = current.category();
        List<String> tags = current.tags();
        String description = current.description();
        for (Map.Entry<String, JsonValue> member : patch.entrySet()) {
            JsonValue value = member.getValue();
            switch (member.getKey()) {
                case "title" -> title = value.getValueType() == JsonValue.ValueType.NULL
                        ? null : PlainText.title(string("title", value));
                case "category" -> category = Category.parse(categoryText(value));
                case "tags" -> tags = value.getValueType() == JsonValue.ValueType.NULL ? List.of() : Tags.of(strings(value));
                case "description" -> description = value.getValueType() == JsonValue.ValueType.NULL
                        ? null : PlainText.description(string("description", value));
                case "name", "infoHashV1", "infoHashV2", "totalSize", "pieceLength", "private", "files" ->
                        throw new InvalidFieldException(member.getKey(),
                                "comes from the metainfo and cannot be changed (a title can be set)");
                default -> throw new InvalidFieldException(member.getKey(),
                        "unknown field: a patch may change title, category, tags, description");
            }
        }
        return new TorrentLabels(title, category, tags, description);
    }

    private static String categoryText(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return string("category", value);
    }

    private static String string(String field, JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidFieldException(field, "must be a string");
    }

    private static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new InvalidFieldException("tags", "must be an array of strings");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            strings.add(string("tags", item));
        }
        return strings;
    }
}
