package org.swarmport.peer.webseed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.swarmport.peer.metainfo.FileEntry;

/**
 * A BEP 19 {@code url-list} entry and the URL of each file under it. BEP 19 (GetRight style):
 * for a single-file torrent the URL is the file itself, unless it ends with {@code /}, when the
 * torrent's name is appended; for a multi-file torrent the name and the file's path segments
 * are appended to the URL (a {@code /} is added when it lacks one, as libtorrent does).
 *
 * <p>Every path segment is percent-encoded byte by byte (UTF-8), leaving only RFC 3986
 * unreserved characters, so that no name from a torrent can add a segment ({@code /}), end the
 * path ({@code ?}, {@code #}) or climb out of it: {@code .} and {@code ..} are refused (the metainfo
 * parser refuses them already), and {@code %} itself is encoded, so a server that decodes once
 * sees the name as the torrent gives it.
 */
public final class WebSeedUrl {

    private final String url;
    private final String base;

    private WebSeedUrl(String url, String base) {
        this.url = url;
        this.base = base;
    }

    /**
     * Checks a {@code url-list} entry: an absolute {@code http} or {@code https} URL with a host
     * and no fragment.
     */
    public static WebSeedUrl parse(String url) throws WebSeedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebSeedException("web seed " + url + ": not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebSeedException("web seed " + url + ": only http and https are supported");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebSeedException("web seed " + url + ": no host");
        }
        if (uri.getRawFragment() != null) {
            throw new WebSeedException("web seed " + url + ": a fragment has no place in a web seed URL");
        }
        return new WebSeedUrl(url, uri.getRawPath() == null || uri.getRawPath().isEmpty() ? url + "/" : url);
    }

    /** The {@code url-list} entry as the torrent gives it. */
    public String url() {
        return url;
    }

    /**
     * Where {@code file} is served. {@code multiFile} says whether the torrent has a file list
     * (BEP 3); the file's path then begins with the torrent's name, which BEP 19 appends too.
     *
     * @throws IllegalArgumentException for a path segment that is empty, {@code .} or {@code ..}
     *                                  (the metainfo parser never lets one through)
     */
    public URI fileUri(FileEntry file, boolean multiFile) {
        List<String> segments = file.path().components();
        StringBuilder out = new StringBuilder(base);
        if (multiFile) {
            if (base.indexOf('?') >= 0) {
                throw new IllegalArgumentException("web seed " + url + ": a multi-file torrent's URL cannot have a query");
            }
            if (!base.endsWith("/")) {
                out.append('/');
            }
            for (int i = 0; i < segments.size(); i++) {
                if (i > 0) {
                    out.append('/');
                }
                appendSegment(out, segments.get(i));
            }
        } else if (base.endsWith("/")) {
            appendSegment(out, segments.get(segments.size() - 1));
        }
        return URI.create(out.toString());
    }

    private static void appendSegment(StringBuilder out, String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("path segment '" + segment + "' would leave the web seed's directory");
        }
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
