package org.swarmport.portal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.portal.account.FacesForm;
import org.swarmport.portal.account.PortalVisitor;

/**
 * A GET or HEAD that carries {@code Content-Type: multipart/form-data} and no body, as Java's
 * HttpClient sends after a multipart POST's redirect: a normal page, not Undertow's 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BodilessMultipartGetIT {

    private static final String MULTIPART = "multipart/form-data; boundary=----bodiless";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> multipartTyped(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", MULTIPART)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void facesPagesKeepTheirQueryParametersAndAServletAnswersAsForAPlainGet() throws Exception {
        HttpResponse<String> login = multipartTyped("GET", "login?next=%2Fupload");
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("<form id=\"login\""), login.body());
        HttpResponse<String> search = multipartTyped("GET", "search?q=multipart%20probe");
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("value=\"multipart probe\""), "q is read from the query: " + search.body());

        assertEquals(200, multipartTyped("HEAD", "").statusCode());
        HttpResponse<String> rss = multipartTyped("GET", "rss?q=debian");
        assertEquals(503, rss.statusCode(), "the tracker is not deployed here: its plain 503, not a 500: " + rss.body());
        assertFalse(rss.body().contains("Exception"), rss.body());
        assertEquals(200, multipartTyped("GET", "health").statusCode());
    }

    @Test
    void aMultipartSignInFollowedByHttpClientsRedirectLandsOnTheAccountPage() throws Exception {
        String name = "multi-" + UUID.randomUUID().toString().substring(0, 8);
        PortalVisitor visitor = new PortalVisitor(base);
        visitor.register(name, "correct horse battery");
        FacesForm form = visitor.form("login", "login").set("username", name).set("password", "correct horse battery");

        // What a browser never does and java.net.http does: the POST's Content-Type stays on the redirected GET.
        HttpResponse<String> signedIn = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(visitor.cookies).followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(form.action).header("Content-Type", MULTIPART)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(form, "login:submit"))).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.uri().getPath().endsWith("/account"), signedIn.uri().toString());
        assertTrue(signedIn.body().contains(name), signedIn.body());
    }

    private static byte[] multipart(FacesForm form, String button) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(form.fields);
        fields.put(button, "clicked");
        fields.forEach((name, value) -> body.writeBytes(("------bodiless\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes("------bodiless--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
