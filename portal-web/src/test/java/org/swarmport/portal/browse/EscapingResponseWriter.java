package org.swarmport.portal.browse;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import java.io.Writer;

/**
 * A {@link ResponseWriter} that writes HTML as Mojarra's does for these calls (an element's
 * start tag closed by the next element or text; text escaped for {@code & < >}, attribute
 * values also for {@code "}), so that a renderer's output can be read in a unit test. Raw
 * {@link #write} is kept apart ({@link #raw}): a renderer that wrote a value through it would
 * bypass escaping, and the tests check that none does.
 */
final class EscapingResponseWriter extends ResponseWriter {

    private final StringBuilder out = new StringBuilder();
    final StringBuilder raw = new StringBuilder();
    private boolean startOpen;

    String html() {
        return out.toString();
    }

    private void closeStart() {
        if (startOpen) {
            out.append('>');
            startOpen = false;
        }
    }

    private static String escaped(String s, boolean attribute) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void startElement(String name, UIComponent component) {
        closeStart();
        out.append('<').append(name);
        startOpen = true;
    }

    @Override
    public void endElement(String name) {
        closeStart();
        out.append("</").append(name).append('>');
    }

    @Override
    public void writeAttribute(String name, Object value, String property) {
        if (!startOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"").append(escaped(String.valueOf(value), true)).append('"');
    }

    @Override
    public void writeURIAttribute(String name, Object value, String property) {
        writeAttribute(name, value, property);
    }

    @Override
    public void writeText(Object text, String property) {
        closeStart();
        out.append(escaped(String.valueOf(text), false));
    }

    @Override
    public void writeText(char[] text, int off, int len) {
        writeText(new String(text, off, len), null);
    }

    @Override
    public void writeComment(Object comment) {
        closeStart();
        out.append("<!--").append(comment).append("-->");
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        closeStart();
        raw.append(cbuf, off, len);
        out.append(cbuf, off, len);
    }

    @Override
    public String getContentType() {
        return "text/html";
    }

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public void startDocument() {
    }

    @Override
    public void endDocument() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public ResponseWriter cloneWithWriter(Writer writer) {
        throw new UnsupportedOperationException();
    }
}
