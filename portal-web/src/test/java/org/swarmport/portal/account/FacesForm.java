package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Faces form as a browser without JavaScript sees it: read from a page's HTML (its action,
 * its encoding, its inputs, file inputs, text areas and selects with their names and values, the
 * ViewState among them), filled in by field id, sent as the body the browser would send:
 * urlencoded, or {@code multipart/form-data} (RFC 7578) when the form's enctype says so. Public,
 * with {@link PortalVisitor}, for platform's tests (portal-web's test-jar).
 */
public final class FacesForm {

    public static final String VIEW_STATE = "jakarta.faces.ViewState";

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    public final URI action;
    public final Map<String, String> fields = new LinkedHashMap<>();
    public final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String formId;
    private final boolean multipart;

    private FacesForm(URI action, String formId, boolean multipart) {
        this.action = action;
        this.formId = formId;
        this.multipart = multipart;
    }

    public static FacesForm in(String html, URI page, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"([^>]*)>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(form.find(), "no form " + formId + " in " + html);
        Map<String, String> formAttributes = attributes(form.group(1));
        FacesForm result = new FacesForm(page.resolve(unescape(formAttributes.get("action"))), formId,
                "multipart/form-data".equals(formAttributes.get("enctype")));
        String inside = form.group(2);
        Matcher input = INPUT.matcher(inside);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            if (!a.containsKey("name") || "submit".equals(a.get("type"))) {
                continue;
            }
            if ("file".equals(a.get("type"))) {
                result.files.put(a.get("name"), new byte[0]);
            } else {
                result.fields.put(a.get("name"), unescape(a.getOrDefault("value", "")));
            }
        }
        Matcher textarea = TEXTAREA.matcher(inside);
        while (textarea.find()) {
            // A browser drops the one line break that may follow the opening tag (HTML 13.2.6.4.7).
            String text = unescape(textarea.group(2));
            result.fields.put(attributes(textarea.group(1)).get("name"), text.startsWith("\n") ? text.substring(1) : text);
        }
        Matcher select = SELECT.matcher(inside);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            result.fields.put(attributes(select.group(1)).get("name"), selected.find() ? unescape(selected.group(1)) : "");
        }
        assertTrue(result.fields.containsKey(VIEW_STATE), "no ViewState in form " + formId);
        return result;
    }

    /** The value the page filled in for field {@code formId:fieldId}. */
    public String value(String fieldId) {
        return fields.get(formId + ":" + fieldId);
    }

    /** Fills the field whose id is {@code formId:fieldId}; it must be in the form. */
    public FacesForm set(String fieldId, String value) {
        String name = formId + ":" + fieldId;
        assertTrue(fields.containsKey(name), "no field " + name + " in " + fields.keySet());
        fields.put(name, value);
        return this;
    }

    /** Chooses the file of file input {@code formId:fieldId}. */
    public FacesForm choose(String fieldId, byte[] content) {
        String name = formId + ":" + fieldId;
        assertTrue(files.containsKey(name), "no file input " + name + " in " + files.keySet());
        files.put(name, content);
        return this;
    }

    /** Adds or replaces a field by its full name, as a forged post would. */
    public FacesForm with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public FacesForm without(String name) {
        fields.remove(name);
        return this;
    }

    /** A body and the Content-Type to send it with. */
    public record Body(String contentType, byte[] bytes) {
    }

    /** The body of a click on the button {@code formId:buttonId}, in the form's own encoding. */
    public Body encoded(String buttonId) {
        if (!multipart) {
            return new Body("application/x-www-form-urlencoded", body(buttonId).getBytes(StandardCharsets.US_ASCII));
        }
        // As a browser sends it (RFC 7578): a file input with no file chosen is an empty part without a file name.
        String boundary = "----swarmport" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : clicked(buttonId).entrySet()) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n",
                    field.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String fileName = file.getValue().length == 0 ? "" : "upload.torrent";
            part(body, boundary, "Content-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/x-bittorrent\r\n", file.getValue());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** The urlencoded body of a click on the button {@code formId:buttonId} (file inputs left out), for raw posts. */
    public String body(String buttonId) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : clicked(buttonId).entrySet()) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private Map<String, String> clicked(String buttonId) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put(formId + ":" + buttonId, "clicked");
        return sent;
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            result.put(m.group(1), m.group(2));
        }
        return result;
    }

    /** HTML text as the browser reads it: numeric character references and the four named ones Faces writes. */
    public static String unescape(String html) {
        Matcher numeric = NUMERIC_ENTITY.matcher(html);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
