package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account pages over real HTTP, as a browser without JavaScript uses them: GET a page,
 * read its Faces form (field names, ViewState), POST it. The server runs with
 * {@code -Dswarmport.admin.username=first-admin} (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountPagesIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    /** The server's database outlives test runs: every test has its own names. */
    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String errorBeside(String html, String messageId) {
        Matcher m = Pattern.compile("<span id=\"" + Pattern.quote(messageId) + "\"[^>]*>([^<]*)</span>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).trim() : "";
    }

    /** A new visitor with a new account, signed in. */
    private PortalVisitor signedInAs(String name) throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);
        visitor.register(name, PASSWORD);
        assertTrue(visitor.signIn(name, PASSWORD).uri().getPath().endsWith("/account"));
        return visitor;
    }

    /** Undertow writes the attribute as {@code secure}; attribute names are case-insensitive (RFC 6265). */
    private static boolean isSecure(String setCookie) {
        return Pattern.compile("(?i);\\s*secure\\s*(;|$)").matcher(setCookie).find();
    }

    @Test
    void registerSignInChangePasswordSignOutAndSignInWithTheNewPassword() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);
        String name = unique("Alice");

        HttpResponse<String> registered = visitor.register(name, PASSWORD);
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(registered.uri().getPath().endsWith("/login"), registered.uri().toString());
        assertTrue(registered.body().contains("id=\"registered\""), registered.body());

        String before = visitor.sessionId().orElseThrow();
        HttpResponse<String> account = visitor.signIn(name, PASSWORD);
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.uri().getPath().endsWith("/account"), account.uri().toString());
        assertEquals(name, text(account.body(), "account-username"));
        assertEquals("user", text(account.body(), "account-role"));
        assertNotEquals(before, visitor.sessionId().orElseThrow(), "the session id changes at sign-in");

        String newPassword = "a new password, Ünïcödé too";
        HttpResponse<String> changed = visitor.submit(visitor.form("account", "password-change")
                .set("current", PASSWORD).set("new", newPassword).set("confirmation", newPassword), "submit");
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("Your password is changed."), changed.body());

        HttpResponse<String> signedOut = visitor.submit(visitor.form("logout", "logout"), "submit");
        assertEquals(200, signedOut.statusCode(), signedOut.body());
        assertTrue(signedOut.body().contains("id=\"nav-login\""), signedOut.body());
        HttpResponse<String> accountAfter = visitor.get("account");
        assertTrue(accountAfter.uri().getPath().endsWith("/login"), "signed out, /account sends to /login");

        HttpResponse<String> oldPassword = visitor.signIn(name, PASSWORD);
        assertEquals("Wrong username or password.", errorBeside(oldPassword.body(), "login:password-error"));
        HttpResponse<String> again = visitor.signIn(name.toLowerCase(java.util.Locale.ROOT), newPassword);
        assertTrue(again.uri().getPath().endsWith("/account"), again.body());
        assertEquals(name, text(again.body(), "account-username"), "the name keeps the case it was registered with");

        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains(PASSWORD), "a password in the server log");
        assertFalse(log.contains(newPassword), "a password in the server log");
        assertFalse(log.contains(before) || log.contains(visitor.sessionId().orElseThrow()), "a session id in the server log");
    }

    @Test
    void browsingWithoutSigningInStartsNoSession() throws Exception {
        HttpResponse<String> home = new PortalVisitor(base).get("");

        assertTrue(home.body().contains("id=\"nav-login\""), home.body());
        assertEquals(List.of(), home.headers().allValues("Set-Cookie"));
    }

    @Test
    void accountPageSendsSomeoneNotSignedInToTheLoginPage() throws Exception {
        HttpResponse<String> page = new PortalVisitor(base).get("account");

        assertEquals(200, page.statusCode());
        assertTrue(page.uri().getPath().endsWith("/login"), page.uri().toString());
    }

    @Test
    void everyRegistrationProblemIsShownBesideItsField() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);

        HttpResponse<String> tooShort = visitor.register("ab", "short");
        assertEquals(200, tooShort.statusCode());
        assertEquals("A username has 3 to 32 characters.", errorBeside(tooShort.body(), "register:username-error"));
        assertEquals("A password has at least 10 characters.", errorBeside(tooShort.body(), "register:password-error"));
        assertTrue(tooShort.uri().getPath().endsWith("/register"));

        HttpResponse<String> badCharacters = visitor.register("bob smith", "x".repeat(129));
        assertTrue(errorBeside(badCharacters.body(), "register:username-error").startsWith("A username has only letters"),
                badCharacters.body());
        assertEquals("A password has at most 128 characters.", errorBeside(badCharacters.body(), "register:password-error"));

        HttpResponse<String> mismatch = visitor.submit(visitor.form("register", "register").set("username", unique("carol"))
                .set("password", PASSWORD).set("confirmation", PASSWORD + "!"), "submit");
        assertEquals("The two passwords differ.", errorBeside(mismatch.body(), "register:confirmation-error"));
        assertEquals("", errorBeside(mismatch.body(), "register:username-error"));

        HttpResponse<String> empty = visitor.register("", "");
        assertEquals("Enter a username.", errorBeside(empty.body(), "register:username-error"));
        assertEquals("Enter a password.", errorBeside(empty.body(), "register:password-error"));

        String taken = unique("dave");
        visitor.register(taken, PASSWORD);
        HttpResponse<String> again = visitor.register(taken.toUpperCase(java.util.Locale.ROOT), PASSWORD);
        assertEquals("This username is taken.", errorBeside(again.body(), "register:username-error"));
    }

    @Test
    void everyPasswordChangeProblemIsShownBesideItsField() throws Exception {
        String name = unique("erin");
        PortalVisitor visitor = signedInAs(name);

        HttpResponse<String> wrongCurrent = visitor.submit(visitor.form("account", "password-change")
                .set("current", "not my password").set("new", "another password").set("confirmation", "another password"),
                "submit");
        assertEquals("This is not your current password.", errorBeside(wrongCurrent.body(), "password-change:current-error"));

        HttpResponse<String> badNew = visitor.submit(visitor.form("account", "password-change")
                .set("current", "").set("new", "short").set("confirmation", "short"), "submit");
        assertEquals("Enter your current password.", errorBeside(badNew.body(), "password-change:current-error"));
        assertEquals("A password has at least 10 characters.", errorBeside(badNew.body(), "password-change:new-error"));

        HttpResponse<String> mismatch = visitor.submit(visitor.form("account", "password-change")
                .set("current", PASSWORD).set("new", "another password").set("confirmation", "another passwort"), "submit");
        assertEquals("The two passwords differ.", errorBeside(mismatch.body(), "password-change:confirmation-error"));

        // None of these changed it.
        PortalVisitor later = new PortalVisitor(base);
        assertTrue(later.signIn(name, PASSWORD).uri().getPath().endsWith("/account"));
    }

    @Test
    void loginProblemsAreShownBesideTheirFields() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);

        HttpResponse<String> empty = visitor.signIn("", "");
        assertEquals("Enter your username.", errorBeside(empty.body(), "login:username-error"));
        assertEquals("Enter your password.", errorBeside(empty.body(), "login:password-error"));

        HttpResponse<String> nobody = visitor.signIn(unique("nobody"), PASSWORD);
        assertEquals("Wrong username or password.", errorBeside(nobody.body(), "login:password-error"));
        assertFalse(nobody.body().contains(PASSWORD), "a password is never sent back");
    }

    @Test
    void theSixthAttemptAfterFiveWrongPasswordsIsRefusedWithoutCheckingThePassword() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);
        String name = unique("frank");
        visitor.register(name, PASSWORD);

        for (int i = 0; i < LoginLimiter.PER_USERNAME; i++) {
            HttpResponse<String> wrong = visitor.signIn(name, "wrong password " + i);
            assertEquals("Wrong username or password.", errorBeside(wrong.body(), "login:password-error"));
        }
        // Even the right password waits now.
        HttpResponse<String> limited = visitor.signIn(name, PASSWORD);

        assertEquals(200, limited.statusCode());
        assertTrue(limited.uri().getPath().endsWith("/login"));
        assertTrue(limited.body().contains("Too many failed sign-ins. Try again in "), limited.body());
        assertEquals("", errorBeside(limited.body(), "login:password-error"));
        // Another name from the same address is not locked.
        String other = unique("grace");
        visitor.register(other, PASSWORD);
        assertTrue(new PortalVisitor(base).signIn(other, PASSWORD).uri().getPath().endsWith("/account"));
    }

    @Test
    void theConfiguredAdminUsernameRegistersAsAdmin() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);
        visitor.register("first-admin", PASSWORD);

        // Registered by this or an earlier run: signing in shows the role either way.
        HttpResponse<String> account = visitor.signIn("first-admin", PASSWORD);
        assertEquals("admin", text(account.body(), "account-role"), account.body());

        String someoneElse = unique("henry");
        visitor.register(someoneElse, PASSWORD);
        assertEquals("user", text(new PortalVisitor(base).signIn(someoneElse, PASSWORD).body(), "account-role"));
    }

    @Test
    void aPostWithoutViewStateIsRefusedWith403AndChangesNothing() throws Exception {
        PortalVisitor visitor = new PortalVisitor(base);
        String name = unique("ivan");
        FacesForm form = visitor.form("register", "register").set("username", name).set("password", PASSWORD)
                .set("confirmation", PASSWORD).without(FacesForm.VIEW_STATE);

        HttpResponse<String> forged = visitor.submit(form, "submit");

        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("id=\"form-refused\""), forged.body());
        assertFalse(forged.body().contains("Exception"), forged.body());
        HttpResponse<String> registered = visitor.register(name, PASSWORD);
        assertEquals("", errorBeside(registered.body(), "register:username-error"), "the forged POST registered nobody");
    }

    @Test
    void aPostWithAViewStateOfAnotherSessionIsRefusedWith403() throws Exception {
        String name = unique("judy");
        PortalVisitor victim = signedInAs(name);
        // The forger has a valid form of their own session, and makes the victim's browser send it.
        FacesForm forgersForm = new PortalVisitor(base).form("register", "register");
        HttpResponse<String> forged = victim.post(URI.create(base + "account"), forgersForm.body("submit"));

        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("id=\"form-refused\""), forged.body());

        FacesForm madeUp = victim.form("account", "password-change").set("current", PASSWORD)
                .set("new", "forged password!").set("confirmation", "forged password!");
        madeUp.fields.put(FacesForm.VIEW_STATE, "-1234567890123456789:987654321");
        assertEquals(403, victim.submit(madeUp, "submit").statusCode());
        assertTrue(new PortalVisitor(base).signIn(name, PASSWORD).uri().getPath().endsWith("/account"),
                "the password is unchanged");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyOverHttps() throws Exception {
        List<String> overHttp = new PortalVisitor(base).get("login").headers().allValues("Set-Cookie");
        String httpCookie = overHttp.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(httpCookie.contains("HttpOnly"), httpCookie);
        assertTrue(httpCookie.contains("SameSite=Lax"), httpCookie);
        assertFalse(isSecure(httpCookie), httpCookie);

        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // WildFly's self-signed certificate, made at first use
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        PortalVisitor overTls = new PortalVisitor(URI.create("https://localhost:8443/"),
                HttpClient.newBuilder().sslContext(trustAll));
        String httpsCookie = overTls.get("login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(isSecure(httpsCookie), httpsCookie);
        assertTrue(httpsCookie.contains("HttpOnly"), httpsCookie);
        assertTrue(httpsCookie.contains("SameSite=Lax"), httpsCookie);
    }
}
