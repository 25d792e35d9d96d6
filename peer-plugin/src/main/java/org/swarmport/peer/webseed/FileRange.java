package org.swarmport.peer.webseed;

import java.net.URI;

/**
 * One HTTP range request of a web seed: {@code length} bytes at {@code fileOffset} in the file
 * at {@code uri}, which go to {@code bufferOffset} in the bytes being fetched.
 *
 * @param uri          where the file is served
 * @param fileLength   the file's length in the torrent (a {@code 200} is only acceptable for all of it)
 * @param fileOffset   the first byte wanted
 * @param length       bytes wanted, at least 1
 * @param bufferOffset where they go in the fetched run
 */
public record FileRange(URI uri, long fileLength, long fileOffset, int length, int bufferOffset) {

    public FileRange {
        if (length < 1 || fileOffset < 0 || bufferOffset < 0 || fileOffset + length > fileLength) {
            throw new IllegalArgumentException("range of " + length + " bytes at " + fileOffset + " of a file of "
                    + fileLength + " bytes");
        }
    }

    /** The RFC 9110 {@code Range} header value: {@code bytes=first-last}, both inclusive. */
    public String rangeHeader() {
        return "bytes=" + fileOffset + "-" + lastByte();
    }

    /** Whether the range is the whole file, so that a plain {@code 200} answers it. */
    public boolean wholeFile() {
        return fileOffset == 0 && length == fileLength;
    }

    long lastByte() {
        return fileOffset + length - 1;
    }
}
