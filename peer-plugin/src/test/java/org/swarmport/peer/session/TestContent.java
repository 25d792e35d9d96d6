package org.swarmport.peer.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** Random content on disk and the torrent of it, for session and interop tests. */
public final class TestContent {

    private TestContent() {
    }

    /** Writes a file of {@code length} seeded random bytes at {@code dir/name}. */
    public static Path file(Path dir, String name, int length, long seed) throws IOException {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** The torrent of {@code content} (a file or a directory) with the given version and piece length. */
    public static Metainfo torrent(Path content, MetainfoVersion version, long pieceLength) throws IOException {
        return MetainfoBuilder.of(content).version(version).pieceLength(pieceLength).build();
    }

    /** Whether every file under {@code expected} has the same bytes under {@code actual}. */
    public static void assertSameTree(Path expected, Path actual) throws IOException {
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path other = actual.resolve(expected.relativize(file).toString());
                if (!Files.exists(other)) {
                    throw new AssertionError(other + " is missing");
                }
                if (Files.mismatch(file, other) != -1) {
                    throw new AssertionError(other + " differs from " + file + " at byte " + Files.mismatch(file, other));
                }
            }
        }
    }

    /** A client bound to loopback on an ephemeral port. */
    public static Client.Builder loopbackClient() {
        return Client.builder().bindAddress(InetAddress.getLoopbackAddress()).listenPort(0);
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
