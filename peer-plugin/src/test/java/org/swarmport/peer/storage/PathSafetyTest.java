package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * A torrent's paths are already safe as strings ({@code FilePath}); what is on the disk may not
 * be: a symbolic link in the download directory must not carry a torrent's writes outside it.
 */
class PathSafetyTest {

    @TempDir
    Path directory;

    @TempDir
    Path outside;

    private final Content content = Content.of(MetainfoVersion.V1, 16384,
            Map.of(FilePath.of("sub", "victim.txt"), new byte[100]));

    private Path downloads() throws IOException {
        return Files.createDirectories(directory.resolve("downloads"));
    }

    /** Writes and verifies the torrent's one piece under {@code downloads}. */
    private void downloadInto(Path downloads) throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, downloads)) {
            storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
            assertTrue(storage.verifyPiece(0));
        }
    }

    @Test
    void aSymlinkedDirectoryLeadingOutsideIsRefusedNamingTheTorrentPath() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("t"));
        Files.createSymbolicLink(downloads.resolve("t/sub"), outside);
        StorageException refused = assertThrows(StorageException.class, () -> {
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, downloads)) {
                storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
            }
        });
        assertEquals("t/sub/victim.txt", refused.path().orElseThrow());
        assertTrue(refused.getMessage().startsWith("t/sub/victim.txt: leads to " + outside.toRealPath()), refused.getMessage());
        assertTrue(refused.getMessage().contains("outside the download directory"), refused.getMessage());
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count(), "nothing was written outside");
        }
    }

    @Test
    void aSymlinkedFileLeadingOutsideIsRefusedAndNeverRead() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("t/sub"));
        Path secret = Files.write(outside.resolve("secret"), new byte[100]);
        Files.createSymbolicLink(downloads.resolve("t/sub/victim.txt"), secret);
        StorageException refused = assertThrows(StorageException.class,
                () -> TorrentStorage.open(content.metainfo, downloads).close());
        assertTrue(refused.getMessage().contains("outside the download directory"), refused.getMessage());
    }

    @Test
    void aDanglingSymlinkIsNotFollowed() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("t/sub"));
        Files.createSymbolicLink(downloads.resolve("t/sub/victim.txt"), outside.resolve("not-yet"));
        StorageException refused = assertThrows(StorageException.class, () -> {
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, downloads)) {
                storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
            }
        });
        assertTrue(refused.getMessage().contains("symbolic link to nothing"), refused.getMessage());
        assertFalse(Files.exists(outside.resolve("not-yet")), "the link's target was not created");
    }

    @Test
    void aSymlinkThatStaysInsideTheDirectoryIsAllowed() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("elsewhere"));
        Files.createDirectories(downloads.resolve("t"));
        Files.createSymbolicLink(downloads.resolve("t/sub"), downloads.resolve("elsewhere"));
        downloadInto(downloads);
        assertTrue(Files.exists(downloads.resolve("elsewhere/victim.txt")));
    }

    @Test
    void theDownloadDirectoryMayItselfBeASymlink() throws IOException {
        Path real = downloads();
        Path link = Files.createSymbolicLink(directory.resolve("link"), real);
        downloadInto(link);
        assertTrue(Files.exists(real.resolve("t/sub/victim.txt")));
    }

    @Test
    void aFileWhereTheTorrentNeedsADirectoryIsAClearError() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("t"));
        Files.write(downloads.resolve("t/sub"), new byte[1]);
        StorageException refused = assertThrows(StorageException.class, () -> {
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, downloads)) {
                storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
            }
        });
        assertEquals("t/sub/victim.txt: t/sub is a file, not a directory", refused.getMessage());
    }

    @Test
    void aDirectoryWhereTheTorrentNeedsAFileIsAClearError() throws IOException {
        Path downloads = downloads();
        Files.createDirectories(downloads.resolve("t/sub/victim.txt"));
        StorageException refused = assertThrows(StorageException.class,
                () -> TorrentStorage.open(content.metainfo, downloads).close());
        assertEquals("t/sub/victim.txt: is not a regular file", refused.getMessage());
    }
}
