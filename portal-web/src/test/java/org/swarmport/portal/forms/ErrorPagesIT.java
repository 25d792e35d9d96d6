package org.swarmport.portal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The static error pages as the war holds them: the build has put the one shared head and header
 * into each (src/main/error-pages, pom.xml), and nothing is left to fill in. No server needed: it
 * reads the built war's directory, which exists from the package phase on.
 */
class ErrorPagesIT {

    private static final Path ERRORS = Path.of("target", "portal", "WEB-INF", "errors");

    @Test
    void everyErrorPageHasTheSharedHeadItsOwnTitleAndTheSiteHeader() throws Exception {
        for (String page : List.of("403", "404", "413", "moderators-only")) {
            String html = Files.readString(ERRORS.resolve(page + ".html"));

            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n    <meta charset=\"UTF-8\"/>\n"), html);
            assertTrue(html.contains("    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"), html);
            assertTrue(html.contains("    <meta name=\"color-scheme\" content=\"light dark\"/>\n"), html);
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/jakarta.faces.resource/css/swarmport.css.xhtml\"/>"), html);
            assertTrue(html.matches("(?s).*<title>[^<]+ — Swarmport</title>\n</head>.*"), html);
            assertEquals(1, html.split("<header class=\"site\"><a class=\"brand\" href=\"/\">Swarmport</a></header>", -1).length - 1, html);
            assertFalse(html.contains("@error.page"), "nothing left to fill in: " + html);
        }
        assertFalse(Files.exists(ERRORS.resolve("shared.properties")), "the build's input is not served");
    }
}
