package org.swarmport.peer.tracker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * The URLs of an HTTP tracker request: the announce query of BEP 3 and the scrape URL BEP 48
 * derives from the announce URL. Binary values ({@code info_hash}, {@code peer_id}) are
 * percent-escaped byte by byte; an announce URL's own query (a passkey) is kept in front.
 */
final class HttpTrackerUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpTrackerUrl() {
    }

    /**
     * {@code announce?info_hash=..&peer_id=..&port=..&uploaded=..&downloaded=..&left=..&compact=1&numwant=..&key=..[&event=..][&trackerid=..]}.
     * {@code compact=1} asks for BEP 23 peers; {@code key} is hex, as libtorrent and
     * Transmission write it.
     */
    static URI announce(URI announce, AnnounceRequest request, String trackerId) {
        // trackerId holds the tracker's bytes one char each (ISO-8859-1), as HttpTrackerResponse keeps it.
        StringBuilder query = new StringBuilder(256);
        param(query, "info_hash", escape(request.wireInfoHash()));
        param(query, "peer_id", escape(request.peerId()));
        param(query, "port", Integer.toString(request.port()));
        param(query, "uploaded", Long.toString(request.uploaded()));
        param(query, "downloaded", Long.toString(request.downloaded()));
        param(query, "left", Long.toString(request.left()));
        param(query, "compact", "1");
        param(query, "numwant", Integer.toString(request.numWant()));
        param(query, "key", String.format("%08x", request.key()));
        if (request.event().httpName() != null) {
            param(query, "event", request.event().httpName());
        }
        if (trackerId != null) {
            param(query, "trackerid", escape(trackerId.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return withQuery(announce, query);
    }

    /**
     * BEP 48: when the last path component of the announce URL begins with {@code announce},
     * the scrape URL is the same with that {@code announce} replaced by {@code scrape};
     * otherwise the tracker offers no scrape.
     */
    static Optional<URI> scrape(URI announce, List<InfoHash> hashes) {
        String url = base(announce);
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        int slash = path.lastIndexOf('/');
        if (slash < 0 || !path.startsWith("announce", slash + 1)) {
            return Optional.empty();
        }
        String scrape = path.substring(0, slash + 1) + "scrape" + path.substring(slash + 1 + "announce".length())
                + (queryStart < 0 ? "" : url.substring(queryStart));
        StringBuilder query = new StringBuilder();
        for (InfoHash hash : hashes) {
            param(query, "info_hash", escape(hash.truncated()));
        }
        return Optional.of(withQuery(URI.create(scrape), query));
    }

    /** Percent-escapes every byte outside RFC 3986's unreserved set. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(value);
    }

    private static URI withQuery(URI base, StringBuilder query) {
        String url = base(base);
        if (query.length() == 0) {
            return URI.create(url);
        }
        char separator = url.indexOf('?') < 0 ? '?' : url.endsWith("?") || url.endsWith("&") ? '\0' : '&';
        return URI.create(separator == '\0' ? url + query : url + separator + query);
    }

    /** The URL as written, without a fragment, which is never sent. */
    private static String base(URI uri) {
        String url = uri.toString();
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
