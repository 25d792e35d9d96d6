package org.swarmport.tracker.announce;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The status line and headers the tracker's HTTP port sends before a bencoded body: the same
 * three headers the servlet sends ({@code text/plain}, a length, {@code no-store}), and a
 * {@code Connection} header when the connection will not do what the request's HTTP version
 * implies by default (RFC 9112 section 9.3).
 */
final class HttpAnswer {

    /** Room for the longest status line and all headers. */
    static final int MAX_HEAD_BYTES = 160;

    private static final byte[] OK = status(200, "OK");
    private static final byte[] HEADERS = ascii("Content-Type: text/plain\r\nCache-Control: no-store\r\nContent-Length: ");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] CRLF = ascii("\r\n");

    private HttpAnswer() {
    }

    /**
     * Writes the head for a body of {@code bodyLength} bytes.
     *
     * @param http11    the request's version; HTTP/1.0 keeps a connection only when told
     * @param keepAlive whether the connection stays open after this answer
     */
    static void writeHead(ByteBuffer out, int status, int bodyLength, boolean http11, boolean keepAlive) {
        out.put(status == 200 ? OK : status(status, reason(status)));
        out.put(HEADERS);
        putDecimal(out, bodyLength);
        out.put(CRLF);
        if (!keepAlive) {
            out.put(CLOSE);
        } else if (!http11) {
            out.put(KEEP_ALIVE);
        }
        out.put(CRLF);
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 505 -> "HTTP Version Not Supported";
            default -> throw new IllegalArgumentException("no reason phrase for " + status);
        };
    }

    private static byte[] status(int status, String reason) {
        return ascii("HTTP/1.1 " + status + " " + reason + "\r\n");
    }

    private static void putDecimal(ByteBuffer out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative length: " + value);
        }
        int divisor = 1;
        while (divisor <= value / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.put((byte) ('0' + value / divisor % 10));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
