package org.swarmport.portal.account;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Someone visiting the portal over HTTP, with their own cookies; follows redirects like a browser.
 * Public for platform's tests (portal-web's test-jar).
 */
public final class PortalVisitor {

    public final URI base;
    public final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public PortalVisitor(URL base) throws Exception {
        this(base.toURI(), HttpClient.newBuilder());
    }

    public PortalVisitor(URI base, HttpClient.Builder builder) {
        this.base = base;
        this.http = builder.cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(withHeaders(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(URI target, String body) throws Exception {
        return http.send(withHeaders(HttpRequest.newBuilder(target)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the page, fills nothing, and hands back its form to fill. */
    public FacesForm form(String path, String formId) throws Exception {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ": " + page.body());
        }
        return FacesForm.in(page.body(), page.uri(), formId);
    }

    public HttpResponse<String> submit(FacesForm form, String buttonId) throws Exception {
        return post(form.action, form.body(buttonId));
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> register(String username, String password) throws Exception {
        return submit(form("register", "register").set("username", username).set("password", password)
                .set("confirmation", password), "submit");
    }

    public HttpResponse<String> signIn(String username, String password) throws Exception {
        return submit(form("login", "login").set("username", username).set("password", password), "submit");
    }

    /** Sends this header with every request from now on, as a proxy in front of the server would add it. */
    public PortalVisitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder request) {
        headers.forEach(request::header);
        return request;
    }
}
