package org.swarmport.portal.forms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodilessMultipartGetTest {

    @Test
    void aGetOrHeadWithAMultipartTypeLosesIt() {
        assertTrue(BodilessMultipartGet.isBodilessMultipart("GET", "multipart/form-data; boundary=x"));
        assertTrue(BodilessMultipartGet.isBodilessMultipart("HEAD", " Multipart/Form-Data;boundary=x"));
        assertTrue(BodilessMultipartGet.isBodilessMultipart("GET", "multipart/mixed"));
    }

    @Test
    void postsAndOtherTypesAreLeftAlone() {
        assertFalse(BodilessMultipartGet.isBodilessMultipart("POST", "multipart/form-data; boundary=x"),
                "an upload keeps its body");
        assertFalse(BodilessMultipartGet.isBodilessMultipart("PUT", "multipart/form-data; boundary=x"));
        assertFalse(BodilessMultipartGet.isBodilessMultipart("GET", "application/x-www-form-urlencoded"));
        assertFalse(BodilessMultipartGet.isBodilessMultipart("GET", null));
        assertFalse(BodilessMultipartGet.isBodilessMultipart("GET", "text/plain; note=multipart/"));
    }
}
