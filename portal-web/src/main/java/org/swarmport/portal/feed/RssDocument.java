package org.swarmport.portal.feed;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An RSS 2.0 document of torrents, written as a stream: the {@code /rss} feed, and with
 * {@code torznab:attr} elements the answer to a Torznab search (which is RSS 2.0 too). Every
 * text goes through {@link XmlText#clean} and the writer's escaping, never into markup.
 */
final class RssDocument {

    static final String TORZNAB = "http://torznab.com/schemas/2015/feed";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TORRENT_TYPE = "application/x-bittorrent";
    /** RFC 822 dates, as RSS 2.0 asks ({@code Tue, 3 Jun 2008 11:05:30 GMT}). */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** Where a Torznab answer says which slice of how many it is; absent in a plain RSS feed. */
    record Slice(long offset, long total) {
    }

    private final XMLStreamWriter xml;
    private final boolean torznab;

    private RssDocument(XMLStreamWriter xml, boolean torznab) {
        this.xml = xml;
        this.torznab = torznab;
    }

    /** A plain RSS 2.0 feed. */
    static void rss(OutputStream out, FeedChannel channel, List<FeedItem> items) throws XMLStreamException {
        write(out, channel, items, null);
    }

    /** A Torznab search answer: RSS 2.0 with the Torznab attributes of every item. */
    static void torznab(OutputStream out, FeedChannel channel, List<FeedItem> items, Slice slice) throws XMLStreamException {
        write(out, channel, items, slice);
    }

    private static void write(OutputStream out, FeedChannel channel, List<FeedItem> items, Slice slice)
            throws XMLStreamException {
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        try {
            new RssDocument(xml, slice != null).document(channel, items, slice);
        } finally {
            xml.close();
        }
    }

    private void document(FeedChannel channel, List<FeedItem> items, Slice slice) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", ATOM);
        if (torznab) {
            xml.writeNamespace("torznab", TORZNAB);
        }
        xml.writeStartElement("channel");
        xml.writeEmptyElement("atom", "link", ATOM);
        xml.writeAttribute("href", XmlText.clean(channel.selfUrl()));
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        element("title", channel.title());
        element("link", channel.link());
        element("description", channel.description());
        if (slice != null) {
            xml.writeEmptyElement("torznab", "response", TORZNAB);
            xml.writeAttribute("offset", Long.toString(slice.offset()));
            xml.writeAttribute("total", Long.toString(slice.total()));
        }
        for (FeedItem item : items) {
            item(item);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void item(FeedItem item) throws XMLStreamException {
        xml.writeStartElement("item");
        element("title", item.title());
        element("link", item.detailsUrl());
        xml.writeStartElement("guid");
        // The torrent's page is its permanent address: feed readers may follow the guid.
        xml.writeAttribute("isPermaLink", "true");
        xml.writeCharacters(XmlText.clean(item.detailsUrl()));
        xml.writeEndElement();
        element("comments", item.detailsUrl() + "#comments");
        if (item.published() != null) {
            element("pubDate", date(item.published()));
        }
        element("category", item.categoryName());
        element("description", item.description());
        if (torznab) {
            element("size", Long.toString(item.size()));
        }
        xml.writeEmptyElement("enclosure");
        xml.writeAttribute("url", XmlText.clean(item.downloadUrl()));
        xml.writeAttribute("length", Long.toString(item.size()));
        xml.writeAttribute("type", TORRENT_TYPE);
        if (torznab) {
            attribute("category", Integer.toString(item.categoryId()));
            attribute("size", Long.toString(item.size()));
            attribute("seeders", Long.toString(item.seeders()));
            attribute("leechers", Long.toString(item.leechers()));
            attribute("peers", Long.toString(item.seeders() + item.leechers()));
            attribute("infohash", item.infoHash());
            if (item.magnet() != null) {
                attribute("magneturl", item.magnet());
            }
            // Nothing here is freeleech or double upload: every byte counts once.
            attribute("downloadvolumefactor", "1");
            attribute("uploadvolumefactor", "1");
        }
        xml.writeEndElement();
    }

    static String date(Instant instant) {
        return RFC_822.format(instant.atOffset(ZoneOffset.UTC));
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    private void attribute(String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("torznab", "attr", TORZNAB);
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", XmlText.clean(value));
    }
}
