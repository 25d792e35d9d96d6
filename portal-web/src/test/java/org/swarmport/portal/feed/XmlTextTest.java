package org.swarmport.portal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void textXmlAllowsIsTheSameString() {
        String allowed = "Name.S01E02 é 日本 \ud83d\ude00 tab\t line\n cr\r";
        assertSame(allowed, XmlText.clean(allowed));
    }

    @Test
    void everyCharacterXml10ForbidsBecomesTheReplacementCharacter() {
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                assertEquals("a\ufffdb", XmlText.clean("a" + c + "b"), "U+" + Integer.toHexString(c));
            }
        }
        assertEquals("\ufffd\ufffd", XmlText.clean("\ufffe\uffff"));
        assertEquals("x\ufffd", XmlText.clean("x\udc00"), "a low surrogate alone");
        assertEquals("\ufffdy", XmlText.clean("\ud800y"), "a high surrogate alone");
        assertEquals("\ufffd", XmlText.clean("\ud800"), "a high surrogate at the end");
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", XmlText.clean(null));
    }
}
