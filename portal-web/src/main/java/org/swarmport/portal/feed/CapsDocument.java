package org.swarmport.portal.feed;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.swarmport.portal.tracker.Category;

/**
 * The answer to {@code t=caps}: what this indexer searches and its categories, which
 * Prowlarr and Sonarr read before their first search (they send only the parameters listed
 * in {@code supportedParams}).
 */
final class CapsDocument {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private CapsDocument() {
    }

    static void write(OutputStream out, String site, List<Category> categories) throws XMLStreamException {
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("caps");
            xml.writeEmptyElement("server");
            xml.writeAttribute("version", "1.0");
            xml.writeAttribute("title", "Swarmport");
            xml.writeAttribute("url", XmlText.clean(site + "/"));
            xml.writeEmptyElement("limits");
            xml.writeAttribute("max", Integer.toString(TorznabRequest.MAX_LIMIT));
            xml.writeAttribute("default", Integer.toString(TorznabRequest.DEFAULT_LIMIT));
            xml.writeStartElement("searching");
            searching(xml, "search", true, "q");
            searching(xml, "tv-search", true, "q,season,ep");
            searching(xml, "movie-search", true, "q");
            searching(xml, "music-search", false, "q");
            searching(xml, "audio-search", false, "q");
            searching(xml, "book-search", false, "q");
            xml.writeEndElement();
            xml.writeStartElement("categories");
            // The tracker has Torznab's top-level categories and no subcategories.
            for (Category category : categories) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("id", Integer.toString(category.id()));
                xml.writeAttribute("name", XmlText.clean(category.name()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        } finally {
            xml.close();
        }
    }

    private static void searching(XMLStreamWriter xml, String name, boolean available, String parameters)
            throws XMLStreamException {
        xml.writeEmptyElement(name);
        xml.writeAttribute("available", available ? "yes" : "no");
        xml.writeAttribute("supportedParams", parameters);
    }

    /** {@code <error code="100" description="…"/>}, the spec's form of every failure. */
    static void error(OutputStream out, TorznabError error) throws XMLStreamException {
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeEmptyElement("error");
            xml.writeAttribute("code", Integer.toString(error.code()));
            xml.writeAttribute("description", XmlText.clean(error.description()));
            xml.writeEndDocument();
        } finally {
            xml.close();
        }
    }
}
