package org.swarmport.peer.webseed;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the status and headers of an answer to a {@link FileRange} request announce exactly
 * the bytes asked for, before a byte of the body is read. A {@code 206} must carry a
 * {@code Content-Range} naming the range (and the file's length, when it gives one); a
 * {@code 200} carries the whole file, which is acceptable only when the whole file was asked
 * for; anything else is refused with the reason. Pure: the HTTP client hands over what it got.
 */
public final class RangeAnswer {

    private RangeAnswer() {
    }

    /**
     * Checks an answer.
     *
     * @param status        the HTTP status, after redirects
     * @param contentRange  its {@code Content-Range} header, if any
     * @param contentLength its {@code Content-Length} header, if any (a chunked body has none)
     * @throws WebSeedException naming what is wrong
     */
    public static void check(FileRange range, int status, Optional<String> contentRange, OptionalLong contentLength)
            throws WebSeedException {
        String what = range.uri() + " " + range.rangeHeader();
        if (status == 200) {
            if (!range.wholeFile()) {
                throw new WebSeedException(what + ": the server ignored the range and sent the whole file (200)");
            }
        } else if (status == 206) {
            if (contentRange.isEmpty()) {
                throw new WebSeedException(what + ": 206 without a Content-Range");
            }
            ContentRange got = ContentRange.parse(contentRange.get());
            if (got.first() != range.fileOffset() || got.last() != range.lastByte()) {
                throw new WebSeedException(what + ": the server sent bytes " + got.first() + "-" + got.last());
            }
            if (got.completeLength().isPresent() && got.completeLength().getAsLong() != range.fileLength()) {
                throw new WebSeedException(what + ": the file has " + got.completeLength().getAsLong()
                        + " bytes, the torrent says " + range.fileLength());
            }
        } else if (status == 404 || status == 410) {
            throw new WebSeedException(what + ": not found (" + status + ")");
        } else if (status == 416) {
            throw new WebSeedException(what + ": the server's file is shorter than the torrent's (416)");
        } else if (status >= 500 && status <= 599) {
            throw new WebSeedException(what + ": server error (" + status + ")");
        } else {
            throw new WebSeedException(what + ": unexpected status " + status);
        }
        if (contentLength.isPresent() && contentLength.getAsLong() != range.length()) {
            throw new WebSeedException(what + ": Content-Length " + contentLength.getAsLong() + " for a range of "
                    + range.length() + " bytes");
        }
    }
}
