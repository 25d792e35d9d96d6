package org.swarmport.platform;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Someone visiting the portal over HTTP, as a browser without JavaScript: their own cookies,
 * redirects followed, forms read from the page and sent back ({@link PageForm}). HTTP/1.1, as
 * browsers post forms: over HTTP/2 a server that refuses a large body early resets the stream.
 */
final class PortalVisitor {

    static final String PASSWORD = "correct horse battery";

    final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    /** For posts: java.net.http keeps a post's Content-Type on the GET it redirects to, which no browser does. */
    private final HttpClient posting;

    PortalVisitor(URL base) throws Exception {
        this.base = base.toURI();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        this.posting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs the page and reads form {@code formId} from it; the page must answer 200. */
    PageForm form(String path, String formId) throws Exception {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ": " + page.body());
        }
        return PageForm.in(page.body(), page.uri(), formId);
    }

    /**
     * Sends the form as a click on {@code buttonId} would, in the encoding its page asks for, and
     * follows a redirect with a plain GET (POST-redirect-GET).
     */
    HttpResponse<String> submit(PageForm form, String buttonId) throws Exception {
        PageForm.Body body = form.body(buttonId);
        HttpResponse<String> answer = posting.send(HttpRequest.newBuilder(form.action).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() / 100 == 3 && location.isPresent()) {
            return get(form.action.resolve(location.get()).toString());
        }
        return answer;
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    /** Registers the account (if the name is free) and signs in with it; answers the page signing in led to. */
    HttpResponse<String> registerAndSignIn(String username) throws Exception {
        submit(form("register", "register").set("username", username).set("password", PASSWORD)
                .set("confirmation", PASSWORD), "submit");
        HttpResponse<String> signedIn = submit(form("login", "login").set("username", username)
                .set("password", PASSWORD), "submit");
        if (!signedIn.body().contains("id=\"nav-logout\"")) {
            throw new AssertionError("could not sign in as " + username + ": " + signedIn.body());
        }
        return signedIn;
    }
}
