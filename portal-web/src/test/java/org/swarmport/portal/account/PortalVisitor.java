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
 * Someone visiting the portal over HTTP as a browser without JavaScript: their own cookies,
 * redirects followed, forms read from the page and sent back ({@link FacesForm}), urlencoded or
 * multipart as the form says. HTTP/1.1, as browsers post forms: over HTTP/2 a server that
 * refuses a large body early resets the stream. Public for platform's tests (portal-web's
 * test-jar).
 */
public final class PortalVisitor {

    /** The password {@link #registerAndSignIn} gives every account. */
    public static final String PASSWORD = "correct horse battery";

    public final URI base;
    public final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    /** For form posts: java.net.http keeps a post's Content-Type on the GET it redirects to, which no browser does. */
    private final HttpClient posting;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public PortalVisitor(URL base) throws Exception {
        this(base.toURI(), HttpClient.newBuilder());
    }

    public PortalVisitor(URI base, HttpClient.Builder builder) {
        this.base = base;
        builder.version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10));
        this.http = builder.followRedirects(HttpClient.Redirect.NORMAL).build();
        this.posting = builder.followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(request(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A raw urlencoded POST, redirects followed as java.net.http does: for forged and hand-made bodies. */
    public HttpResponse<String> post(URI target, String body) throws Exception {
        return http.send(request(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the page and reads form {@code formId} from it; the page must answer 200. */
    public FacesForm form(String path, String formId) throws Exception {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ": " + page.body());
        }
        return FacesForm.in(page.body(), page.uri(), formId);
    }

    /**
     * Sends the form as a click on {@code buttonId} would, in the encoding its page asks for, and
     * follows a redirect with a plain GET, as a browser does (POST-redirect-GET).
     */
    public HttpResponse<String> submit(FacesForm form, String buttonId) throws Exception {
        FacesForm.Body body = form.encoded(buttonId);
        HttpResponse<String> answer = posting.send(request(form.action).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() / 100 == 3 && location.isPresent()) {
            return get(form.action.resolve(location.get()).toString());
        }
        return answer;
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

    /** Registers the account with {@link #PASSWORD} (if the name is free) and signs in; answers the page signing in led to. */
    public HttpResponse<String> registerAndSignIn(String username) throws Exception {
        register(username, PASSWORD);
        HttpResponse<String> signedIn = signIn(username, PASSWORD);
        if (!signedIn.body().contains("id=\"nav-logout\"")) {
            throw new AssertionError("could not sign in as " + username + ": " + signedIn.body());
        }
        return signedIn;
    }

    /** Sends this header with every request from now on, as a proxy in front of the server would add it. */
    public PortalVisitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(URI target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return request;
    }
}
