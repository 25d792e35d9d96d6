package org.swarmport.peer.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes the JSON of {@code info --json}: maps (in their iteration order), lists, strings,
 * numbers, booleans and null, nothing else. Strings are escaped per RFC 8259, so a file name
 * with quotes or control characters stays valid JSON.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            container(map.entrySet(), '{', '}', out, indent, (entry, inner) -> {
                string(String.valueOf(entry.getKey()), out);
                out.append(": ");
                write(entry.getValue(), out, inner);
            });
        } else if (value instanceof List<?> list) {
            container(list, '[', ']', out, indent, (item, inner) -> write(item, out, inner));
        } else {
            throw new IllegalArgumentException("no JSON for " + value.getClass());
        }
    }

    private interface Element<T> {
        void write(T element, String indent);
    }

    private static <T> void container(Iterable<T> items, char open, char close, StringBuilder out, String indent,
            Element<T> element) {
        out.append(open);
        String inner = indent + "  ";
        boolean first = true;
        for (T item : items) {
            out.append(first ? "\n" : ",\n").append(inner);
            element.write(item, inner);
            first = false;
        }
        if (!first) {
            out.append('\n').append(indent);
        }
        out.append(close);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
