package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.storage.StorageOptions;
import org.swarmport.peer.storage.TorrentStorage;

/**
 * Resume data is written while a torrent runs, on a timer and at completion, not only when it
 * stops: a copy of the download directory taken while the client runs (what a crash leaves: no
 * {@code close()}) opens with the verified pieces, without rehashing them.
 */
@Timeout(60)
class ResumeOnTimerTest {

    private static final int PIECES = 32;

    @TempDir
    Path temp;

    /**
     * Copies the download directory as it is now (resume file included) and answers what storage trusts in it.
     * The client keeps saving while this copies: a temporary resume file seen in the listing may be renamed away
     * before it is read, and a crash would not have left it either, so a file gone by then is left out.
     */
    private int verifiedAfterCrash(Metainfo metainfo, Path downloads) throws IOException {
        Path copy = temp.resolve("crash-" + System.nanoTime());
        Files.walkFileTree(downloads, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(copy.resolve(downloads.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                try {
                    Files.copy(file, copy.resolve(downloads.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException renamedAway) {
                    // see above: not part of what a crash at this moment leaves
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException problem) throws IOException {
                if (problem instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw problem;
            }
        });
        try (TorrentStorage storage = TorrentStorage.open(metainfo, copy, StorageOptions.defaults().readOnly(true))) {
            return storage.resumeProblem().isPresent() ? -1 : storage.verifiedPieces().cardinality();
        }
    }

    private void awaitCrashCopy(Metainfo metainfo, Path downloads, IntPredicate verified, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int last = -1;
        while (!verified.test(last)) {
            assertTrue(System.nanoTime() < deadline, what + "; last copy had " + last + " pieces in its resume data");
            Thread.sleep(100);
            last = verifiedAfterCrash(metainfo, downloads);
        }
    }

    @Test
    void anUnfinishedDownloadSavesResumeDataOnItsTimer() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "data.bin", PIECES * 16384, 61);
        Metainfo metainfo = TestContent.torrent(file, MetainfoVersion.V1, 16384);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(PIECES / 2 * 16384L); // the seed has the first half only: the download cannot finish
        }
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        try (Client seed = TestContent.loopbackClient().build().start();
             Client client = TestContent.loopbackClient().resumeInterval(Duration.ofMillis(300)).build().start()) {
            seed.add(metainfo, seedDir);
            TorrentHandle torrent = client.add(metainfo, downloads);
            torrent.connect(TestContent.loopback(seed.listenPort()));
            awaitCrashCopy(metainfo, downloads, n -> n == PIECES / 2,
                    "the running download's resume data never held the half it has");
        }
    }

    @Test
    void aCompletedDownloadSavesResumeDataAtOnce() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "data.bin", PIECES * 16384, 62);
        Metainfo metainfo = TestContent.torrent(file, MetainfoVersion.V1, 16384);
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        // the default interval (60 s) is far beyond this test: only the save at completion can pass it
        try (Client seed = TestContent.loopbackClient().build().start();
             Client client = TestContent.loopbackClient().build().start()) {
            seed.add(metainfo, seedDir);
            TorrentHandle torrent = client.add(metainfo, downloads);
            torrent.connect(TestContent.loopback(seed.listenPort()));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), torrent::diagnostics);
            awaitCrashCopy(metainfo, downloads, n -> n == PIECES, "no complete resume data after completion");
        }
    }
}
