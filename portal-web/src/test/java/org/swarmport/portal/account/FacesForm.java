package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Faces form as a browser without JavaScript sees it: read from a page's HTML (its action,
 * its inputs with their names and values, the ViewState among them), filled in by field id,
 * sent as the urlencoded body the browser would send.
 */
public final class FacesForm {

    public static final String VIEW_STATE = "jakarta.faces.ViewState";

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    final URI action;
    final Map<String, String> fields = new LinkedHashMap<>();
    private final String formId;

    private FacesForm(URI action, String formId) {
        this.action = action;
        this.formId = formId;
    }

    static FacesForm in(String html, URI page, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"([^>]*)>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(form.find(), "no form " + formId + " in " + html);
        Map<String, String> formAttributes = attributes(form.group(1));
        FacesForm result = new FacesForm(page.resolve(unescape(formAttributes.get("action"))), formId);
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            if (a.containsKey("name") && !"submit".equals(a.get("type"))) {
                result.fields.put(a.get("name"), unescape(a.getOrDefault("value", "")));
            }
        }
        assertTrue(result.fields.containsKey(VIEW_STATE), "no ViewState in form " + formId);
        return result;
    }

    /** Fills the field whose id is {@code formId:fieldId}; it must be in the form. */
    public FacesForm set(String fieldId, String value) {
        String name = formId + ":" + fieldId;
        assertTrue(fields.containsKey(name), "no field " + name + " in " + fields.keySet());
        fields.put(name, value);
        return this;
    }

    public FacesForm without(String name) {
        fields.remove(name);
        return this;
    }

    /** The body of a click on the button {@code formId:buttonId}. */
    String body(String buttonId) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put(formId + ":" + buttonId, "clicked");
        return sent.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            result.put(m.group(1), m.group(2));
        }
        return result;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#58;", ":").replace("&#x3a;", ":");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
