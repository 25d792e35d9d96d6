package org.swarmport.portal.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads feeds as their consumers do, with a namespace-aware XML parser that refuses DTDs:
 * for this module's tests and platform's (the test-jar).
 */
public final class FeedXml {

    public static final String TORZNAB = "http://torznab.com/schemas/2015/feed";

    private FeedXml() {
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static List<Element> elements(Document document, String name) {
        NodeList list = document.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    /** The text of the first element of this name inside {@code parent}. */
    public static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    /** An item's {@code torznab:attr} elements, name to value; a name twice is a failure. */
    public static Map<String, String> torznabAttributes(Element item) {
        Map<String, String> attributes = new HashMap<>();
        NodeList list = item.getElementsByTagNameNS(TORZNAB, "attr");
        for (int i = 0; i < list.getLength(); i++) {
            Element attr = (Element) list.item(i);
            if (attributes.put(attr.getAttribute("name"), attr.getAttribute("value")) != null) {
                throw new AssertionError("torznab:attr " + attr.getAttribute("name") + " twice");
            }
        }
        return attributes;
    }
}
