package org.swarmport.peer.metainfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one file that {@link MetainfoBuilder} hashes: a file on disk, read as a stream
 * so that no file is ever held in memory whole, or bytes in memory for tests and small content.
 */
public interface ContentSource {

    /** Bytes the source holds; the stream must yield exactly this many. */
    long length();

    /** A new stream over the bytes, from the first. */
    InputStream open() throws IOException;

    /** A regular file on disk; its length is taken now, and hashing fails if it changes. */
    static ContentSource of(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        long length = Files.size(file);
        return new ContentSource() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** Bytes in memory; they are copied. */
    static ContentSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ContentSource() {
            @Override
            public long length() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return copy.length + " bytes in memory";
            }
        };
    }
}
