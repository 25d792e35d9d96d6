package org.swarmport.tracker.announce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an HTTP/1.x request head (RFC 9112 sections 2–5) from bytes, for the tracker's own
 * HTTP port: a pure function, no I/O, so the fuzz tests drive it directly.
 *
 * <p>Strict where leniency would let one request be read two ways (request smuggling): a
 * malformed request line, a space before a header's colon, obsolete line folding, NUL or a
 * bare CR in a line, or a {@code Content-Length} that is not one decimal number are refused
 * with 400. Lenient where clients differ harmlessly: empty lines before the request line and
 * lines ending in a bare LF are accepted (RFC 9112 section 2.2), header names are
 * case-insensitive, and an absolute-form target ({@code http://host/announce?…}, as sent to
 * proxies) is read as its path and query.
 *
 * <p>Bounded: a head longer than {@value #MAX_HEAD_BYTES} bytes (431, or 414 while the
 * request line alone is that long) or with more than {@value #MAX_HEADER_LINES} header lines
 * (431) is refused, so a client cannot make the port buffer more. Every loop consumes at
 * least one byte per step within that bound.
 */
public final class HttpRequestHeadParser {

    /**
     * The largest head accepted: a 74-hash scrape (BEP 48) has a request line of about
     * 5.3 KB, and clients add a few hundred bytes of headers.
     */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    static final int MAX_HEADER_LINES = 100;
    private static final int MAX_METHOD_LENGTH = 16;

    private static final String ANNOUNCE = "/announce";
    private static final String SCRAPE = "/scrape";

    private HttpRequestHeadParser() {
    }

    /** Whether {@link HttpRequestHead#path()} names announce (a passkey path comes with private mode). */
    public static boolean isAnnounce(String path) {
        return ANNOUNCE.equals(path);
    }

    public static boolean isScrape(String path) {
        return SCRAPE.equals(path);
    }

    /**
     * Parses the head at the start of {@code buf[from, to)}.
     *
     * @return the head, or null when the bytes end before the head does (read more and try
     *         again from {@code from})
     * @throws HttpRequestHeadException for a head to refuse, with the status to answer
     */
    public static HttpRequestHead parse(byte[] buf, int from, int to) throws HttpRequestHeadException {
        if (from < 0 || to > buf.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside " + buf.length + " bytes");
        }
        int limit = Math.min(to, from + MAX_HEAD_BYTES);
        int start = from;
        while (start < limit && (buf[start] == '\r' || buf[start] == '\n')) {
            start++;
        }
        int lineEnd = indexOf(buf, start, limit, (byte) '\n');
        if (lineEnd < 0) {
            return incomplete(to - from, 414, "request line longer than " + MAX_HEAD_BYTES + " bytes");
        }
        int headEnd = headEnd(buf, lineEnd, limit);
        if (headEnd < 0) {
            return incomplete(to - from, 431, "request head longer than " + MAX_HEAD_BYTES + " bytes");
        }

        Head head = new Head();
        requestLine(buf, start, trimCr(buf, start, lineEnd), head);
        int headerLines = 0;
        for (int line = lineEnd + 1; line < headEnd; ) {
            int end = indexOf(buf, line, headEnd, (byte) '\n');
            int content = trimCr(buf, line, end);
            if (content == line) {
                break;    // the empty line that ends the head
            }
            if (++headerLines > MAX_HEADER_LINES) {
                throw new HttpRequestHeadException(431, "more than " + MAX_HEADER_LINES + " header lines");
            }
            header(buf, line, content, head);
            line = end + 1;
        }
        boolean keepAlive = head.http11 ? !head.close : head.keepAliveToken && !head.close;
        return new HttpRequestHead(head.method, head.path, head.query, head.http11, keepAlive, head.hasBody,
                head.forwardedFor == null ? List.of() : head.forwardedFor, headEnd - from);
    }

    /** Null while fewer than the bound have arrived; past it, the refusal. */
    private static HttpRequestHead incomplete(int available, int status, String message)
            throws HttpRequestHeadException {
        if (available >= MAX_HEAD_BYTES) {
            throw new HttpRequestHeadException(status, message);
        }
        return null;
    }

    /**
     * The index just past the empty line that ends the head, given the index of the request
     * line's LF; -1 when it is not in {@code buf[.., limit)}.
     */
    private static int headEnd(byte[] buf, int firstLf, int limit) {
        for (int lf = firstLf; lf >= 0; lf = indexOf(buf, lf + 1, limit, (byte) '\n')) {
            int next = lf + 1;
            if (next < limit && buf[next] == '\n') {
                return next + 1;
            }
            if (next + 1 < limit && buf[next] == '\r' && buf[next + 1] == '\n') {
                return next + 2;
            }
        }
        return -1;
    }

    private static void requestLine(byte[] buf, int from, int to, Head head) throws HttpRequestHeadException {
        int space = indexOf(buf, from, to, (byte) ' ');
        if (space <= from || space - from > MAX_METHOD_LENGTH) {
            throw malformedRequestLine();
        }
        for (int i = from; i < space; i++) {
            if (!isTokenChar(buf[i])) {
                throw malformedRequestLine();
            }
        }
        head.method = space - from == 3 && buf[from] == 'G' && buf[from + 1] == 'E' && buf[from + 2] == 'T'
                ? "GET" : ascii(buf, from, space);

        int targetStart = space + 1;
        int targetEnd = indexOf(buf, targetStart, to, (byte) ' ');
        if (targetEnd <= targetStart) {
            throw malformedRequestLine();
        }
        for (int i = targetStart; i < targetEnd; i++) {
            if (buf[i] < 0x21 || buf[i] > 0x7e) {
                throw new HttpRequestHeadException(400, "request target must be percent-encoded ASCII");
            }
        }
        version(buf, targetEnd + 1, to, head);
        target(buf, targetStart, targetEnd, head);
    }

    private static void version(byte[] buf, int from, int to, Head head) throws HttpRequestHeadException {
        if (to - from != 8 || !startsWith(buf, from, "HTTP/") || !isDigit(buf[from + 5]) || buf[from + 6] != '.'
                || !isDigit(buf[from + 7])) {
            throw malformedRequestLine();
        }
        if (buf[from + 5] != '1' || (buf[from + 7] != '0' && buf[from + 7] != '1')) {
            throw new HttpRequestHeadException(505, "HTTP version not supported: use HTTP/1.1");
        }
        head.http11 = buf[from + 7] == '1';
    }

    private static void target(byte[] buf, int from, int to, Head head) throws HttpRequestHeadException {
        int pathStart = from;
        if (buf[from] != '/') {
            int afterScheme = startsWithIgnoreCase(buf, from, to, "http://") ? from + 7
                    : startsWithIgnoreCase(buf, from, to, "https://") ? from + 8 : -1;
            if (afterScheme < 0) {
                throw new HttpRequestHeadException(400, "request target must be a path such as /announce");
            }
            pathStart = afterScheme;
            while (pathStart < to && buf[pathStart] != '/' && buf[pathStart] != '?') {
                pathStart++;
            }
        }
        int question = indexOf(buf, pathStart, to, (byte) '?');
        int pathEnd = question < 0 ? to : question;
        head.path = pathStart == pathEnd ? "/"
                : equals(buf, pathStart, pathEnd, ANNOUNCE) ? ANNOUNCE
                : equals(buf, pathStart, pathEnd, SCRAPE) ? SCRAPE
                : ascii(buf, pathStart, pathEnd);
        head.query = question < 0 ? null : ascii(buf, question + 1, to);
    }

    private static void header(byte[] buf, int from, int to, Head head) throws HttpRequestHeadException {
        if (buf[from] == ' ' || buf[from] == '\t') {
            throw new HttpRequestHeadException(400, "obsolete line folding in the request head");
        }
        int colon = indexOf(buf, from, to, (byte) ':');
        if (colon <= from) {
            throw new HttpRequestHeadException(400, "malformed header line");
        }
        for (int i = from; i < colon; i++) {
            if (!isTokenChar(buf[i])) {
                throw new HttpRequestHeadException(400, "malformed header name");
            }
        }
        int valueStart = colon + 1;
        int valueEnd = to;
        for (int i = valueStart; i < valueEnd; i++) {
            if (buf[i] == 0 || buf[i] == '\r') {
                throw new HttpRequestHeadException(400, "NUL or CR in a header value");
            }
        }
        while (valueStart < valueEnd && isBlank(buf[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && isBlank(buf[valueEnd - 1])) {
            valueEnd--;
        }
        if (equalsIgnoreCase(buf, from, colon, "connection")) {
            connection(buf, valueStart, valueEnd, head);
        } else if (equalsIgnoreCase(buf, from, colon, "content-length")) {
            contentLength(buf, valueStart, valueEnd, head);
        } else if (equalsIgnoreCase(buf, from, colon, "transfer-encoding")) {
            head.hasBody = true;
        } else if (equalsIgnoreCase(buf, from, colon, "x-forwarded-for")) {
            if (head.forwardedFor == null) {
                head.forwardedFor = new ArrayList<>(2);
            }
            head.forwardedFor.add(new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
        }
    }

    /** A comma-separated list of options (RFC 9110 section 7.6.1). */
    private static void connection(byte[] buf, int from, int to, Head head) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == ',') {
                int s = start;
                int e = i;
                while (s < e && isBlank(buf[s])) {
                    s++;
                }
                while (e > s && isBlank(buf[e - 1])) {
                    e--;
                }
                if (equalsIgnoreCase(buf, s, e, "close")) {
                    head.close = true;
                } else if (equalsIgnoreCase(buf, s, e, "keep-alive")) {
                    head.keepAliveToken = true;
                }
                start = i + 1;
            }
        }
    }

    private static void contentLength(byte[] buf, int from, int to, Head head) throws HttpRequestHeadException {
        if (from == to || to - from > 18) {
            throw new HttpRequestHeadException(400, "invalid Content-Length");
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(buf[i])) {
                throw new HttpRequestHeadException(400, "invalid Content-Length");
            }
            length = length * 10 + (buf[i] - '0');
        }
        if (head.contentLength >= 0 && head.contentLength != length) {
            throw new HttpRequestHeadException(400, "conflicting Content-Length headers");
        }
        head.contentLength = length;
        head.hasBody |= length > 0;
    }

    /** Where the line content ends: before a CR that precedes the LF at {@code lf}. */
    private static int trimCr(byte[] buf, int from, int lf) {
        return lf > from && buf[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 9110 section 5.6.2 tchar. */
    private static boolean isTokenChar(byte b) {
        if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || isDigit(b)) {
            return true;
        }
        return b > 0x20 && b < 0x7f && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean startsWith(byte[] buf, int from, String prefix) {
        if (buf.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] buf, int from, int to, String lowerPrefix) {
        return to - from >= lowerPrefix.length() && equalsIgnoreCase(buf, from, from + lowerPrefix.length(), lowerPrefix);
    }

    private static boolean equals(byte[] buf, int from, int to, String text) {
        return to - from == text.length() && startsWith(buf, from, text);
    }

    /** {@code lower} is lower-case ASCII letters, digits and dashes. */
    private static boolean equalsIgnoreCase(byte[] buf, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            int b = buf[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static HttpRequestHeadException malformedRequestLine() {
        return new HttpRequestHeadException(400, "malformed request line: expected GET /announce?... HTTP/1.1");
    }

    /** What the header lines said, while they are read. */
    private static final class Head {
        String method;
        String path;
        String query;
        boolean http11;
        boolean close;
        boolean keepAliveToken;
        boolean hasBody;
        long contentLength = -1;
        List<String> forwardedFor;
    }
}
